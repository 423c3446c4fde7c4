<#
.SYNOPSIS
    Runs Pester test files in this (fresh) process and writes the pass/fail/skip counts as JSON for build.ps1.
.DESCRIPTION
    With -ClaimFolder, several such workers share one ordered list of files: each takes the next file no other
    worker has claimed (by creating its claim file), so the files spread evenly whatever their durations.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string[]] $Path,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [Parameter(Mandatory)] [string] $FakePath,
    [string] $ClaimFolder
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
# tests/common.ps1 reads these to find the built module and the fake.
$env:PD_FAKE_DLL = $FakePath
$env:PD_MODULE_PATH = Join-Path (Split-Path $PSScriptRoot) 'output/PersonalizeDeletion'

# build.ps1 passes its paths as one JSON array (-File takes one string per parameter; a path may hold a comma).
$paths = @($Path | ForEach-Object { if ($_.StartsWith('[')) { ConvertFrom-Json -InputObject $_ } else { $_ } })

function Get-NextPath {
    param([int] $From)
    for ($index = $From; $index -lt $paths.Count; $index++) {
        try {
            [System.IO.File]::Open((Join-Path $ClaimFolder $index), [System.IO.FileMode]::CreateNew).Dispose()
            return $index
        }
        catch [System.IO.IOException] {
            # Another worker has it.
        }
    }
    -1
}

$totals = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0; Durations = [ordered]@{} }
$run = 0
$next = if ($ClaimFolder) { Get-NextPath 0 } else { 0 }
while ($next -ge 0) {
    # A file is claimed only when this worker is ready to run it, so a slow file does not hold the others back.
    $batch = if ($ClaimFolder) { @($paths[$next]) } else { $paths }
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $batch
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Normal'
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = [System.IO.Path]::ChangeExtension($SummaryPath, ".$run.xml")
    $run++
    $result = Invoke-Pester -Configuration $configuration
    # When writing the report fails (a failure message holding a control character, such as a colour escape), Pester
    # writes the error and returns nothing: that must read as a failed run, never as one without failures.
    if ($null -eq $result) { throw 'Invoke-Pester returned no result: its report could not be written. The run counts as failed.' }

    $totals.Passed += $result.PassedCount
    $totals.Failed += $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    $totals.Skipped += $result.SkippedCount + $result.NotRunCount
    # Each file's duration lets build.ps1 order the files longest first next time.
    foreach ($container in $result.Containers) { $totals.Durations[(Split-Path $container.Item -Leaf)] = [Math]::Round($container.Duration.TotalSeconds, 2) }
    $next = if ($ClaimFolder) { Get-NextPath ($next + 1) } else { -1 }
}

[pscustomobject]$totals | ConvertTo-Json | ForEach-Object {
    # UTF-8 without a BOM under Windows PowerShell 5.1 too (-TestHost powershell), whose Set-Content cannot write it.
    [System.IO.File]::WriteAllText($SummaryPath, $_)
}
