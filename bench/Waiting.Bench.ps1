<#
.SYNOPSIS
    Personalize calls per polling round of Wait-PDataDeletionJob over 50 jobs in two dataset groups.
.DESCRIPTION
    The fake's pending limit is raised to 100 and its job lifecycle set to a few seconds; 25 jobs are created
    in each of two dataset groups with New-PDataDeletionJob (-MaxUsersPerJob splits 250 IDs into 25 jobs), then
    `Wait-PDataDeletionJob -PollInterval 1` waits for all 50. The fake's request log (cleared just before the
    wait) is split into polling rounds: consecutive Personalize calls closer than 500 ms belong to one round.
    Calls per round = (all Personalize calls of the wait - the 50 final Describes) / rounds.
    Baseline: a Describe per job per round = 50 calls per round. Target: at most 2 calls per round.
    Repeated -Runs times (fake reset each time); the median of each figure is reported.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $FakePath,
    [int] $Runs = 5,
    [int] $PendingMs = 8000,
    [int] $InProgressMs = 4000
)

. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

$ModulePath = (Resolve-Path $ModulePath).Path
$groups = @($BenchRetailGroup, $BenchMediaGroup)
$jobsPerGroup = 25
$total = $jobsPerGroup * $groups.Count
$baselinePerRound = $total

$fake = Start-BenchFake -FakePath $FakePath
$temp = Set-BenchEnvironment -Fake $fake
try {
    Write-BenchHeader "Waiting: $total jobs in $($groups.Count) dataset groups, -PollInterval 1, $Runs runs"
    Write-BenchMachine
    Import-Module (Join-Path $ModulePath 'PersonalizeDeletion.psd1')

    $results = [Collections.Generic.List[object]]::new()
    for ($run = 0; $run -lt $Runs; $run++) {
        Reset-BenchFake -Fake $fake
        Set-BenchFakeConfig -Fake $fake -Settings @{ pendingLimit = 100; pendingMs = $PendingMs; inProgressMs = $InProgressMs }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $jobs = foreach ($group in $groups) {
            $name = ($group -split '/')[-1]
            $users = [string[]]::new($jobsPerGroup * 10)
            for ($i = 0; $i -lt $users.Length; $i++) { $users[$i] = "$name-$run-user-$i" }
            $users | New-PDataDeletionJob -DatasetGroupArn $group -RoleArn $BenchRole -StagingUri 's3://deletion-staging/bench/' -MaxUsersPerJob 10 -Force
        }
        $jobs = @($jobs)
        $createMs = $watch.Elapsed.TotalMilliseconds
        if ($jobs.Count -ne $total) { throw "Expected $total jobs, New-PDataDeletionJob returned $($jobs.Count)." }

        $null = Invoke-BenchFakeApi -Fake $fake -Method DELETE -Route 'requests'
        $watch.Restart()
        $done = @($jobs | Wait-PDataDeletionJob -PollInterval 1)
        $waitMs = $watch.Elapsed.TotalMilliseconds

        $calls = @(Get-BenchFakeRequest -Fake $fake | Where-Object service -EQ 'personalize' | Sort-Object seq)
        $rounds = 0
        $previous = $null
        foreach ($call in $calls) {
            if ($null -eq $previous -or ($call.time - $previous).TotalMilliseconds -ge 500) { $rounds++ }
            $previous = $call.time
        }
        $lists = @($calls | Where-Object operation -EQ 'ListDataDeletionJobs').Count
        $describes = @($calls | Where-Object operation -EQ 'DescribeDataDeletionJob').Count
        $finalDescribes = [Math]::Min($describes, $total)
        $perRound = if ($rounds) { ($calls.Count - $finalDescribes) / $rounds } else { 0 }
        $completed = @($done | Where-Object Status -EQ 'COMPLETED').Count
        $results.Add([pscustomobject]@{ Rounds = $rounds; Calls = $calls.Count; Lists = $lists; Describes = $describes; PerRound = $perRound; WaitMs = $waitMs; Completed = $completed })
        Write-Host ('   run {0}: created {1} jobs in {2:0} ms; waited {3:0} ms; {4} rounds, {5} calls ({6} List, {7} Describe, {8} other); {9:0.00} calls/round besides the final Describes; {10} COMPLETED' -f
            ($run + 1), $jobs.Count, $createMs, $waitMs, $rounds, $calls.Count, $lists, $describes, ($calls.Count - $lists - $describes), $perRound, $completed)
    }

    Write-Host ''
    $null = Write-BenchTimes -Label 'polling rounds' -Value ($results | ForEach-Object Rounds) -Unit 'rounds'
    $null = Write-BenchTimes -Label 'Personalize calls during the wait' -Value ($results | ForEach-Object Calls) -Unit 'calls'
    $perRound = Write-BenchTimes -Label 'calls per round (besides the final Describes)' -Value ($results | ForEach-Object PerRound) -Unit 'calls'
    $rounds = Get-BenchMedian ($results | ForEach-Object Rounds)
    Write-Host ('   baseline (Describe per job per round): {0} calls per round, {1:0} calls for {2} rounds' -f $baselinePerRound, ($baselinePerRound * $rounds), $rounds)
    $ratio = if ($perRound -gt 0) { $baselinePerRound / $perRound } else { [double]::PositiveInfinity }
    Write-Host ('   ratio: {0:0.0}x fewer calls per round than the baseline' -f $ratio)
    Write-BenchVerdict -Name 'Calls per polling round' -Pass ($perRound -le 2) -Detail ('{0:0.00} calls per round vs baseline {1} ({2:0.0}x fewer; target <= 2)' -f $perRound, $baselinePerRound, $ratio)
    Write-BenchMachine
}
finally {
    Stop-BenchFake -Fake $fake
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
