BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest

    $script:Submit = @{ DatasetGroupArn = $PdRetailGroup; RoleArn = $PdRole; StagingUri = $PdStaging; Force = $true }
    $script:NewId = 'PersonalizeDeletion.Cmdlets.NewPDataDeletionJobCommand'

    function Wait-PdFakeJobFinished([string] $Name, [int] $Seconds = 20) {
        # Polls the fake's own view (which sees jobs the service's reads do not yet show) until the job finishes.
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        do {
            $job = Get-PdFakeJob | Where-Object jobName -EQ $Name
            if ($job -and $job.status -in 'COMPLETED', 'FAILED') { return $job }
            Start-Sleep -Milliseconds 200
        } while ([DateTime]::UtcNow -lt $deadline)
        throw "Job $Name did not finish within $Seconds s."
    }
}

AfterAll {
    Complete-PdTest
}

# The service's reads lag behind its writes: with the visibility delay on, a job Create made is invisible to
# Describe and List for a while. Exactly-once must hold without taking "not found" for "not created".
Describe 'Exactly once while reads lag' {
    BeforeEach {
        Reset-PdFake
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'lag-1', 'lag-2' -Count 3 | Out-Null
    }

    It 'a Create whose answer is lost gives exactly one job, which COMPLETES, and its CSV was there when the job read it' {
        # The job reads its CSV 1.5 s after the Create, while New is still waiting for a read to see it (2 s).
        Set-PdFakeConfig -Settings @{ visibilityDelayMs = 2000; pendingMs = 1500; inProgressMs = 500 } | Out-Null
        Add-PdFakeFault -Operation CreateDataDeletionJob -Kind drop-after -Count 1
        $job = 'lag-1', 'lag-2' | New-PDataDeletionJob @Submit -ErrorVariable failed -WarningAction SilentlyContinue

        $failed.Count | Should -Be 0
        $fakeJobs = @(Get-PdFakeJob)
        $fakeJobs.Count | Should -Be 1
        $job.JobArn | Should -Be $fakeJobs[0].dataDeletionJobArn
        $finished = Wait-PdFakeJobFinished $fakeJobs[0].jobName
        $finished.status | Should -Be 'COMPLETED'
        $finished.readFailure | Should -BeNullOrEmpty
        $staged = @(Get-PdFakeS3Object -Bucket 'deletion-staging')
        @($finished.objectsRead).key | Should -Be $staged.key
        $finished.numDeleted | Should -Be 6
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob | Where-Object status -EQ 200).Count | Should -Be 1
    }

    It 'when no answer comes at all, DataDeletionJobOutcomeUnknown names the job, the CSV stays, the job COMPLETES, and the same command settles it' {
        Set-PdFakeConfig -Settings @{ visibilityDelayMs = 60000; pendingMs = 1000; inProgressMs = 500 } | Out-Null
        Add-PdFakeFault -Operation CreateDataDeletionJob -Kind drop-after -Count -1
        $none = 'lag-1', 'lag-2' | New-PDataDeletionJob @Submit -ErrorVariable failed -ErrorAction SilentlyContinue

        $none | Should -BeNullOrEmpty
        @($failed).FullyQualifiedErrorId | Should -Be "DataDeletionJobOutcomeUnknown,$NewId"
        $fakeJob = @(Get-PdFakeJob)
        $fakeJob.Count | Should -Be 1
        $failed[0].Exception.Message | Should -Match ([regex]::Escape("look for it by its name, $($fakeJob[0].jobName)"))
        $failed[0].TargetObject | Should -Be $fakeJob[0].jobName
        # Several sends, one job: the name is the idempotency key.
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob).Count | Should -BeGreaterThan 1
        $kept = @(Get-PdFakeS3Object -Bucket 'deletion-staging')
        $kept.Count | Should -Be 1
        $finished = Wait-PdFakeJobFinished $fakeJob[0].jobName
        $finished.status | Should -Be 'COMPLETED'
        @($finished.objectsRead).key | Should -Be $kept[0].key

        # A minute later the job is visible; the same command returns it and removes its own second staging.
        Clear-PdFakeFault
        Set-PdFakeConfig -Settings @{ clockOffsetSeconds = 61 } | Out-Null
        try {
            $again = 'lag-1', 'lag-2' | New-PDataDeletionJob @Submit -WarningVariable warned -WarningAction SilentlyContinue
            $again.JobArn | Should -Be $fakeJob[0].dataDeletionJobArn
            "$warned" | Should -Match 'already submitted'
            @(Get-PdFakeS3Object -Bucket 'deletion-staging').key | Should -Be $kept[0].key
            @(Get-PdFakeJob).Count | Should -Be 1
        }
        finally {
            Set-PdFakeConfig -Settings @{ clockOffsetSeconds = 0 } | Out-Null
            # The SDK keeps a clock correction it learned; one call lets it correct back before other tests run.
            $null = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -ErrorAction SilentlyContinue
        }
    }

    It 'a re-run while the first job is still invisible returns that job, whose CSV stays, instead of a second deletion' {
        Set-PdFakeConfig -Settings @{ visibilityDelayMs = 1500; pendingMs = 1000; inProgressMs = 500 } | Out-Null
        $first = 'lag-1' | New-PDataDeletionJob @Submit
        $again = 'lag-1' | New-PDataDeletionJob @Submit -ErrorVariable failed -WarningVariable warned -WarningAction SilentlyContinue

        $failed.Count | Should -Be 0
        $again.JobArn | Should -Be $first.JobArn
        "$warned" | Should -Match 'already submitted'
        @(Get-PdFakeJob).Count | Should -Be 1
        $finished = Wait-PdFakeJobFinished (Get-PdFakeJob).jobName
        $finished.status | Should -Be 'COMPLETED'
        @($finished.objectsRead).key | Should -Be ($first.StagedObject -replace '^s3://deletion-staging/', '')
    }

    It 'Create failing with 500s: sent again, never taken for not created; DataDeletionJobOutcomeUnknown keeps the CSV' {
        # A 500 does not say whether the job was created, and a read that finds nothing proves nothing.
        Add-PdFakeFault -Operation CreateDataDeletionJob -Kind error500 -Count -1
        $null = 'n-1' | New-PDataDeletionJob @Submit -ErrorVariable failed -ErrorAction SilentlyContinue
        @($failed).FullyQualifiedErrorId | Should -Be "DataDeletionJobOutcomeUnknown,$NewId"
        $failed[0].Exception.Message | Should -Match 'look for it by its name'
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob | Select-Object -ExpandProperty body -Unique).Count | Should -Be 1
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob).Count | Should -BeGreaterThan 3
        @(Get-PdFakeJob).Count | Should -Be 0
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 1
    }
}
