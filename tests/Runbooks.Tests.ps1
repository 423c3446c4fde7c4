# The runbooks about_PersonalizeDeletion shows, run exactly as shown the way their schedulers run them
# (pwsh -NonInteractive -File) and judged by their exit codes: they must fail whenever the deletion did not happen.
# Each is a fenced powershell block of the page whose first line is "# Runbook: <name>".

BeforeAll {
    . $PSScriptRoot/common.ps1
    . $PSScriptRoot/ChildProcess.ps1
    Initialize-PdTest

    function Get-PdRunbook {
        <# The runbooks of a markdown page: name and script text, exactly as the page shows them. #>
        param([Parameter(Mandatory)] [string] $Path)
        $text = (Get-Content -Path $Path -Raw) -replace "`r`n", "`n"
        foreach ($match in [regex]::Matches($text, '(?ms)^```powershell\n(?<script># Runbook: (?<name>[^\n]+)\n.*?)^```')) {
            [pscustomobject]@{ Name = $match.Groups['name'].Value; Script = $match.Groups['script'].Value }
        }
    }

    $script:Ssm = 'AWS Systems Manager Run Command'
    $script:Azure = 'Azure Automation'
    $script:Runbooks = @{}
    foreach ($runbook in Get-PdRunbook -Path (Join-Path $PdRepoRoot 'docs/en-US/about_PersonalizeDeletion.md')) {
        $path = Join-Path $PdTemp ('runbook-' + ($runbook.Name -replace '\W+', '-') + '.ps1')
        Set-Content -Path $path -Value $runbook.Script -NoNewline
        $Runbooks[$runbook.Name] = $path
    }

    # Azure Automation's own cmdlet, as its sandboxes provide it; here it hands out the keys a scenario chooses.
    $platform = Join-Path $PdTemp 'automation-platform'
    $stub = Join-Path $platform 'Orchestrator.AssetManagement.Cmdlets'
    $null = New-Item -ItemType Directory -Force -Path $stub
    Set-Content -Path (Join-Path $stub 'Orchestrator.AssetManagement.Cmdlets.psm1') -Value @'
function Get-AutomationPSCredential {
    param([Parameter(Mandatory)] [string] $Name)
    if ($Name -ne 'aws-privacy-ops') { throw "No credential asset named '$Name'." }
    [pscredential]::new($env:PD_AUTOMATION_KEY, (ConvertTo-SecureString $env:PD_AUTOMATION_SECRET -AsPlainText -Force))
}
'@
    $script:ModuleSearchPath = @((Split-Path $PdModulePath), $platform, $env:PSModulePath) -join [IO.Path]::PathSeparator

    function Start-PdRunbook {
        <#
        .SYNOPSIS
            Starts a runbook for the user IDs of a scenario: the SSM script reads a USER_ID CSV, the Automation one a
            list of IDs. The child gets the module and the platform from its module path and the keys through the
            environment; $Environment changes them.
        #>
        param([string] $Runbook, [string] $Scenario, [string] $Group, [string[]] $Users, [int] $Timeout = 600, [hashtable] $Environment = @{})
        $requests = Join-Path $PdTemp ("requests-$Scenario-" + ($Runbook -replace '\W+', '-') + '.txt')
        $lines = if ($Runbook -eq $Ssm) { @('USER_ID') + $Users } else { $Users }
        Set-Content -Path $requests -Value $lines
        $variables = @{
            PSModulePath = $ModuleSearchPath
            AWS_ACCESS_KEY_ID = $PdDefaultAccessKey; AWS_SECRET_ACCESS_KEY = $PdDefaultSecretKey; AWS_REGION = 'us-east-1'
            PD_AUTOMATION_KEY = $PdDefaultAccessKey; PD_AUTOMATION_SECRET = $PdDefaultSecretKey
        }
        foreach ($entry in $Environment.GetEnumerator()) { $variables[$entry.Key] = $entry.Value }
        $arguments = @('-DatasetGroupArn', $Group, '-RoleArn', $PdRole, '-StagingUri', $PdStaging, '-Requests', $requests, '-Timeout', $Timeout)
        if ($Runbook -eq $Azure) { $arguments += @('-Region', 'us-east-1') }
        Start-PdChild -File $Runbooks[$Runbook] -ArgumentList $arguments -Environment $variables
    }

    $script:MissingGroup = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/no-such-group'
    $script:DoomedGroup = (Add-PdFakeDatasetGroup -Name 'doomed').datasetGroupArn
    $script:SlowGroup = (Add-PdFakeDatasetGroup -Name 'slow').datasetGroupArn

    # The scenarios run side by side. A job keeps the lifecycle the fake's settings gave it when it was created: the
    # jobs that must never leave PENDING are created first, then the settings change for the others.
    $script:Results = @{}
    $started = @{}
    $null = Set-PdFakeConfig -Settings @{ pendingMs = 600000; inProgressMs = 0; failJobNamePattern = '^pdel-doomed-' }
    foreach ($runbook in $Ssm, $Azure) {
        $tag = if ($runbook -eq $Ssm) { 'ssm' } else { 'azure' }
        $started["$runbook|times out"] = Start-PdRunbook -Runbook $runbook -Scenario timeout -Group $SlowGroup -Users "$tag-slow-1" -Timeout 2
    }
    $deadline = [datetime]::UtcNow.AddSeconds(120)
    while (@(Get-PdFakeJob | Where-Object datasetGroupArn -EQ $SlowGroup).Count -lt 2 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
    $null = Set-PdFakeConfig -Settings @{ pendingMs = 0 }
    foreach ($runbook in $Ssm, $Azure) {
        $tag = if ($runbook -eq $Ssm) { 'ssm' } else { 'azure' }
        $started["$runbook|completes"] = Start-PdRunbook -Runbook $runbook -Scenario completes -Group $PdRetailGroup -Users "$tag-done-1", "$tag-done-2"
        $started["$runbook|job fails"] = Start-PdRunbook -Runbook $runbook -Scenario fails -Group $DoomedGroup -Users "$tag-doomed-1"
        $started["$runbook|credentials rejected"] = Start-PdRunbook -Runbook $runbook -Scenario credentials -Group $PdRetailGroup -Users "$tag-creds-1" `
            -Environment @{ AWS_SECRET_ACCESS_KEY = 'not-the-secret'; PD_AUTOMATION_SECRET = 'not-the-secret' }
        $started["$runbook|group missing"] = Start-PdRunbook -Runbook $runbook -Scenario missing -Group $MissingGroup -Users "$tag-missing-1"
        $started["$runbook|user ID refused"] = Start-PdRunbook -Runbook $runbook -Scenario refused -Group $PdMediaGroup -Users "$tag-fine-1", ('x' * 300)
    }
    foreach ($key in @($started.Keys)) { $Results[$key] = Wait-PdChild $started[$key] -TimeoutSeconds 300 }
    $script:Jobs = @(Get-PdFakeJob)
}

AfterAll {
    Complete-PdTest
}

Describe 'The runbooks of about_PersonalizeDeletion' {
    It 'shows the <_> runbook' -ForEach 'AWS Systems Manager Run Command', 'Azure Automation' {
        $Runbooks.Keys | Should -Contain $_
    }

    It 'shows no other runbook, in the help or in the README' {
        @($Runbooks.Keys).Count | Should -Be 2
        @(Get-PdRunbook -Path (Join-Path $PdRepoRoot 'README.md')) | Where-Object { -not $Runbooks.ContainsKey($_.Name) } | Should -BeNullOrEmpty
    }
}

Describe 'The <_> runbook' -ForEach 'AWS Systems Manager Run Command', 'Azure Automation' {
    BeforeAll {
        $Runbook = $_
    }

    It 'exits 0 when the deletion completes, and reports the job' {
        $result = $Results["$Runbook|completes"]
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $job = $Jobs | Where-Object { $_.status -eq 'COMPLETED' -and $_.datasetGroupArn -eq $PdRetailGroup -and $result.Output -match [regex]::Escape($_.jobName) }
        @($job).Count | Should -Be 1 -Because $result.Output
        $result.Output | Should -Match 'Status\s+: COMPLETED'
        $result.Output | Should -Match 'UserCount\s+: 2'
    }

    It 'exits 1 when a job FAILED' {
        $result = $Results["$Runbook|job fails"]
        $result.ExitCode | Should -Be 1 -Because $result.Output
        $result.Output | Should -Match 'Deletion failed: DataDeletionJobFailed,'
    }

    It 'exits 1 when the wait times out' {
        $result = $Results["$Runbook|times out"]
        $result.ExitCode | Should -Be 1 -Because $result.Output
        $result.Output | Should -Match 'Deletion failed: WaitTimedOut,'
    }

    It 'exits 1 when the credentials are rejected, and creates nothing' {
        $result = $Results["$Runbook|credentials rejected"]
        $result.ExitCode | Should -Be 1 -Because $result.Output
        $result.Output | Should -Match 'Deletion failed: InvalidCredentials,'
        @($Jobs | Where-Object { $result.Output -match [regex]::Escape($_.jobName) }).Count | Should -Be 0
    }

    It 'exits 1 when the dataset group does not exist, with that error and no confusing second one' {
        $result = $Results["$Runbook|group missing"]
        $result.ExitCode | Should -Be 1 -Because $result.Output
        $result.Output | Should -Match 'Deletion failed: DatasetGroupNotFound,'
        $result.Output | Should -Not -Match 'Cannot validate argument'
        @($Jobs | Where-Object datasetGroupArn -EQ $MissingGroup).Count | Should -Be 0
    }

    It 'exits 1 when a user ID is refused, before any job is created' {
        $result = $Results["$Runbook|user ID refused"]
        $result.ExitCode | Should -Be 1 -Because $result.Output
        $result.Output | Should -Match 'Deletion failed: InvalidUserId,'
        @($Jobs | Where-Object datasetGroupArn -EQ $PdMediaGroup).Count | Should -Be 0
    }
}
