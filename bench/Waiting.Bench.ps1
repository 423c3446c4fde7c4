<#
.SYNOPSIS
    Personalize calls per polling round of Wait-PDataDeletionJob over many jobs in two dataset groups, without and with
    the calls that judge the jobs (issue 19's assurance checks).
.DESCRIPTION
    The fake's pending limit is raised to 100 and its job lifecycle set to a few seconds. Each dataset group is seeded
    with what the checks read: a custom solution with two ACTIVE versions, a campaign, a dataset import job, a batch
    inference job and a recommender. For each scenario (-JobsPerGroup, 25 and 5 jobs per group by default) the jobs are
    created with New-PDataDeletionJob (-MaxUsersPerJob 10 splits the IDs), then `Wait-PDataDeletionJob -PollInterval 1`
    waits for all of them. The fake's request log (cleared just before the wait) is split into polling rounds:
    consecutive Personalize calls closer than 500 ms belong to one round. The calls are then told apart:
      polling   ListDataDeletionJobs and DescribeDataDeletionJob, what the wait cost before the checks;
      checks    every other call (ListSolutions, ListSolutionVersions, ListCampaigns, DescribeCampaign, ListDatasets,
                ListDatasetImportJobs, ListRecommenders, DescribeRecommender, ListBatch*Jobs, DescribeBatch*Job).
    Polling calls per round = (polling calls - the final Describes, one per job) / rounds; target <= 2 (the baseline,
    a Describe per job per round, is the number of jobs). With the checks = (all calls - the final Describes) / rounds.
    Check calls per dataset group must be the same in every scenario and run: a fixed number per group per command,
    never per job or per round.
    Repeated -Runs times per scenario (fake reset each time); the median of each figure is reported.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $FakePath,
    [int] $Runs = 5,
    # Jobs per dataset group, one scenario each; -File passes "25,5" as one string.
    [string[]] $JobsPerGroup = @('25', '5'),
    [int] $PendingMs = 8000,
    [int] $InProgressMs = 4000
)

. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

[int[]] $sizes = @($JobsPerGroup | ForEach-Object { $_ -split ',' } | ForEach-Object { [int]$_ })

$ModulePath = (Resolve-Path $ModulePath).Path
$groups = @($BenchRetailGroup, $BenchMediaGroup)
$pollingOperations = @('ListDataDeletionJobs', 'DescribeDataDeletionJob')

function Add-BenchSeededGroup {
    <# What the checks read in one dataset group, created well before the jobs, none of it still running. #>
    param([Parameter(Mandatory)] $Fake, [Parameter(Mandatory)] [string] $Group)
    $name = ($Group -split '/')[-1]
    $seed = { param($Body) Invoke-BenchFakeApi -Fake $Fake -Method POST -Route 'resources' -Body $Body }
    $solution = & $seed @{ kind = 'solution'; datasetGroupArn = $Group; name = "$name-recs"; createdOffsetSeconds = -86400 }
    $old = & $seed @{ kind = 'solutionVersion'; solutionArn = $solution.arn; name = 'v1'; createdOffsetSeconds = -80000 }
    $new = & $seed @{ kind = 'solutionVersion'; solutionArn = $solution.arn; name = 'v2'; createdOffsetSeconds = -7200 }
    $null = & $seed @{ kind = 'campaign'; solutionVersionArn = $new.arn; name = "$name-live"; createdOffsetSeconds = -3600 }
    $null = & $seed @{ kind = 'batchInferenceJob'; solutionVersionArn = $old.arn; name = "$name-weekly"; createdOffsetSeconds = -70000 }
    $null = & $seed @{ kind = 'recommender'; datasetGroupArn = $Group; name = "$name-for-you"; createdOffsetSeconds = -86400 }
    $dataset = Invoke-BenchFakeApi -Fake $Fake -Method POST -Route 'datasets' -Body @{ datasetGroupArn = $Group; datasetType = 'INTERACTIONS'; createdOffsetSeconds = -86400 }
    $null = & $seed @{ kind = 'datasetImportJob'; datasetArn = $dataset.datasetArn; name = "$name-nightly"; createdOffsetSeconds = -43200 }
}

$fake = Start-BenchFake -FakePath $FakePath
$temp = Set-BenchEnvironment -Fake $fake
try {
    Write-BenchHeader "Waiting: $($sizes -join ' and ') jobs in each of $($groups.Count) dataset groups, -PollInterval 1, $Runs runs each"
    Write-BenchMachine
    Import-Module (Join-Path $ModulePath 'PersonalizeDeletion.psd1')

    $scenarios = [Collections.Generic.List[object]]::new()
    foreach ($perGroup in $sizes) {
        $total = $perGroup * $groups.Count
        Write-Host ''
        Write-Host "-- $perGroup jobs per dataset group ($total jobs)"
        $results = [Collections.Generic.List[object]]::new()
        for ($run = 0; $run -lt $Runs; $run++) {
            Reset-BenchFake -Fake $fake
            Set-BenchFakeConfig -Fake $fake -Settings @{ pendingLimit = 100; pendingMs = $PendingMs; inProgressMs = $InProgressMs }
            foreach ($group in $groups) { Add-BenchSeededGroup -Fake $fake -Group $group }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $jobs = foreach ($group in $groups) {
                $name = ($group -split '/')[-1]
                $users = [string[]]::new($perGroup * 10)
                for ($i = 0; $i -lt $users.Length; $i++) { $users[$i] = "$name-$perGroup-$run-user-$i" }
                $users | New-PDataDeletionJob -DatasetGroupArn $group -RoleArn $BenchRole -StagingUri 's3://deletion-staging/bench/' -MaxUsersPerJob 10 -Force
            }
            $jobs = @($jobs)
            $createMs = $watch.Elapsed.TotalMilliseconds
            if ($jobs.Count -ne $total) { throw "Expected $total jobs, New-PDataDeletionJob returned $($jobs.Count)." }

            $null = Invoke-BenchFakeApi -Fake $fake -Method DELETE -Route 'requests'
            $watch.Restart()
            # The seeded models predate the jobs: the summary warning names them, which is not what is measured here.
            $done = @($jobs | Wait-PDataDeletionJob -PollInterval 1 -WarningAction SilentlyContinue)
            $waitMs = $watch.Elapsed.TotalMilliseconds

            $calls = @(Get-BenchFakeRequest -Fake $fake | Where-Object service -EQ 'personalize' | Sort-Object seq)
            $rounds = 0
            $previous = $null
            foreach ($call in $calls) {
                if ($null -eq $previous -or ($call.time - $previous).TotalMilliseconds -ge 500) { $rounds++ }
                $previous = $call.time
            }
            $polling = @($calls | Where-Object operation -In $pollingOperations)
            $checks = @($calls | Where-Object operation -NotIn $pollingOperations)
            $describes = @($polling | Where-Object operation -EQ 'DescribeDataDeletionJob').Count
            $finalDescribes = [Math]::Min($describes, $total)
            $pollingPerRound = if ($rounds) { ($polling.Count - $finalDescribes) / $rounds } else { 0 }
            $allPerRound = if ($rounds) { ($calls.Count - $finalDescribes) / $rounds } else { 0 }
            $checksPerGroup = $checks.Count / $groups.Count
            $judged = @($done | Where-Object { $null -ne $_.Assurance }).Count
            $results.Add([pscustomobject]@{ Rounds = $rounds; Calls = $calls.Count; Polling = $pollingPerRound; All = $allPerRound; Checks = $checks.Count; ChecksPerGroup = $checksPerGroup; WaitMs = $waitMs; Judged = $judged })
            Write-Host ('   run {0}: created {1} jobs in {2:0} ms; waited {3:0} ms; {4} rounds, {5} calls ({6} polling, {7} checks = {8:0.#} per group); {9:0.00} polling calls/round, {10:0.00} with the checks; {11} of {12} judged' -f
                ($run + 1), $jobs.Count, $createMs, $waitMs, $rounds, $calls.Count, $polling.Count, $checks.Count, $checksPerGroup, $pollingPerRound, $allPerRound, $judged, $total)
        }

        $null = Write-BenchTimes -Label 'polling rounds' -Value ($results | ForEach-Object Rounds) -Unit 'rounds'
        $polling = Write-BenchTimes -Label 'calls per round, polling only (without the checks)' -Value ($results | ForEach-Object Polling) -Unit 'calls'
        $all = Write-BenchTimes -Label 'calls per round, with the checks' -Value ($results | ForEach-Object All) -Unit 'calls'
        $perGroupChecks = @($results | ForEach-Object ChecksPerGroup | Sort-Object -Unique)
        Write-Host ('   check calls per dataset group: {0} (in every run)' -f ($perGroupChecks -join ', '))
        Write-Host ('   baseline (Describe per job per round): {0} calls per round' -f $total)
        $scenarios.Add([pscustomobject]@{ PerGroup = $perGroup; Total = $total; Polling = $polling; All = $all; ChecksPerGroup = $perGroupChecks })
    }

    Write-Host ''
    $worstPolling = ($scenarios | Measure-Object Polling -Maximum).Maximum
    $largest = $scenarios | Sort-Object Total -Descending | Select-Object -First 1
    $ratio = if ($largest.Polling -gt 0) { $largest.Total / $largest.Polling } else { [double]::PositiveInfinity }
    Write-BenchVerdict -Name 'Polling calls per round' -Pass ($worstPolling -le 2) -Detail ('at most {0:0.00} calls per round (baseline {1} for {1} jobs: {2:0.0}x fewer; target <= 2)' -f $worstPolling, $largest.Total, $ratio)
    $constant = @($scenarios | ForEach-Object { $_.ChecksPerGroup } | Sort-Object -Unique)
    Write-BenchVerdict -Name 'Check calls per dataset group' -Pass ($constant.Count -eq 1) -Detail ('{0} for {1} jobs per group (target: the same whatever the number of jobs and rounds)' -f (($scenarios | ForEach-Object { "$($_.ChecksPerGroup -join '/')" }) -join ' and '), ($sizes -join ' and '))
    Write-BenchMachine
}
finally {
    Stop-BenchFake -Fake $fake
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
