# Runs scripts as a scheduler runs them: a fresh `dotnet pwsh -NonInteractive -File` (the repository's pinned
# PowerShell), judged by its exit code and its output. Dot-source after common.ps1.
#
#   $run = Start-PdChild -File $script -ArgumentList '-Requests', $csv -Environment @{ AWS_REGION = 'eu-west-1' }
#   $result = Wait-PdChild $run      # ExitCode, Output (stdout and stderr, in one text)

function Start-PdChild {
    <#
    .SYNOPSIS
        Starts `dotnet pwsh -NoProfile -NonInteractive -File $File @ArgumentList` in the repository folder (where the
        pinned tool resolves) with this process's environment, changed by $Environment ($null removes a variable).
        The AWS variables the tests cleared are removed rather than passed on empty: to the AWS SDK an empty
        AWS_ENDPOINT_URL is a value, not an absent one.
    #>
    param(
        [Parameter(Mandatory)] [string] $File,
        [string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{}
    )

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @('pwsh', '-NoProfile', '-NonInteractive', '-File', $File) + $ArgumentList) { $start.ArgumentList.Add($argument) }
    $start.WorkingDirectory = $script:PdRepoRoot
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    foreach ($name in @($start.Environment.Keys)) {
        if ($name -like 'AWS_*' -and [string]::IsNullOrEmpty($start.Environment[$name])) { $null = $start.Environment.Remove($name) }
    }
    foreach ($entry in $Environment.GetEnumerator()) {
        if ($null -eq $entry.Value) { $null = $start.Environment.Remove($entry.Key) } else { $start.Environment[$entry.Key] = [string]$entry.Value }
    }

    $process = [System.Diagnostics.Process]::Start($start)
    [pscustomobject]@{
        Process = $process
        Stdout  = $process.StandardOutput.ReadToEndAsync()
        Stderr  = $process.StandardError.ReadToEndAsync()
    }
}

function Wait-PdChild {
    <# .SYNOPSIS Waits for a Start-PdChild process (killed after $TimeoutSeconds); returns its ExitCode and Output. #>
    param([Parameter(Mandatory, ValueFromPipeline)] $Child, [int] $TimeoutSeconds = 120)
    process {
        if (-not $Child.Process.WaitForExit($TimeoutSeconds * 1000)) {
            $Child.Process.Kill($true)
            throw "The child process did not end within $TimeoutSeconds s: $($Child.Stdout.Result)$($Child.Stderr.Result)"
        }
        $Child.Process.WaitForExit()
        [pscustomobject]@{
            ExitCode = $Child.Process.ExitCode
            # As a log shows it: the colours of PowerShell's formatting are not text.
            Output   = ($Child.Stdout.Result + $Child.Stderr.Result) -replace '\e\[[0-9;]*m'
        }
        $Child.Process.Dispose()
    }
}
