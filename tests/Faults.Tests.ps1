BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest
    $script:Submit = @{ DatasetGroupArn = $PdRetailGroup; RoleArn = $PdRole; StagingUri = $PdStaging; Force = $true }
    $script:NewId = 'PersonalizeDeletion.Cmdlets.NewPDataDeletionJobCommand'

    function New-PdLargeUserIdFile([string] $Name, [int] $Count = 120000) {
        # About 13 MB: more than one 8 MiB part, so the upload is multipart.
        $path = Join-Path $PdTemp $Name
        $writer = [IO.StreamWriter]::new($path, $false, [Text.UTF8Encoding]::new($false))
        $writer.Write("USER_ID`n")
        for ($i = 0; $i -lt $Count; $i++) { $writer.Write("user-$i-$('m' * 100)`n") }
        $writer.Dispose()
        $path
    }

    function Invoke-PdStoppable([string] $Script, [hashtable] $Arguments, [scriptblock] $Until) {
        <# Runs a module command on another runspace, waits for $Until, stops it; returns whether the stop finished in time. #>
        $ps = [powershell]::Create()
        $null = $ps.AddScript("param(`$m, `$a) Import-Module `$m; $Script").AddArgument((Join-Path $PdModulePath 'PersonalizeDeletion.psd1')).AddArgument($Arguments)
        $null = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        # $Until gets the PowerShell instance, for conditions on what the command has written so far.
        while (-not (& $Until $ps) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        $reached = [bool](& $Until $ps)
        $stopped = $ps.BeginStop($null, $null).AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(15))
        $state = $ps.InvocationStateInfo.State
        $ps.Dispose()
        [pscustomobject]@{ Reached = $reached; Stopped = $stopped; State = $state }
    }
}

AfterAll {
    Complete-PdTest
}

Describe 'Fault matrix' {
    BeforeEach {
        Reset-PdFake
        # Jobs finish at once: a Wait below needs one poll, not a second one a PollInterval later.
        Set-PdFakeConfig -Settings @{ pendingMs = 1; inProgressMs = 1 }
    }

    It 'throttling on half of all calls of every operation: everything succeeds, no duplicate job' {
        # One rule over every Personalize and S3 operation: every second call of each operation is throttled.
        Add-PdFakeFault -Operation '*' -Kind throttle -Every 2 -Count -1
        $job = 'a', 'b' | New-PDataDeletionJob @Submit -ErrorVariable errors -WarningAction SilentlyContinue | Wait-PDataDeletionJob -PollInterval 1
        $listed = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup
        $errors.Count | Should -Be 0
        $job.Status | Should -Be 'COMPLETED'
        @(Get-PdFakeJob).Count | Should -Be 1
        @($listed).Count | Should -Be 1
        @(Get-PdFakeRequest | Where-Object fault -EQ 'throttle').Count | Should -BeGreaterThan 3
    }

    It '500s are retried (<Operation>)' -TestCases @(
        @{ Operation = 'DescribeDatasetGroup' }
        @{ Operation = 'CreateDataDeletionJob' }
        @{ Operation = 'DescribeDataDeletionJob' }
        @{ Operation = 'ListDataDeletionJobs' }
        @{ Operation = 's3:PutObject' }
    ) {
        Add-PdFakeFault -Operation $Operation -Kind error500 -Count 1
        $job = 'x' | New-PDataDeletionJob @Submit -WarningAction SilentlyContinue | Wait-PDataDeletionJob -PollInterval 1
        $job.Status | Should -Be 'COMPLETED'
        @(Get-PdFakeJob).Count | Should -Be 1
        @(Get-PdFakeRequest | Where-Object fault -EQ 'error500').Count | Should -Be 1
    }

    It 'a connection dropped after Create did its work: exactly one job' {
        Add-PdFakeFault -Operation CreateDataDeletionJob -Kind drop-after -Count 1
        $job = 'y' | New-PDataDeletionJob @Submit -WarningAction SilentlyContinue
        $job.JobArn | Should -Not -BeNullOrEmpty
        @(Get-PdFakeJob).Count | Should -Be 1
    }

    It 'every answer to Create lost: the job is found by its name and returned, and the CSV it reads is kept' {
        Add-PdFakeFault -Operation CreateDataDeletionJob -Kind drop-after -Count -1
        $job = 'lost-1', 'lost-2' | New-PDataDeletionJob @Submit -ErrorVariable failed -WarningAction SilentlyContinue
        $failed.Count | Should -Be 0
        $fakeJobs = @(Get-PdFakeJob)
        $fakeJobs.Count | Should -Be 1
        $job.JobArn | Should -Be $fakeJobs[0].dataDeletionJobArn
        $staged = @(Get-PdFakeS3Object -Bucket 'deletion-staging')
        $staged.Count | Should -Be 1
        $job.DataLocation | Should -Be "s3://deletion-staging/$($staged[0].key)"
        @(Get-PdFakeRequest -Operation DescribeDataDeletionJob).Count | Should -BeGreaterThan 0
    }

    It 'Create lost and the job cannot be looked up: DataDeletionJobOutcomeUnknown keeps the CSV; the same command again settles it' {
        Add-PdFakeFault -Operation CreateDataDeletionJob -Kind drop-after -Count -1
        Add-PdFakeFault -Operation DescribeDataDeletionJob -Kind error500 -Count -1
        $none = 'u-1', 'u-2' | New-PDataDeletionJob @Submit -ErrorVariable failed -ErrorAction SilentlyContinue
        $none | Should -BeNullOrEmpty
        @($failed).FullyQualifiedErrorId | Should -Be "DataDeletionJobOutcomeUnknown,$NewId"
        $failed[0].Exception.Message | Should -Match 'Run the same command again'
        $kept = @(Get-PdFakeS3Object -Bucket 'deletion-staging')
        $kept.Count | Should -Be 1
        $fakeJob = @(Get-PdFakeJob)[0]
        $fakeJob.dataSource.dataLocation | Should -Be "s3://deletion-staging/$($kept[0].key)"

        Clear-PdFakeFault
        $job = 'u-1', 'u-2' | New-PDataDeletionJob @Submit -WarningVariable warned -WarningAction SilentlyContinue
        $job.JobArn | Should -Be $fakeJob.dataDeletionJobArn
        "$warned" | Should -Match 'already submitted'
        # The job still finds its CSV; the second staging, read by no job, is removed.
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').key | Should -Be $kept[0].key
        @(Get-PdFakeJob).Count | Should -Be 1
    }

    It 'Ctrl+C while Create is out: stops, sends nothing more, and keeps the CSV a job may read' {
        # The fake does nothing for a request its client gave up on, as a slow service that never got to it; the
        # module cannot know that, so the staged CSV stays (and the bucket's lifecycle rule is the backstop).
        Add-PdFakeFault -Operation CreateDataDeletionJob -Kind delay -DelayMs 120000 -Count 1
        $result = Invoke-PdStoppable -Script '"k-1" | New-PDataDeletionJob @a' -Arguments $Submit -Until { @(Get-PdFakeRequest -Operation CreateDataDeletionJob).Count -gt 0 }
        $result.Reached | Should -BeTrue
        $result.Stopped | Should -BeTrue
        $result.State | Should -Be 'Stopped'
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob).Count | Should -Be 1
        @(Get-PdFakeRequest -Operation DescribeDataDeletionJob).Count | Should -Be 0
        @(Get-PdFakeJob).Count | Should -Be 0
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 1
    }

    It 'a bad file after a large one: the upload is aborted before the error, and an upload S3 keeps is named in a warning' {
        $large = New-PdLargeUserIdFile -Name 'large-then-bad.csv'
        $bad = Join-Path $PdTemp 'bad-header.csv'
        Set-Content -Path $bad -Value "EMAIL`nsomeone@example.com"
        Add-PdFakeFault -Operation 's3:AbortMultipartUpload' -Kind error500 -Count -1
        $arguments = $Submit.Clone(); $arguments.LiteralPath = $large, $bad
        $failure = $null
        try { $null = New-PDataDeletionJob @arguments -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be "InvalidUserIdFileHeader,$NewId"
        "$warned" | Should -Match 'Could not remove s3://deletion-staging/\S+ \(multipart upload \S+\), which holds user IDs'
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob).Count | Should -Be 0
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 0

        Clear-PdFakeFault
        Reset-PdFake
        try { $null = New-PDataDeletionJob @arguments -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be "InvalidUserIdFileHeader,$NewId"
        $warned.Count | Should -Be 0
        @(Get-PdFakeRequest -Operation AbortMultipartUpload).Count | Should -BeGreaterThan 0
        @(Get-PdFakeMultipartUpload).Count | Should -Be 0
    }

    It 'S3 500s and resets in the middle of a multipart upload are retried' {
        $path = New-PdLargeUserIdFile -Name 'retry.csv'
        Add-PdFakeFault -Operation 's3:UploadPart' -Kind error500 -Count 1
        Add-PdFakeFault -Operation 's3:UploadPart' -Kind drop-before -Count 1
        $job = New-PDataDeletionJob @Submit -Path $path
        $job.UserCount | Should -Be 120000
        @(Get-PdFakeMultipartUpload).Count | Should -Be 0
        @(Get-PdFakeRequest -Service s3 -Operation CompleteMultipartUpload | Where-Object status -EQ 200).Count | Should -Be 1
    }

    It 'an S3 upload that keeps failing is aborted with a clear error: no job, no orphan upload' {
        $path = New-PdLargeUserIdFile -Name 'broken.csv'
        Add-PdFakeFault -Operation 's3:UploadPart' -Kind drop-before -Count -1
        $failure = { New-PDataDeletionJob @Submit -Path $path -ErrorAction Stop } | Should -Throw -ErrorId "StagingUploadFailed,$NewId" -PassThru
        $failure.Exception.Message | Should -Match 'deletion-staging'
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob).Count | Should -Be 0
        @(Get-PdFakeMultipartUpload).Count | Should -Be 0
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 0
    }

    It 'Ctrl+C while New waits for the PENDING quota: stops at once, creates nothing, leaves nothing staged' {
        Set-PdFakeConfig -Settings @{ pendingMs = 600000 }
        Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 5 -Status PENDING -NamePrefix 'full'
        # Stopped once New shows it waits for a slot (it sleeps right after): the SDK retries LimitExceeded itself,
        # and a stop while a Create is out keeps the CSV, since that Create may have been carried out.
        $result = Invoke-PdStoppable -Script '"q" | New-PDataDeletionJob @a' -Arguments $Submit -Until {
            param($ps)
            @($ps.Streams.Progress | Where-Object StatusDescription -Like '*trying again*').Count -gt 0
        }
        $result.Reached | Should -BeTrue
        $result.Stopped | Should -BeTrue
        $result.State | Should -Be 'Stopped'
        @(Get-PdFakeJob | Where-Object jobName -NotLike 'full*').Count | Should -Be 0
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 0
    }

    It 'Ctrl+C during a slow Get: stops at once' {
        Add-PdFakeFault -Operation ListDataDeletionJobs -Kind delay -DelayMs 120000 -Count 1
        $result = Invoke-PdStoppable -Script 'Get-PDataDeletionJob @a' -Arguments @{ DatasetGroupArn = $PdRetailGroup } -Until { @(Get-PdFakeRequest -Operation ListDataDeletionJobs).Count -gt 0 }
        $result.Reached | Should -BeTrue
        $result.Stopped | Should -BeTrue
        # Stopped, not Completed or Failed: the call was cancelled, not waited out or turned into an error.
        $result.State | Should -Be 'Stopped'
    }

    It 'Ctrl+C during a multipart upload: stops at once, no job, no open upload' {
        $path = New-PdLargeUserIdFile -Name 'stopped.csv'
        Add-PdFakeFault -Operation 's3:UploadPart' -Kind delay -DelayMs 120000 -Count -1
        $arguments = $Submit.Clone(); $arguments.Path = $path
        $result = Invoke-PdStoppable -Script 'New-PDataDeletionJob @a' -Arguments $arguments -Until { @(Get-PdFakeRequest -Service s3 -Operation UploadPart).Count -gt 0 }
        $result.Reached | Should -BeTrue
        $result.Stopped | Should -BeTrue
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob).Count | Should -Be 0
        @(Get-PdFakeMultipartUpload).Count | Should -Be 0
    }

    It 'expired or unknown credentials: a clear error naming the credential source' {
        $env:AWS_ACCESS_KEY_ID = 'AKIAPDEXPIRED0000001'
        try {
            $failure = { Get-PDataDeletionJob -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidCredentials,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand' -PassThru
            $failure.Exception.Message | Should -Match 'environment'
        }
        finally {
            $env:AWS_ACCESS_KEY_ID = $PdDefaultAccessKey
        }
    }

    It 'a clock skewed by 20 minutes is corrected by the SDK (RequestTimeTooSkewed once)' {
        Set-PdFakeConfig -Settings @{ clockOffsetSeconds = 1200 }
        try {
            $jobs = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -ErrorVariable errors
            $errors.Count | Should -Be 0
            $requests = @(Get-PdFakeRequest -Operation ListDataDeletionJobs)
            $requests[0].errorCode | Should -Be 'InvalidSignatureException'
            $requests[-1].status | Should -Be 200
        }
        finally {
            Set-PdFakeConfig -Settings @{ clockOffsetSeconds = 0 }
            # The SDK keeps its correction; one more call lets it correct back before other tests run. Its rejection
            # (a clock that is off) ends that command.
            try { $null = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup } catch { $null = $_ }
        }
    }
}
