BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest

    $script:CommandId = 'PersonalizeDeletion.Cmdlets.WaitPDataDeletionJobCommand'
    $script:Submit = @{ RoleArn = $PdRole; StagingUri = $PdStaging; Force = $true }

    function New-PdTestJob([string] $Group = $PdRetailGroup, [string] $JobName, [string[]] $Users = @('u1', 'u2')) {
        $arguments = @{ DatasetGroupArn = $Group } + $Submit
        if ($JobName) { $arguments.JobName = $JobName }
        $Users | New-PDataDeletionJob @arguments
    }
}

AfterAll {
    Complete-PdTest
}

Describe 'Wait-PDataDeletionJob' {
    BeforeEach {
        Reset-PdFake
        Set-PdFakeConfig -Settings @{ pendingMs = 300; inProgressMs = 600 }
    }

    It 'waits for one job piped from New-PDataDeletionJob and outputs it COMPLETED with NumDeleted' {
        # NumDeleted counts records removed: a's 40 interactions and its user row, b's one interaction; c has none.
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'a' -Count 40 | Out-Null
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'a', 'b' -DatasetType USERS | Out-Null
        $job = 'a', 'b', 'c' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit | Wait-PDataDeletionJob -PollInterval 1
        $job.Status | Should -Be 'COMPLETED'
        $job.NumDeleted | Should -Be 42
        @(Get-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup | ForEach-Object { $_.records.PSObject.Properties } | Where-Object Name -In 'a', 'b').Count | Should -Be 0
        $job.LastUpdatedDateTime | Should -BeGreaterThan $job.CreationDateTime
    }

    It 'keeps what New-PDataDeletionJob reported about a piped job: UserCount, DuplicateCount, RejectedCount, StagedObject' {
        $created = 'a', 'b', 'a', '' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit -ErrorAction SilentlyContinue
        $created.StagedObject | Should -Not -BeNullOrEmpty
        $done = $created | Wait-PDataDeletionJob -PollInterval 1
        $done.Status | Should -Be 'COMPLETED'
        $done.UserCount | Should -Be 2
        $done.DuplicateCount | Should -Be 1
        $done.RejectedCount | Should -Be 1
        $done.StagedObject | Should -Be $created.StagedObject
        # Hidden (DontShow): bound from piped job objects, not documented as parameters.
        $line = 'Wait-PDataDeletionJob -JobArn x -DatasetGroupArn re'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $PdRetailGroup
        @(Get-Help Wait-PDataDeletionJob -Parameter * | Where-Object name -In 'UserCount', 'DuplicateCount', 'RejectedCount', 'StagedObject').Count | Should -Be 0
        # A job given by ARN alone has no such counts.
        (Wait-PDataDeletionJob -JobArn $created.JobArn -PollInterval 1).UserCount | Should -BeNullOrEmpty
    }

    It 'takes ARNs by parameter, by position and from objects with a JobArn property' {
        $job = New-PdTestJob
        (Wait-PDataDeletionJob -JobArn $job.JobArn -PollInterval 1).Status | Should -Be 'COMPLETED'
        (Wait-PDataDeletionJob $job.JobArn -PollInterval 1).Status | Should -Be 'COMPLETED'
        ([pscustomobject]@{ Arn = $job.JobArn } | Wait-PDataDeletionJob -PollInterval 1).Status | Should -Be 'COMPLETED'
    }

    It 'waits for 20 jobs over two dataset groups with at most one call per group per round, Describe only at the end' {
        Set-PdFakeConfig -Settings @{ pendingMs = 1500; inProgressMs = 1500; pendingLimit = 20 }
        # user-i has i interactions in its job's dataset group, so each job's NumDeleted tells which users it removed.
        $expected = @{}
        $jobs = foreach ($i in 1..20) {
            $group = if ($i % 2) { $PdRetailGroup } else { $PdMediaGroup }
            Add-PdFakeUserRecord -DatasetGroupArn $group -UserId "user-$i" -Count $i | Out-Null
            $job = New-PdTestJob -Group $group -Users "user-$i"
            $expected[$job.JobArn] = $i
            $job
        }
        Clear-PdFakeRequest
        $done = $jobs | Wait-PDataDeletionJob -PollInterval 1
        @($done).Count | Should -Be 20
        $done | ForEach-Object { $_.Status | Should -Be 'COMPLETED'; $_.NumDeleted | Should -Be $expected[$_.JobArn] }

        $requests = @(Get-PdFakeRequest -Service personalize)
        $lists = @($requests | Where-Object operation -EQ 'ListDataDeletionJobs')
        $describes = @($requests | Where-Object operation -EQ 'DescribeDataDeletionJob')
        # One Describe per job, for its final state; every other call is a per-group listing.
        $describes.Count | Should -Be 20
        $lists.Count | Should -BeGreaterThan 1
        # Rounds are separated by the poll interval: group the listings by round and check each round's cost.
        $rounds = $lists | Group-Object { [math]::Floor(([datetime]$_.time - [datetime]$lists[0].time).TotalMilliseconds / 700) }
        $rounds | ForEach-Object { $_.Count | Should -BeLessOrEqual 2 }
        ($lists | ForEach-Object { ($_.body | ConvertFrom-Json).datasetGroupArn } | Sort-Object -Unique) | Should -Be (@($PdMediaGroup, $PdRetailGroup) | Sort-Object)
    }

    It '-Any returns when the first job finishes' {
        Set-PdFakeConfig -Settings @{ failJobNamePattern = '^never$' }
        $fast = New-PdTestJob -JobName 'fast-one'
        Set-PdFakeConfig -Settings @{ pendingMs = 600000 }
        $slow = New-PdTestJob -JobName 'slow-one' -Users 'z'
        Set-PdFakeConfig -Settings @{ pendingMs = 300 }
        $first = $fast, $slow | Wait-PDataDeletionJob -Any -PollInterval 1
        @($first).Count | Should -Be 1
        $first.JobName | Should -Be 'fast-one'
    }

    It 'writes WaitTimedOut with the last known state and outputs the unfinished jobs' {
        Set-PdFakeConfig -Settings @{ pendingMs = 600000 }
        $job = New-PdTestJob
        $out = $job | Wait-PDataDeletionJob -Timeout 2 -PollInterval 1 -ErrorVariable timedOut -ErrorAction SilentlyContinue
        $out.Status | Should -Be 'PENDING'
        $timedOut.Count | Should -Be 1
        $timedOut[0].FullyQualifiedErrorId | Should -Be "WaitTimedOut,$CommandId"
        $timedOut[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $timedOut[0].Exception.Message | Should -Match 'PENDING'
        { $job | Wait-PDataDeletionJob -Timeout 1 -PollInterval 1 -ErrorAction Stop } | Should -Throw -ErrorId "WaitTimedOut,$CommandId"
    }

    It 'outputs a FAILED job and writes DataDeletionJobFailed carrying the failureReason' {
        Set-PdFakeConfig -Settings @{ failJobNamePattern = '^doomed'; failureReason = 'Access denied reading s3://deletion-staging/' }
        $job = New-PdTestJob -JobName 'doomed-job'
        $out = $job | Wait-PDataDeletionJob -PollInterval 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        $out.Status | Should -Be 'FAILED'
        $out.FailureReason | Should -Match 'Access denied'
        $failed[0].FullyQualifiedErrorId | Should -Be "DataDeletionJobFailed,$CommandId"
        $failed[0].Exception.FailureReason | Should -Match 'Access denied'
        $failed[0].TargetObject.JobName | Should -Be 'doomed-job'
        { $job | Wait-PDataDeletionJob -PollInterval 1 -ErrorAction Stop } | Should -Throw -ErrorId "DataDeletionJobFailed,$CommandId"
    }

    It 'absorbs throttled polls without showing anything' {
        # The users have records, so the completed job deletes some and its judgement has nothing to warn about.
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1', 'u2' | Out-Null
        $job = New-PdTestJob
        Add-PdFakeFault -Operation ListDataDeletionJobs -Kind throttle -Count 3
        $out = $job | Wait-PDataDeletionJob -PollInterval 1 -ErrorVariable errors -WarningVariable warnings
        $out.Status | Should -Be 'COMPLETED'
        $errors.Count | Should -Be 0
        $warnings.Count | Should -Be 0
        @(Get-PdFakeRequest -Operation ListDataDeletionJobs | Where-Object fault -EQ 'throttle').Count | Should -Be 3
    }

    It 'reports an unknown job as DataDeletionJobNotFound and a malformed ARN as InvalidJobArn' {
        $missing = 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/ghost'
        $null = Wait-PDataDeletionJob -JobArn $missing, 'bogus' -PollInterval 1 -ErrorVariable errors -ErrorAction SilentlyContinue
        ($errors.FullyQualifiedErrorId | Sort-Object) | Should -Be @("DataDeletionJobNotFound,$CommandId", "InvalidJobArn,$CommandId")
    }

    It 'stops promptly when the pipeline is stopped from another thread' {
        Set-PdFakeConfig -Settings @{ pendingMs = 600000 }
        $job = New-PdTestJob
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($ModulePath, $Arn)
                Import-Module $ModulePath
                Wait-PDataDeletionJob -JobArn $Arn -PollInterval 3600
            }).AddArgument((Join-Path $PdModulePath 'PersonalizeDeletion.psd1')).AddArgument($job.JobArn)
        # A wait given a job ARN asks with Describe (it knows no dataset group to list): the stop comes after its first poll.
        $before = @(Get-PdFakeRequest -Service personalize).Count
        $null = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while (@(Get-PdFakeRequest -Service personalize).Count -eq $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        @(Get-PdFakeRequest -Service personalize).Count | Should -BeGreaterThan $before
        Start-Sleep -Milliseconds 300
        # The wait sleeps for an hour between polls; the stop must not sleep through it.
        $stopped = $ps.BeginStop($null, $null).AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(15))
        $stopped | Should -BeTrue
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $ps.Dispose()
    }

    It '-RemoveStagedData deletes the staged CSV after COMPLETED, never a user''s own data location' {
        $staged = New-PdTestJob
        Set-PdFakeS3Object -Bucket 'customer-data' -Key 'own/list.csv' -Content "USER_ID`nmine`n"
        $own = New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -DataLocation 's3://customer-data/own/list.csv' -Force
        $done = $staged, $own | Wait-PDataDeletionJob -PollInterval 1 -RemoveStagedData
        @($done).Count | Should -Be 2
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 0
        @(Get-PdFakeS3Object -Bucket 'customer-data').Count | Should -Be 1
    }

    It '-RemoveStagedData keeps a CSV that another dataset group''s job still reads' {
        $both = 'shared-user' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup, $PdMediaGroup @Submit
        $null = $both[0] | Wait-PDataDeletionJob -PollInterval 1 -RemoveStagedData
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 1
        $null = $both | Wait-PDataDeletionJob -PollInterval 1 -RemoveStagedData
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 0
    }

    It '-RemoveStagedData keeps the CSV of a FAILED job, so its users can be submitted again' {
        Set-PdFakeConfig -Settings @{ failJobNamePattern = '^doomed'; failureReason = 'Scripted failure' } | Out-Null
        $job = New-PdTestJob -JobName 'doomed-staged'
        $verbose = $job | Wait-PDataDeletionJob -PollInterval 1 -RemoveStagedData -ErrorAction SilentlyContinue -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 1
        "$verbose" | Should -Match "$([regex]::Escape($job.StagedObject)) is kept: job doomed-staged FAILED"
        @(Get-PdFakeRequest -Service s3 -Operation DeleteObject).Count | Should -Be 0
    }

    It '-RemoveStagedData keeps the CSV of a job still PENDING when the wait times out, or when -Any returns first' {
        Set-PdFakeConfig -Settings @{ pendingMs = 600000 } | Out-Null
        $pending = New-PdTestJob -Users 'slow-user'
        $null = $pending | Wait-PDataDeletionJob -PollInterval 1 -Timeout 2 -RemoveStagedData -ErrorAction SilentlyContinue
        @(Get-PdFakeS3Object -Bucket 'deletion-staging' | Where-Object { "s3://deletion-staging/$($_.key)" -eq $pending.StagedObject }).Count | Should -Be 1

        # One CSV for two groups: retail's job finishes first, media's stays PENDING for ten minutes.
        Set-PdFakeConfig -Settings @{ pendingMs = 300 } | Out-Null
        $retail = 'shared-any' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit
        Set-PdFakeConfig -Settings @{ pendingMs = 600000 } | Out-Null
        $both = @($retail) + @(New-PDataDeletionJob -DatasetGroupArn $PdMediaGroup -DataLocation $retail.StagedObject -RoleArn $PdRole -Force)
        $first = $both | Wait-PDataDeletionJob -PollInterval 1 -Any -RemoveStagedData
        $first.JobArn | Should -Be $retail.JobArn
        @(Get-PdFakeRequest -Service s3 -Operation DeleteObject).Count | Should -Be 0
    }

    It '-RemoveStagedData keeps a CSV that an unfinished job of an earlier run still reads' {
        $job = New-PdTestJob -Users 'early-user'
        # An earlier run's job (or one created with -DataLocation) that this wait does not know reads the same CSV.
        Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Status PENDING -NamePrefix 'earlier-run' -DataLocation $job.StagedObject | Out-Null
        $verbose = $job | Wait-PDataDeletionJob -PollInterval 1 -RemoveStagedData -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 1
        "$verbose" | Should -Match 'job earlier-run-0001 of \S+ is PENDING and still reads it'
        @(Get-PdPersonalizeRequest -Operation DescribeDataDeletionJob | Where-Object { $_.Json.dataDeletionJobArn -like '*earlier-run-0001' }).Count | Should -Be 1
    }

    It '-RemoveStagedData honours -WhatIf: it waits and outputs the jobs, says what it would remove, and removes nothing' {
        $job = New-PdTestJob -Users 'what-if-user'
        $module = Join-Path $PdModulePath 'PersonalizeDeletion.psd1'
        $output = Invoke-PdChildPwsh "Import-Module '$module'; `$done = Wait-PDataDeletionJob -JobArn '$($job.JobArn)' -PollInterval 1 -RemoveStagedData -WhatIf; 'STATUS=' + `$done.Status"
        $output | Should -Match 'STATUS=COMPLETED'
        $output | Should -Match ('What if: Performing the operation "Remove the staged user IDs of data deletion job {0}" on target "{1}"' -f [regex]::Escape($job.JobName), [regex]::Escape($job.StagedObject))
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 1
        @(Get-PdFakeRequest -Service s3 -Operation DeleteObject).Count | Should -Be 0
    }

    It 'supports -WhatIf and -Confirm, and -Confirm:$false removes without asking' {
        $metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command Wait-PDataDeletionJob))
        $metadata.SupportsShouldProcess | Should -BeTrue
        $metadata.ConfirmImpact | Should -Be 'Medium'
        $job = New-PdTestJob -Users 'confirm-user'
        $null = $job | Wait-PDataDeletionJob -PollInterval 1 -RemoveStagedData -Confirm:$false
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 0
    }

    It 'shows progress and completes the bars when the wait ends' {
        $job = New-PdTestJob
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($ModulePath, $Arn)
                Import-Module $ModulePath
                $ProgressPreference = 'Continue'
                Wait-PDataDeletionJob -JobArn $Arn -PollInterval 1
            }).AddArgument((Join-Path $PdModulePath 'PersonalizeDeletion.psd1')).AddArgument($job.JobArn)
        $out = $ps.Invoke()
        $progress = @($ps.Streams.Progress)
        $ps.Dispose()
        $out[0].Status | Should -Be 'COMPLETED'
        @($progress | Where-Object { $_.ActivityId -eq 1 -and $_.StatusDescription -match 'of 1 finished' }).Count | Should -BeGreaterThan 0
        @($progress | Where-Object { $_.ParentActivityId -eq 1 }).Count | Should -BeGreaterThan 0
        ($progress | Where-Object ActivityId -EQ 1 | Select-Object -Last 1).RecordType | Should -Be 'Completed'
    }
}
