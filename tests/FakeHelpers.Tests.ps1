BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest
}

AfterAll {
    Complete-PdTest
}

# The seeding helpers of tests/Fake.ps1 that the assurance checks' tests build on: each stores what it says.
Describe 'Fake seeding helpers' {
    BeforeEach {
        Reset-PdFake
    }

    It 'seed a solution, its versions and campaign, import and batch jobs and a recommender, with statuses and times' {
        $solution = Add-PdFakeSolution -DatasetGroupArn $PdRetailGroup -Name 'recs' -PerformAutoTraining -CreatedOffsetSeconds -86400
        $old = Add-PdFakeSolutionVersion -SolutionArn $solution.arn -CreatedOffsetSeconds -7200 -LastUpdatedOffsetSeconds -3600
        $training = Add-PdFakeSolutionVersion -SolutionArn $solution.arn -Status 'CREATE IN_PROGRESS' -TrainingMode AUTOTRAIN
        $campaign = Add-PdFakeCampaign -SolutionVersionArn $old.arn -Name 'live' -PendingSolutionVersionArn $training.arn
        $dataset = Add-PdFakeDataset -DatasetGroupArn $PdRetailGroup -DatasetType INTERACTIONS
        $import = Add-PdFakeDatasetImportJob -DatasetArn $dataset.datasetArn -Name 'nightly' -Status 'CREATE IN_PROGRESS'
        $batch = Add-PdFakeBatchJob -SolutionVersionArn $old.arn -Name 'weekly' -OutputPath 's3://recs-out/weekly/'
        $segment = Add-PdFakeBatchJob -Kind Segment -SolutionVersionArn $old.arn -Name 'segments' -Status IN_PROGRESS
        $recommender = Add-PdFakeRecommender -DatasetGroupArn $PdMediaGroup -Name 'for-you' -Status 'CREATE IN_PROGRESS'

        $solution.arn | Should -Be 'arn:aws:personalize:us-east-1:123456789012:solution/recs'
        $old.arn | Should -Match '^arn:aws:personalize:us-east-1:123456789012:solution/recs/[0-9a-f]{8}$'
        $training.status | Should -Be 'CREATE IN_PROGRESS'
        $training.trainingType | Should -Be 'AUTOMATIC'
        $campaign.parentArn | Should -Be $solution.arn
        $dataset.datasetArn | Should -Be 'arn:aws:personalize:us-east-1:123456789012:dataset/retail/INTERACTIONS'
        $import.parentArn | Should -Be $dataset.datasetArn
        $batch.parentArn | Should -Be $old.arn
        $segment.status | Should -Be 'IN_PROGRESS'
        $recommender.datasetGroupArn | Should -Be $PdMediaGroup
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $old.creationDateTime | Should -BeLessThan ($now - 7000)
        $old.lastUpdatedDateTime | Should -BeGreaterThan $old.creationDateTime
        @(Get-PdFakeResource).Count | Should -Be 8
        @(Get-PdFakeResource -Kind solutionVersion).Count | Should -Be 2
    }

    It 'a denial refuses the operation named, with the permission in the message' {
        Add-PdFakeDenial -Operation ListDataDeletionJobs
        # Access denied on the call every item needs ends the command.
        $denied = $null
        try { $null = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup } catch { $denied = $_ }
        $denied.FullyQualifiedErrorId | Should -BeLike 'AccessDenied,*'
        "$denied" | Should -Match 'personalize:ListDataDeletionJobs'
        @(Get-PdFakeRequest -Operation ListDataDeletionJobs | Where-Object errorCode -EQ 'AccessDeniedException').Count | Should -BeGreaterThan 0
        @(Get-PdFakeRequest -Operation DescribeDatasetGroup | Where-Object errorCode -EQ 'AccessDeniedException').Count | Should -Be 0
    }

    It 'user records are set, read back, and removed by a completed job' {
        Add-PdFakeUserRecord -DatasetGroupArn $PdMediaGroup -Records @{ 'm-1' = 40; 'm-2' = 1 } | Out-Null
        Add-PdFakeUserRecord -DatasetGroupArn $PdMediaGroup -UserId 'm-1' -DatasetType USERS | Out-Null
        $records = @(Get-PdFakeUserRecord -DatasetGroupArn $PdMediaGroup)
        ($records | Where-Object datasetType -EQ 'INTERACTIONS').records.'m-1' | Should -Be 40
        ($records | Where-Object datasetType -EQ 'USERS').records.'m-1' | Should -Be 1

        Set-PdFakeConfig -Settings @{ pendingMs = 100; inProgressMs = 100 } | Out-Null
        $job = 'm-1', 'nobody' | New-PDataDeletionJob -DatasetGroupArn $PdMediaGroup -RoleArn $PdRole -StagingUri $PdStaging -Force | Wait-PDataDeletionJob -PollInterval 1
        $job.NumDeleted | Should -Be 41
        (@(Get-PdFakeUserRecord -DatasetGroupArn $PdMediaGroup) | Where-Object datasetType -EQ 'INTERACTIONS').records.PSObject.Properties.Name | Should -Be @('m-2')
    }
}
