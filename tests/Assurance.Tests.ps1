# Issue 19: what a deletion assures, through the public cmdlets against the seeded fake. New-PDataDeletionJob looks for
# work in progress before it creates jobs; Wait-PDataDeletionJob and Get-PDataDeletionJob -Detailed judge each job
# (Assurance and the findings behind it), warn when there is something to do, and write or carry its receipt; a missing
# permission is a warning naming it and never fails a deletion.

BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest

    $script:WaitId = 'PersonalizeDeletion.Cmdlets.WaitPDataDeletionJobCommand'
    $script:Submit = @{ RoleArn = $PdRole; StagingUri = $PdStaging; Force = $true }
    $script:Caller = 'arn:aws:iam::123456789012:user/akiafakedefault00001'

    function New-PdReceiptFolder {
        $folder = Join-Path $PdTemp ('receipts-' + [guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $folder
        $folder
    }

    function Invoke-PdCollected {
        <# Runs a script block and returns what it output, its warnings (as text) and its non-terminating errors. #>
        param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
        $ErrorActionPreference = 'Continue'
        $WarningPreference = 'Continue'
        $output = [System.Collections.Generic.List[object]]::new()
        $warnings = [System.Collections.Generic.List[string]]::new()
        $errors = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
        foreach ($item in & $ScriptBlock 3>&1 2>&1) {
            if ($item -is [System.Management.Automation.WarningRecord]) { $warnings.Add($item.Message) }
            elseif ($item -is [System.Management.Automation.ErrorRecord]) { $errors.Add($item) }
            else { $output.Add($item) }
        }
        [pscustomobject]@{ Output = $output.ToArray(); Warnings = $warnings.ToArray(); Errors = $errors.ToArray() }
    }

    # A group whose models predate any job of the test: one custom solution (<group>-recs) with an ACTIVE version that a
    # campaign (<group>-live) serves, and a batch inference job that wrote recommendations to s3://recs-out/<group>/.
    function Add-PdTrainedModel([string] $Group = $PdRetailGroup) {
        $name = ($Group -split '/')[-1]
        $solution = Add-PdFakeSolution -DatasetGroupArn $Group -Name "$name-recs" -CreatedOffsetSeconds -86400
        $version = Add-PdFakeSolutionVersion -SolutionArn $solution.arn -Name 'v1' -CreatedOffsetSeconds -7200 -LastUpdatedOffsetSeconds -3600
        $null = Add-PdFakeCampaign -SolutionVersionArn $version.arn -Name "$name-live" -CreatedOffsetSeconds -3000
        $null = Add-PdFakeBatchJob -SolutionVersionArn $version.arn -Name "$name-weekly" -OutputPath "s3://recs-out/$name/" -CreatedOffsetSeconds -2000 -LastUpdatedOffsetSeconds -1900
        [pscustomobject]@{ Solution = $solution; Version = $version }
    }

    function Get-PdDatasetArn([string] $Group, [string] $Type) {
        # Adding a dataset of a type the group has returns the one it has.
        (Add-PdFakeDataset -DatasetGroupArn $Group -DatasetType $Type).datasetArn
    }

    function Get-PdListState($Value) {
        <# 'null' (could not be checked) or 'N item(s)' (checked): Should -BeNullOrEmpty cannot tell the two apart. #>
        if ($null -eq $Value) { 'null' } else { "$(@($Value).Count) item(s)" }
    }

    function Get-PdJsonString($Node) {
        <# Every string value of a parsed JSON document, however deep, as its reader sees it (escapes resolved). #>
        if ($Node -is [string]) { $Node }
        elseif ($Node -is [System.Collections.IEnumerable]) { foreach ($item in $Node) { Get-PdJsonString $item } }
        elseif ($Node -is [pscustomobject]) { foreach ($property in $Node.PSObject.Properties) { $property.Name; Get-PdJsonString $property.Value } }
    }
}

AfterAll {
    Complete-PdTest
}

Describe 'New-PDataDeletionJob: work in progress in the dataset group' {
    BeforeEach {
        Reset-PdFake
        Set-PdFakeConfig -Settings @{ pendingMs = 300; inProgressMs = 600 } | Out-Null
    }

    It 'warns once per dataset group naming each item (kind, name, status) and lists them on the job' {
        $model = Add-PdTrainedModel
        $training = Add-PdFakeSolutionVersion -SolutionArn $model.Solution.arn -Name 'v2' -Status 'CREATE IN_PROGRESS' -CreatedOffsetSeconds -60
        $null = Add-PdFakeDatasetImportJob -DatasetArn (Get-PdDatasetArn $PdRetailGroup INTERACTIONS) -Name 'nightly' -Status 'CREATE IN_PROGRESS' -CreatedOffsetSeconds -30
        $null = Add-PdFakeBatchJob -Kind Segment -SolutionVersionArn $model.Version.arn -Name 'audience' -Status 'IN_PROGRESS' -CreatedOffsetSeconds -20
        $null = Add-PdFakeRecommender -DatasetGroupArn $PdRetailGroup -Name 'top-picks' -CreatedOffsetSeconds -86400 -LastUpdatedOffsetSeconds -10 -UpdateStatus 'CREATE IN_PROGRESS'
        $null = Add-PdFakeRecommender -DatasetGroupArn $PdMediaGroup -Name 'media-new' -Status 'CREATE PENDING'

        $run = Invoke-PdCollected { 'u1', 'u2' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup, $PdMediaGroup @Submit }

        $run.Output.Count | Should -Be 2
        $run.Warnings.Count | Should -Be 2
        $retailWarning = $run.Warnings | Where-Object { $_ -like 'Dataset group retail *' }
        $retailWarning | Should -Match ([regex]::Escape('SolutionVersion retail-recs (CREATE IN_PROGRESS), DatasetImportJob nightly (CREATE IN_PROGRESS), BatchSegmentJob audience (IN_PROGRESS), RecommenderUpdate top-picks (CREATE IN_PROGRESS).'))
        $run.Warnings | Where-Object { $_ -like 'Dataset group media *' } | Should -Match ([regex]::Escape('Recommender media-new (CREATE PENDING).'))
        $retail = $run.Output | Where-Object DatasetGroupArn -EQ $PdRetailGroup
        @($retail.ConcurrentActivity | ForEach-Object { "$($_.Kind) $($_.Name) $($_.Status)" }) | Should -Be @(
            'SolutionVersion retail-recs CREATE IN_PROGRESS', 'DatasetImportJob nightly CREATE IN_PROGRESS', 'BatchSegmentJob audience IN_PROGRESS', 'RecommenderUpdate top-picks CREATE IN_PROGRESS')
        $retail.ConcurrentActivity[0].Arn | Should -Be $training.arn
        $retail.ConcurrentActivity[0].CreationDateTime.Kind | Should -Be 'Utc'
        # Each group is looked at once, before the jobs are created.
        @(Get-PdPersonalizeRequest -Operation ListSolutions | Where-Object { $_.Json.datasetGroupArn -eq $PdRetailGroup }).Count | Should -Be 1
        $requests = @(Get-PdFakeRequest -Service personalize)
        [array]::FindLastIndex([object[]]$requests, [Predicate[object]] { param($r) $r.operation -eq 'DescribeRecommender' }) |
            Should -BeLessThan ([array]::FindIndex([object[]]$requests, [Predicate[object]] { param($r) $r.operation -eq 'CreateDataDeletionJob' }))
    }

    It 'says nothing for a group at rest, and its jobs carry an empty ConcurrentActivity' {
        $null = Add-PdTrainedModel
        $run = Invoke-PdCollected { 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit }

        $run.Warnings | Should -BeNullOrEmpty
        Get-PdListState $run.Output[0].ConcurrentActivity | Should -Be '0 item(s)' 
    }

    It 'warns under -WhatIf too, and creates nothing' {
        $null = Add-PdFakeRecommender -DatasetGroupArn $PdRetailGroup -Name 'for-you' -Status 'CREATE IN_PROGRESS'
        $run = Invoke-PdCollected { 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit -WhatIf }

        $run.Warnings | Should -Match 'Recommender for-you \(CREATE IN_PROGRESS\)'
        @(Get-PdFakeRequest -Service personalize -Operation CreateDataDeletionJob).Count | Should -Be 0
    }

    It 'carries the SHA-256 and length of the staged CSV exactly as uploaded' {
        $job = 'u1', 'u2', 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit
        $key = $job.StagedObject.Substring('s3://deletion-staging/'.Length)
        $bytes = Get-PdFakeS3ObjectContent -Bucket 'deletion-staging' -Key $key

        $job.StagedBytes | Should -Be $bytes.Length
        $job.StagedSha256 | Should -Be ([Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([byte[]]$bytes)).ToLowerInvariant())
        $job.StagedSha256 | Should -Match '^[0-9a-f]{64}$'
    }
}

Describe 'Wait-PDataDeletionJob: every Assurance value' {
    BeforeEach {
        Reset-PdFake
        Set-PdFakeConfig -Settings @{ pendingMs = 300; inProgressMs = 600 } | Out-Null
    }

    It 'Failed: a job that FAILED, with DataDeletionJobFailed as before' {
        Set-PdFakeConfig -Settings @{ failJobNamePattern = '^doomed'; failureReason = 'Access denied reading the CSV' } | Out-Null
        $job = 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit -JobName 'doomed-1'
        Clear-PdFakeRequest
        $run = Invoke-PdCollected { $job | Wait-PDataDeletionJob -PollInterval 1 }

        $run.Output[0].Assurance | Should -Be 'Failed'
        $run.Output[0].RerunRecommended | Should -BeNullOrEmpty
        $run.Errors[0].FullyQualifiedErrorId | Should -Be "DataDeletionJobFailed,$WaitId"
        @(Get-PdFakeRequest -Service personalize -Operation ListSolutions).Count | Should -Be 0 -Because 'a FAILED job needs no look at its group'
    }

    It 'Unfinished: the jobs a timeout outputs, with the work that overlapped them so far' {
        Set-PdFakeConfig -Settings @{ pendingMs = 600000 } | Out-Null
        $null = Add-PdFakeRecommender -DatasetGroupArn $PdRetailGroup -Name 'for-you' -Status 'CREATE IN_PROGRESS' -CreatedOffsetSeconds -5
        $job = 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit -WarningAction SilentlyContinue
        $run = Invoke-PdCollected { $job | Wait-PDataDeletionJob -PollInterval 1 -Timeout 1 }

        $run.Output[0].Status | Should -Be 'PENDING'
        $run.Output[0].Assurance | Should -Be 'Unfinished'
        $run.Output[0].ConcurrentActivity.Name | Should -Be 'for-you'
        Get-PdListState $run.Output[0].ModelsToRetrain | Should -Be 'null'
        $run.Errors[0].FullyQualifiedErrorId | Should -Be "WaitTimedOut,$WaitId"
    }

    It 'NoRecordsDeleted: a COMPLETED job that deleted nothing, with a warning that none of its users had records' {
        $run = Invoke-PdCollected { 'alice@example.com' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit | Wait-PDataDeletionJob -PollInterval 1 }

        $run.Output[0].Status | Should -Be 'COMPLETED'
        $run.Output[0].NumDeleted | Should -Be 0
        $run.Output[0].Assurance | Should -Be 'NoRecordsDeleted'
        $run.Warnings | Should -Be @("Data deletion job $($run.Output[0].JobName) COMPLETED but deleted no records: none of its users had records in dataset group retail. Check that the IDs are those the datasets hold (e-mail addresses, say, where the datasets use internal user IDs delete nothing).")
        $run.Errors | Should -BeNullOrEmpty
    }

    It 'RerunRecommended: an import ran while the job ran; New warned before, Wait names it after' {
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1' -Count 3 | Out-Null
        $null = Add-PdFakeDatasetImportJob -DatasetArn (Get-PdDatasetArn $PdRetailGroup INTERACTIONS) -Name 'nightly' -Status 'CREATE IN_PROGRESS' -CreatedOffsetSeconds -30
        $job = 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit -WarningVariable before -WarningAction SilentlyContinue
        $run = Invoke-PdCollected { $job | Wait-PDataDeletionJob -PollInterval 1 }

        "$before" | Should -Match 'DatasetImportJob nightly \(CREATE IN_PROGRESS\)'
        $done = $run.Output[0]
        $done.Assurance | Should -Be 'RerunRecommended'
        $done.RerunRecommended | Should -BeTrue
        $done.ConcurrentActivity.Name | Should -Be 'nightly'
        $done.NumDeleted | Should -Be 3
        $run.Warnings | Should -Be @("While data deletion job $($done.JobName) ran, dataset group retail also ran DatasetImportJob nightly (CREATE IN_PROGRESS). Amazon Personalize cannot guarantee that the users' data left what was trained or imported meanwhile: submit the same users again once that work is done.")
    }

    It 'RetrainModels: models trained before the deletion, one summary warning with how to retrain, then Verified once retrained' {
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1', 'u2', 'u3' -Count 2 | Out-Null
        $model = Add-PdTrainedModel
        $jobs = 'u1', 'u2', 'u3' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit -MaxUsersPerJob 2
        @($jobs).Count | Should -Be 2
        $run = Invoke-PdCollected { $jobs | Wait-PDataDeletionJob -PollInterval 1 }

        $run.Output.Count | Should -Be 2
        foreach ($done in $run.Output) {
            $done.Assurance | Should -Be 'RetrainModels'
            $done.RerunRecommended | Should -BeFalse
            $done.ModelsToRetrain.SolutionArn | Should -Be $model.Solution.arn
            $done.ModelsToRetrain.SolutionVersionArn | Should -Be $model.Version.arn
            $done.CampaignsToUpdate.CampaignName | Should -Be 'retail-live'
            $done.ExternalCopies.OutputLocation | Should -Be 's3://recs-out/retail/'
        }
        # One warning for the whole wait, each model and campaign counted once however many jobs name them.
        $run.Warnings.Count | Should -Be 1
        $run.Warnings[0] | Should -Match '^2 completed data deletion job\(s\) leave work to do\. 1 model\(s\) to retrain, .*: retail-recs\. '
        $run.Warnings[0] | Should -Match ([regex]::Escape('New-PERSSolutionVersion -SolutionArn <SolutionArn> -TrainingMode FULL (AWS.Tools), or aws personalize create-solution-version --solution-arn <SolutionArn> --training-mode FULL.'))
        $run.Warnings[0] | Should -Match ([regex]::Escape('1 campaign(s) to update, still serving such a model: retail-live.'))
        $run.Warnings[0] | Should -Match ([regex]::Escape('aws personalize update-campaign --campaign-arn <CampaignArn>'))
        $run.Warnings[0] | Should -Match ([regex]::Escape('1 batch job output(s) in S3 hold copies the deletion does not reach: s3://recs-out/retail/; review them.'))

        # Retrain in full after the deletion and deploy the new model: the same jobs, judged again, are Verified.
        $retrained = Add-PdFakeSolutionVersion -SolutionArn $model.Solution.arn -Name 'v2' -TrainingMode FULL
        $null = Add-PdFakeCampaign -SolutionVersionArn $retrained.arn -Name 'retail-live' -CreatedOffsetSeconds -3000
        $again = Invoke-PdCollected { Get-PDataDeletionJob -JobArn $jobs.JobArn -Detailed }
        $again.Output.Assurance | Should -Be @('Verified', 'Verified')
        Get-PdListState $again.Output[0].ModelsToRetrain | Should -Be '0 item(s)'
        Get-PdListState $again.Output[0].CampaignsToUpdate | Should -Be '0 item(s)' 
        # The batch output predates the deletion: still a copy to review.
        $again.Warnings | Should -Match 'batch job output\(s\) in S3 hold copies'

        # An UPDATE training builds on the old model: it does not count as retrained.
        $null = Add-PdFakeSolutionVersion -SolutionArn $model.Solution.arn -Name 'v1' -Status 'CREATE FAILED' -CreatedOffsetSeconds -7200
        $null = Add-PdFakeSolutionVersion -SolutionArn $model.Solution.arn -Name 'v2' -TrainingMode UPDATE
        (Get-PDataDeletionJob -JobArn $jobs[0].JobArn -Detailed -WarningAction SilentlyContinue).Assurance | Should -Be 'RetrainModels'
    }

    It 'Unverified: a check that could not be made, named in a warning; the deletion still succeeds' {
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1' | Out-Null
        Add-PdFakeDenial -Operation ListCampaigns
        $null = Add-PdTrainedModel
        $null = Add-PdFakeSolutionVersion -SolutionArn (Get-PdFakeResource -Kind solution).arn -Name 'v9' -TrainingMode FULL -CreatedOffsetSeconds 3600
        $run = Invoke-PdCollected { 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit | Wait-PDataDeletionJob -PollInterval 1 }

        $done = $run.Output[0]
        $done.Status | Should -Be 'COMPLETED'
        $done.Assurance | Should -Be 'Unverified'
        Get-PdListState $done.CampaignsToUpdate | Should -Be 'null'
        Get-PdListState $done.ModelsToRetrain | Should -Be '0 item(s)'
        $run.Errors | Should -BeNullOrEmpty
        # The problem, and the summary of what is left to do (the batch output is still a copy to review).
        $run.Warnings.Count | Should -Be 2
        $run.Warnings[0] | Should -BeLike "Could not check dataset group $($PdRetailGroup): the caller lacks personalize:ListCampaigns (User: $Caller is not authorized to perform: personalize:ListCampaigns *). Left unknown (null): CampaignsToUpdate. Grant personalize:ListCampaigns to have it checked."
        $run.Warnings[1] | Should -Match '^1 completed data deletion job\(s\) leave work to do\. 1 batch job output'
        $run.Warnings[1] | Should -Not -Match 'model\(s\) to retrain|campaign\(s\) to update' 
    }

    It 'Verified: records deleted, nothing alongside, nothing to retrain; no warning' {
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1' -Count 4 | Out-Null
        $run = Invoke-PdCollected { 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit | Wait-PDataDeletionJob -PollInterval 1 }

        $done = $run.Output[0]
        $done.Assurance | Should -Be 'Verified'
        $done.RerunRecommended | Should -BeFalse
        foreach ($finding in 'ConcurrentActivity', 'ModelsToRetrain', 'CampaignsToUpdate', 'ExternalCopies') {
            Get-PdListState $done.$finding | Should -Be '0 item(s)' -Because "$finding was checked and found nothing"
        }
        $done.PSObject.TypeNames[0] | Should -Be 'PersonalizeDeletion.DataDeletionJob#Judged'
        $done | Should -BeOfType 'PersonalizeDeletion.DataDeletionJob'
        $run.Warnings | Should -BeNullOrEmpty
    }
}

Describe 'Permissions: a missing one is a warning naming it, never a failed deletion' {
    BeforeEach {
        Reset-PdFake
        Set-PdFakeConfig -Settings @{ pendingMs = 300; inProgressMs = 600 } | Out-Null
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1', 'u2' | Out-Null
        $null = Add-PdTrainedModel
    }

    It 'denied <Operation>: New and Wait warn once each naming personalize:<Operation>, and leave <Unknown> null' -ForEach @(
        @{ Operation = 'ListSolutions'; Unknown = 'ConcurrentActivity'; Recommender = $false }
        @{ Operation = 'ListSolutionVersions'; Unknown = 'ModelsToRetrain'; Recommender = $false }
        @{ Operation = 'ListDatasets'; Unknown = 'ConcurrentActivity'; Recommender = $false }
        @{ Operation = 'ListDatasetImportJobs'; Unknown = 'ConcurrentActivity'; Recommender = $false }
        @{ Operation = 'ListRecommenders'; Unknown = 'ConcurrentActivity'; Recommender = $false }
        @{ Operation = 'DescribeRecommender'; Unknown = 'ConcurrentActivity'; Recommender = $true }
        @{ Operation = 'ListBatchInferenceJobs'; Unknown = 'ExternalCopies'; Recommender = $false }
        @{ Operation = 'ListBatchSegmentJobs'; Unknown = 'ConcurrentActivity'; Recommender = $false }
        @{ Operation = 'DescribeCampaign'; Unknown = 'CampaignsToUpdate'; Recommender = $false }
        @{ Operation = 'DescribeBatchInferenceJob'; Unknown = 'ExternalCopies'; Recommender = $false }
    ) {
        if ($Recommender) { $null = Add-PdFakeRecommender -DatasetGroupArn $PdRetailGroup -Name 'for-you' -CreatedOffsetSeconds -86400 }
        Add-PdFakeDenial -Operation $Operation
        # Two jobs of one group: the permission is named once per command, not per job.
        $new = Invoke-PdCollected { 'u1', 'u2' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit -MaxUsersPerJob 1 }
        $wait = Invoke-PdCollected { $new.Output | Wait-PDataDeletionJob -PollInterval 1 }

        $new.Output.Count | Should -Be 2
        $new.Errors | Should -BeNullOrEmpty
        $wait.Errors | Should -BeNullOrEmpty
        $wait.Output.Status | Should -Be @('COMPLETED', 'COMPLETED')
        $named = "the caller lacks personalize:$Operation"
        @($wait.Warnings | Where-Object { $_ -match [regex]::Escape($named) }).Count | Should -Be 1
        $wait.Warnings | Where-Object { $_ -match [regex]::Escape($named) } | Should -Match "Grant personalize:$Operation to have it checked\."
        foreach ($done in $wait.Output) {
            Get-PdListState $done.$Unknown | Should -Be 'null'
            # Unknown is never taken for "nothing found": a job with a check missing is never Verified.
            $done.Assurance | Should -BeIn @('Unverified', 'RetrainModels')
        }
        if ($Unknown -eq 'ConcurrentActivity') {
            @($new.Warnings | Where-Object { $_ -match [regex]::Escape($named) }).Count | Should -Be 1
            $new.Output | ForEach-Object { Get-PdListState $_.ConcurrentActivity | Should -Be 'null' }
            $wait.Output | ForEach-Object { $_.RerunRecommended | Should -BeNullOrEmpty }
        }
    }

    It 'STS denied: the receipt is written without a caller, and one warning says why' {
        Add-PdFakeDenial -Operation 'sts:GetCallerIdentity'
        $folder = New-PdReceiptFolder
        $run = Invoke-PdCollected { 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit | Wait-PDataDeletionJob -PollInterval 1 -ReceiptPath $folder }

        $receipt = Get-Content (Join-Path $folder "$($run.Output[0].JobName).receipt.json") -Raw | ConvertFrom-Json
        $receipt.callerArn | Should -BeNullOrEmpty
        $receipt.assurance | Should -Be 'RetrainModels'
        @($run.Warnings | Where-Object { $_ -like 'Could not learn who runs this command*' }).Count | Should -Be 1
        $run.Errors | Should -BeNullOrEmpty
    }
}

Describe 'Receipts' {
    BeforeEach {
        Reset-PdFake
        Set-PdFakeConfig -Settings @{ pendingMs = 300; inProgressMs = 600 } | Out-Null
    }

    It 'writes one receipt per finished job with the issue''s fields, and not one submitted user ID' {
        $ids = @('subject-7f3a9c', 'jürgen.müller@example.com', 'Smith, John', 'quote"inside', 'subject-7f3a9c', ('x' * 300), '')
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'subject-7f3a9c', 'Smith, John' -Count 5 | Out-Null
        $null = Add-PdTrainedModel
        $folder = New-PdReceiptFolder
        $created = $ids | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup, $PdMediaGroup @Submit -ErrorAction SilentlyContinue
        $run = Invoke-PdCollected { $created | Wait-PDataDeletionJob -PollInterval 1 -ReceiptPath $folder }

        @(Get-ChildItem $folder -Force).Name | Sort-Object | Should -Be (@($created.JobName | ForEach-Object { "$_.receipt.json" }) | Sort-Object)
        $retail = $run.Output | Where-Object DatasetGroupArn -EQ $PdRetailGroup
        $text = Get-Content (Join-Path $folder "$($retail.JobName).receipt.json") -Raw
        $receipt = $text | ConvertFrom-Json
        @($receipt.PSObject.Properties.Name) | Should -Be @(
            'jobArn', 'jobName', 'datasetGroupArn', 'region', 'account', 'status', 'creationDateTime', 'completionDateTime',
            'numDeleted', 'userCount', 'duplicateCount', 'rejectedCount', 'dataLocation', 'stagedSha256', 'stagedBytes',
            'callerArn', 'moduleVersion', 'concurrentActivity', 'modelsToRetrain', 'campaignsToUpdate', 'externalCopies', 'assurance')
        $receipt.jobArn | Should -Be $retail.JobArn
        $receipt.datasetGroupArn | Should -Be $PdRetailGroup
        $receipt.region | Should -Be 'us-east-1'
        $receipt.account | Should -Be $PdAccount
        $receipt.status | Should -Be 'COMPLETED'
        $text | Should -Match '"creationDateTime": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"'
        $text | Should -Match '"completionDateTime": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"'
        $receipt.numDeleted | Should -Be $retail.NumDeleted
        $receipt.numDeleted | Should -BeGreaterThan 0
        $receipt.userCount | Should -Be 4
        $receipt.duplicateCount | Should -Be 1
        $receipt.rejectedCount | Should -Be 2
        $receipt.dataLocation | Should -Be $created[0].StagedObject
        $receipt.stagedSha256 | Should -Be $created[0].StagedSha256
        $receipt.stagedBytes | Should -Be $created[0].StagedBytes
        $receipt.callerArn | Should -Be $Caller
        $receipt.moduleVersion | Should -Be (Import-PowerShellDataFile (Join-Path $PdModulePath 'PersonalizeDeletion.psd1')).ModuleVersion
        $receipt.modelsToRetrain.solutionName | Should -Be 'retail-recs'
        $receipt.campaignsToUpdate.campaignName | Should -Be 'retail-live'
        $receipt.externalCopies.outputLocation | Should -Be 's3://recs-out/retail/'
        $text | Should -Match '"concurrentActivity": \[\]'
        $receipt.assurance | Should -Be 'RetrainModels'
        # The object on the job holds what the file holds.
        $retail.Receipt.ToJson() | Should -BeExactly $text

        # No user ID in any receipt, not even the ones that were rejected or repeated: neither in the text nor in any
        # value a JSON reader sees (an escaped quote would hide 'quote"inside' from a plain text search).
        foreach ($file in Get-ChildItem $folder) {
            $content = Get-Content $file.FullName -Raw
            $values = @(Get-PdJsonString ($content | ConvertFrom-Json -DateKind String))
            $values.Count | Should -BeGreaterThan 20
            foreach ($id in $ids | Where-Object { $_ }) {
                $content.Contains($id) | Should -BeFalse -Because "$($file.Name) must not name a user"
                @($values | Where-Object { $_.Contains($id) }).Count | Should -Be 0 -Because "$($file.Name) must not name a user"
            }
            foreach ($part in 'jürgen', 'Smith', 'subject-7f3a9c', 'xxxxxxxx') {
                @($values | Where-Object { $_.Contains($part) }).Count | Should -Be 0
            }
        }
    }

    It 'a timed-out job gets a receipt of its state, replaced once it finished with the request''s counts kept' {
        Set-PdFakeConfig -Settings @{ pendingMs = 3000 } | Out-Null
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1' | Out-Null
        $folder = New-PdReceiptFolder
        $created = 'u1', 'u2' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit
        $null = $created | Wait-PDataDeletionJob -PollInterval 1 -Timeout 1 -ReceiptPath $folder -ErrorAction SilentlyContinue
        $path = Join-Path $folder "$($created.JobName).receipt.json"
        $first = Get-Content $path -Raw | ConvertFrom-Json
        $first.status | Should -Be 'PENDING'
        $first.assurance | Should -Be 'Unfinished'
        $first.completionDateTime | Should -BeNullOrEmpty
        $first.userCount | Should -Be 2

        # The next run knows the job only from Get-PDataDeletionJob: no counts, no digest.
        $done = Get-PDataDeletionJob -JobArn $created.JobArn | Wait-PDataDeletionJob -PollInterval 1 -ReceiptPath $folder -Verbose 4>&1
        $verbose = $done | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        "$verbose" | Should -Match ([regex]::Escape("Replaced the receipt $path (COMPLETED, Verified)."))
        $final = Get-Content $path -Raw | ConvertFrom-Json
        $final.status | Should -Be 'COMPLETED'
        $final.assurance | Should -Be 'Verified'
        $final.userCount | Should -Be 2
        $final.duplicateCount | Should -Be 0
        $final.stagedSha256 | Should -Be $created.StagedSha256
        $final.stagedBytes | Should -Be $created.StagedBytes
        ($done | Where-Object { $_ -is [PSObject] -and $_.PSObject.TypeNames -contains 'PersonalizeDeletion.DataDeletionJob' }).Receipt.UserCount | Should -Be 2
        @(Get-ChildItem $folder -Force).Count | Should -Be 1 -Because 'a receipt is written beside and renamed: no temporary file stays'
    }

    It 'an earlier state never replaces a later one, and a file that is not this job''s receipt is kept: ReceiptNotWritten' {
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1' | Out-Null
        $folder = New-PdReceiptFolder
        $job = 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit | Wait-PDataDeletionJob -PollInterval 1 -ReceiptPath $folder
        $path = Join-Path $folder "$($job.JobName).receipt.json"

        # A receipt of a later state: the same job completed later (the file says so).
        $later = Get-Content $path -Raw | ConvertFrom-Json -DateKind String
        $later.completionDateTime = '2099-01-01T00:00:00Z'
        $later.assurance = 'Verified'
        $laterText = $later | ConvertTo-Json -Depth 5
        Set-Content -Path $path -Value $laterText -NoNewline
        $kept = Wait-PDataDeletionJob -JobArn $job.JobArn -PollInterval 1 -ReceiptPath $folder -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        "$kept" | Should -Match ([regex]::Escape("Kept the receipt $path"))
        Get-Content $path -Raw | Should -BeExactly $laterText

        # Another job's receipt under this name (the same name in another region), and a file that is no receipt.
        $other = $later.PSObject.Copy()
        $other.jobArn = $job.JobArn.Replace('us-east-1', 'eu-west-1')
        $otherText = $other | ConvertTo-Json -Depth 5
        foreach ($content in $otherText, 'my notes') {
            Set-Content -Path $path -Value $content -NoNewline
            $run = Invoke-PdCollected { Wait-PDataDeletionJob -JobArn $job.JobArn -PollInterval 1 -ReceiptPath $folder }
            $run.Output[0].Status | Should -Be 'COMPLETED'
            $run.Output[0].Receipt | Should -Not -BeNullOrEmpty
            $run.Errors.Count | Should -Be 1
            $run.Errors[0].FullyQualifiedErrorId | Should -Be "ReceiptNotWritten,$WaitId"
            $run.Errors[0].CategoryInfo.Category | Should -Be 'WriteError'
            $run.Errors[0].TargetObject | Should -Be $path
            Get-Content $path -Raw | Should -BeExactly $content
        }
        $run.Errors[0].Exception.Message | Should -Match 'is not a receipt'
    }

    It 'a -ReceiptPath that is not an existing folder stops the wait before anything is called: ReceiptPathNotFound' {
        $missing = Join-Path $PdTemp 'no-such-folder'
        Clear-PdFakeRequest
        $arn = 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/anything'

        { Wait-PDataDeletionJob -JobArn $arn -ReceiptPath $missing -ErrorAction Stop } | Should -Throw -ErrorId "ReceiptPathNotFound,$WaitId"
        $file = New-PdUserIdFile -Name 'not-a-folder.txt' -Line 'x'
        $thrown = { Wait-PDataDeletionJob -JobArn $arn -ReceiptPath $file } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -Be "ReceiptPathNotFound,$WaitId"
        $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        # A drive that does not exist is a folder that does not exist, not a provider's raw error.
        { Wait-PDataDeletionJob -JobArn $arn -ReceiptPath 'NoSuchDrive:/receipts' -ErrorAction Stop } | Should -Throw -ErrorId "ReceiptPathNotFound,$WaitId"
        @(Get-PdFakeRequest -Service personalize).Count | Should -Be 0
        Test-Path $missing | Should -BeFalse
    }

    It '-WhatIf writes no receipt and says which it would write; the output jobs still carry theirs' {
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1' | Out-Null
        $folder = New-PdReceiptFolder
        $created = 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit

        # The "What if" lines go to the host: a child session's output shows them.
        $module = Join-Path $PdModulePath 'PersonalizeDeletion.psd1'
        $output = Invoke-PdChildPwsh "Import-Module '$module'; `$done = Wait-PDataDeletionJob -JobArn '$($created.JobArn)' -PollInterval 1 -ReceiptPath '$folder' -WhatIf; 'STATUS=' + `$done.Status; 'RECEIPT=' + `$done.Receipt.JobArn"

        "$output" | Should -Match 'STATUS=COMPLETED'
        "$output" | Should -Match ([regex]::Escape("RECEIPT=$($created.JobArn)"))
        "$output" | Should -Match ('What if: Performing the operation "Write the receipt of data deletion job {0}" on target "{1}"' -f [regex]::Escape($created.JobName), [regex]::Escape((Join-Path $folder "$($created.JobName).receipt.json")))
        @(Get-ChildItem $folder -Force).Count | Should -Be 0
    }

    It 'takes a PowerShell path, relative to the current location' {
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1' | Out-Null
        $folder = New-PdReceiptFolder
        Push-Location $folder
        try {
            $job = 'u1' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Submit | Wait-PDataDeletionJob -PollInterval 1 -ReceiptPath .
        }
        finally {
            Pop-Location
        }
        Test-Path (Join-Path $folder "$($job.JobName).receipt.json") | Should -BeTrue
    }
}

Describe 'Get-PDataDeletionJob -Detailed: the same judgement, and the Receipt' {
    BeforeEach {
        Reset-PdFake
        Set-PdFakeConfig -Settings @{ pendingMs = 300; inProgressMs = 600 } | Out-Null
    }

    It 'judges listed and described jobs, reading each group once, and carries each job''s receipt' {
        Add-PdFakeUserRecord -DatasetGroupArn $PdRetailGroup -UserId 'u1' | Out-Null
        $null = Add-PdTrainedModel
        $null = Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 3 -Status COMPLETED -NamePrefix 'old' -NumDeleted 0
        $null = Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Status FAILED -NamePrefix 'broken'
        Clear-PdFakeRequest
        $run = Invoke-PdCollected { Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Detailed }

        $run.Output.Count | Should -Be 4
        ($run.Output | Where-Object Status -EQ 'FAILED').Assurance | Should -Be 'Failed'
        ($run.Output | Where-Object Status -EQ 'COMPLETED').Assurance | Should -Be @('NoRecordsDeleted', 'NoRecordsDeleted', 'NoRecordsDeleted')
        @($run.Warnings | Where-Object { $_ -match 'deleted no records' }).Count | Should -Be 3
        @(Get-PdFakeRequest -Service personalize -Operation ListSolutions).Count | Should -Be 1
        @(Get-PdFakeRequest -Service sts -Operation GetCallerIdentity).Count | Should -Be 1
        foreach ($job in $run.Output) {
            $job.Receipt.JobArn | Should -Be $job.JobArn
            $job.Receipt.Assurance | Should -Be $job.Assurance
            $job.Receipt.CallerArn | Should -Be $Caller
            $job.Receipt.UserCount | Should -BeNullOrEmpty -Because 'only New-PDataDeletionJob knows the request'
            $json = $job.Receipt.ToJson() | ConvertFrom-Json
            $json.jobName | Should -Be $job.JobName
            $json.status | Should -Be $job.Status
        }
    }

    It 'without -Detailed judges nothing and calls nothing more' {
        $null = Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Status COMPLETED -NumDeleted 0
        Clear-PdFakeRequest
        $run = Invoke-PdCollected { Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup }

        $run.Output[0].Assurance | Should -BeNullOrEmpty
        $run.Output[0].Receipt | Should -BeNullOrEmpty
        $run.Warnings | Should -BeNullOrEmpty
        @(Get-PdFakeRequest -Service personalize).operation | Sort-Object -Unique | Should -Be 'ListDataDeletionJobs'
        @(Get-PdFakeRequest -Service sts).Count | Should -Be 0
    }
}

Describe 'Cost: a fixed number of calls per dataset group per command' {
    BeforeEach {
        Reset-PdFake
        Set-PdFakeConfig -Settings @{ pendingMs = 1500; inProgressMs = 1500; pendingLimit = 20 } | Out-Null
    }

    It 'judges 6 jobs over 2 groups and several rounds with the calls of one look at each group' {
        foreach ($group in $PdRetailGroup, $PdMediaGroup) { $null = Add-PdTrainedModel -Group $group }
        $jobs = foreach ($group in $PdRetailGroup, $PdMediaGroup) {
            'a', 'b', 'c' | New-PDataDeletionJob -DatasetGroupArn $group @Submit -MaxUsersPerJob 1
        }
        Clear-PdFakeRequest
        $done = $jobs | Wait-PDataDeletionJob -PollInterval 1 -WarningAction SilentlyContinue

        @($done).Count | Should -Be 6
        $requests = @(Get-PdPersonalizeRequest -Operation ListDataDeletionJobs)
        $requests.Count | Should -BeGreaterThan 2 -Because 'the wait took several rounds'
        foreach ($group in $PdRetailGroup, $PdMediaGroup) {
            foreach ($operation in 'ListSolutions', 'ListDatasets', 'ListRecommenders') {
                @(Get-PdPersonalizeRequest -Operation $operation | Where-Object { $_.Json.datasetGroupArn -eq $group }).Count | Should -Be 1 -Because "$operation of $group"
            }
        }
        # Each group's one solution with an ACTIVE version: its campaigns are listed once.
        @(Get-PdPersonalizeRequest -Operation ListCampaigns).Count | Should -Be 2
        # The account's batch jobs, once for the region.
        @(Get-PdFakeRequest -Service personalize -Operation ListBatchInferenceJobs).Count | Should -Be 1
        @(Get-PdFakeRequest -Service personalize -Operation ListBatchSegmentJobs).Count | Should -Be 1
    }
}
