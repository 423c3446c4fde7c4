BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest
}

AfterAll {
    Complete-PdTest
}

Describe 'Get-PDataDeletionJob' {
    BeforeEach {
        Reset-PdFake
    }

    Context 'by ARN' {
        BeforeEach {
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 3 -Status COMPLETED -NamePrefix 'known'
            $script:known = @(Get-PdFakeJob | Where-Object { $_.jobName -like 'known*' } | Sort-Object jobName)
        }

        It 'describes a job given by ARN and fills every field' {
            $job = Get-PDataDeletionJob -JobArn $known[0].dataDeletionJobArn
            $job.PSObject.TypeNames[0] | Should -Be 'PersonalizeDeletion.DataDeletionJob'
            $job.JobArn | Should -Be $known[0].dataDeletionJobArn
            $job.JobName | Should -Be $known[0].jobName
            $job.DatasetGroupArn | Should -Be $PdRetailGroup
            $job.Status | Should -Be 'COMPLETED'
            $job.Region | Should -Be 'us-east-1'
            $job.CreationDateTime.Kind | Should -Be 'Utc'
            $job.LastUpdatedDateTime | Should -Not -BeNullOrEmpty
            $job.Duration | Should -Match '^\d\d:\d\d:\d\d$'
            $job.RoleArn | Should -Not -BeNullOrEmpty
            $job.DataLocation | Should -Match '^s3://'
            (Get-PdPersonalizeRequest -Operation DescribeDataDeletionJob).Json.dataDeletionJobArn | Should -Be $known[0].dataDeletionJobArn
        }

        It 'takes ARNs by position and from the pipeline, as strings and as objects with a JobArn property' {
            $byPosition = Get-PDataDeletionJob $known[0].dataDeletionJobArn
            $byValue = $known[1].dataDeletionJobArn | Get-PDataDeletionJob
            $byProperty = [pscustomobject]@{ JobArn = $known[2].dataDeletionJobArn } | Get-PDataDeletionJob
            $byAlias = [pscustomobject]@{ DataDeletionJobArn = $known[0].dataDeletionJobArn } | Get-PDataDeletionJob
            $byPosition.JobName | Should -Be $known[0].jobName
            $byValue.JobName | Should -Be $known[1].jobName
            $byProperty.JobName | Should -Be $known[2].jobName
            $byAlias.JobName | Should -Be $known[0].jobName
        }

        It 'round-trips its own output: Get | Get describes the same jobs' {
            $listed = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Name 'known*'
            $again = $listed | Get-PDataDeletionJob
            @($again).Count | Should -Be 3
            ($again.JobArn | Sort-Object) | Should -Be ($known.dataDeletionJobArn | Sort-Object)
            @(Get-PdFakeRequest -Service personalize -Operation DescribeDataDeletionJob).Count | Should -Be 3
        }

        It 'writes DataDeletionJobNotFound for an unknown ARN and still returns the others' {
            $missing = 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/does-not-exist'
            $jobs = Get-PDataDeletionJob -JobArn $known[0].dataDeletionJobArn, $missing, $known[1].dataDeletionJobArn -ErrorVariable errors -ErrorAction SilentlyContinue
            @($jobs).Count | Should -Be 2
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'DataDeletionJobNotFound,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errors[0].TargetObject | Should -Be $missing
        }

        It 'rejects a malformed ARN with InvalidJobArn before any call' -TestCases @(
            @{ Arn = 'not-an-arn' }
            @{ Arn = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/retail' }
            @{ Arn = 'arn:aws:personalize:us-east-1:12345:data-deletion-job/x' }
            @{ Arn = 'arn:aws:s3:::bucket/key' }
        ) {
            Clear-PdFakeRequest
            $null = Get-PDataDeletionJob -JobArn $Arn -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidJobArn,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
            $errors[0].TargetObject | Should -Be $Arn
            @(Get-PdFakeRequest).Count | Should -Be 0
        }

        It 'ends the command on a malformed ARN with -ErrorAction Stop' {
            { Get-PDataDeletionJob -JobArn 'nope' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidJobArn,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
        }
    }

    Context 'listing' {
        It 'lists every job of a dataset group across more than two pages, newest first' {
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 250 -Status COMPLETED -NamePrefix 'bulk'
            Add-PdFakeJob -DatasetGroupArn $PdMediaGroup -Count 4 -Status PENDING -NamePrefix 'other'
            $jobs = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup
            @($jobs).Count | Should -Be 250
            @($jobs | Select-Object -ExpandProperty JobArn -Unique).Count | Should -Be 250
            $jobs.DatasetGroupArn | Sort-Object -Unique | Should -Be $PdRetailGroup
            $times = @($jobs.CreationDateTime)
            for ($i = 1; $i -lt $times.Count; $i++) { $times[$i] | Should -BeLessOrEqual $times[$i - 1] }

            $lists = @(Get-PdPersonalizeRequest -Operation ListDataDeletionJobs)
            $lists.Count | Should -Be 3
            $lists[0].Json.PSObject.Properties.Name | Should -Not -Contain 'nextToken'
            $lists[1].Json.nextToken | Should -Not -BeNullOrEmpty
            $lists | ForEach-Object { $_.Json.datasetGroupArn | Should -Be $PdRetailGroup }
        }

        It 'lists every job of the account and region when no group is given' {
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 2 -Status COMPLETED -NamePrefix 'r'
            Add-PdFakeJob -DatasetGroupArn $PdMediaGroup -Count 3 -Status FAILED -NamePrefix 'm'
            $jobs = Get-PDataDeletionJob
            @($jobs).Count | Should -Be 5
            (Get-PdPersonalizeRequest -Operation ListDataDeletionJobs)[0].Json.PSObject.Properties.Name | Should -Not -Contain 'datasetGroupArn'
        }

        It 'filters by status and by name with wildcards' {
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 3 -Status COMPLETED -NamePrefix 'done'
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 2 -Status FAILED -NamePrefix 'broken'
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 1 -Status IN_PROGRESS -NamePrefix 'running'
            @(Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Status FAILED).Count | Should -Be 2
            @(Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Status failed, in_progress).Count | Should -Be 3
            @(Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Name 'done*').Count | Should -Be 3
            @(Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Name '*o*' -Status COMPLETED).Count | Should -Be 3
        }

        It 'reports an exact -Name that matches nothing as DataDeletionJobNotFound' {
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 1 -Status COMPLETED -NamePrefix 'only'
            $null = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Name 'nothing-like-this' -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -Be 'DataDeletionJobNotFound,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
            $null = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Name 'nothing*' -ErrorVariable none -ErrorAction SilentlyContinue
            $none.Count | Should -Be 0
        }

        It '-Detailed describes each listed job to fill DataLocation, RoleArn and NumDeleted' {
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 3 -Status COMPLETED -NamePrefix 'detail'
            $plain = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup
            $plain[0].RoleArn | Should -BeNullOrEmpty
            $detailed = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Detailed
            $detailed | ForEach-Object { $_.RoleArn | Should -Match '^arn:aws:iam::123456789012:role/'; $_.DataLocation | Should -Match '^s3://'; $_.NumDeleted | Should -Not -BeNullOrEmpty }
            @(Get-PdFakeRequest -Operation DescribeDataDeletionJob).Count | Should -Be 3
        }

        It 'stops on a -Status that is not a job status (a typo would list nothing), and takes known ones in any case' {
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 2 -Status COMPLETED -NamePrefix 'done'
            $failure = { Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Status COMPLETE } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be 'InvalidStatus,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
            $failure.Exception.Message | Should -Match 'PENDING, IN_PROGRESS, COMPLETED, FAILED'
            @(Get-PdFakeRequest -Service personalize).Count | Should -Be 0
            @(Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -Status completed).Count | Should -Be 2
        }

        It 'reports a dataset group that does not exist as DatasetGroupNotFound, and an empty one as no jobs' {
            $missing = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/nope'
            $none = Get-PDataDeletionJob -DatasetGroupArn $missing -ErrorVariable failed -ErrorAction SilentlyContinue
            $none | Should -BeNullOrEmpty
            @($failed).FullyQualifiedErrorId | Should -Be 'DatasetGroupNotFound,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
            $empty = Get-PDataDeletionJob -DatasetGroupArn $PdMediaGroup -ErrorVariable failed
            $empty | Should -BeNullOrEmpty
            $failed.Count | Should -Be 0
            @(Get-PdFakeRequest -Operation DescribeDatasetGroup).Count | Should -Be 2
        }

        It 'rejects a malformed dataset group ARN with InvalidDatasetGroupArn before any call' {
            Clear-PdFakeRequest
            $null = Get-PDataDeletionJob -DatasetGroupArn 'arn:aws:personalize:us-east-1:123456789012:solution/x' -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidDatasetGroupArn,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
            @(Get-PdFakeRequest).Count | Should -Be 0
        }

        It 'answers a throttled List through the SDK''s retries with no error shown' {
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 120 -Status COMPLETED -NamePrefix 'throttled'
            Add-PdFakeFault -Operation ListDataDeletionJobs -Kind throttle -Count 2
            $jobs = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -ErrorVariable errors -WarningVariable warnings
            @($jobs).Count | Should -Be 120
            $errors.Count | Should -Be 0
            $warnings.Count | Should -Be 0
            $requests = @(Get-PdFakeRequest -Operation ListDataDeletionJobs)
            @($requests | Where-Object fault -EQ 'throttle').Count | Should -Be 2
            $requests.Count | Should -Be 4
        }
    }

    Context 'errors that leave nothing to do' {
        It 'ends the command on rejected credentials, so a script does not carry on with no jobs' {
            Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 2 -Status COMPLETED -NamePrefix 'kept'
            $reached = $false
            try {
                $null = Get-PDataDeletionJob -AccessKey $PdDefaultAccessKey -SecretKey 'not-the-secret' -ErrorAction SilentlyContinue
                $reached = $true
            }
            catch {
                $failure = $_
            }
            $reached | Should -BeFalse -Because 'a terminating error ends the statement even with -ErrorAction SilentlyContinue'
            $failure.FullyQualifiedErrorId | Should -Be 'InvalidCredentials,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
        }

        It 'ends the command on the first ARN when the credentials are rejected, instead of one error per ARN' {
            $known = @(Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 3 -Status COMPLETED -NamePrefix 'each').dataDeletionJobArns
            Clear-PdFakeRequest
            { Get-PDataDeletionJob -JobArn $known -AccessKey $PdDefaultAccessKey -SecretKey 'not-the-secret' -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'InvalidCredentials,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
            @(Get-PdFakeRequest -Operation DescribeDataDeletionJob).Count | Should -Be 1
        }

        It 'ends the command when the endpoint cannot be reached, listing or describing' {
            $unreachable = 'http://127.0.0.1:9'
            { Get-PDataDeletionJob -EndpointUrl $unreachable -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'ServiceUnreachable,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
            { Get-PDataDeletionJob -JobArn 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/x' -EndpointUrl $unreachable -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'ServiceUnreachable,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
        }
    }

    Context 'output and completion' {
        It 'declares its output type' {
            (Get-Command Get-PDataDeletionJob).OutputType.Name | Should -Contain 'PersonalizeDeletion.DataDeletionJob'
        }

        It 'tab-completes -Status' {
            $result = TabExpansion2 -inputScript 'Get-PDataDeletionJob -Status IN' -cursorColumn 'Get-PDataDeletionJob -Status IN'.Length
            $result.CompletionMatches.CompletionText | Should -Be @('IN_PROGRESS')
        }

        It 'tab-completes -DatasetGroupArn from ListDatasetGroups with the shell''s credentials, ACTIVE groups first' {
            # Listed after the groups the recordings hold, the new group still being created before a new ACTIVE one.
            $creating = (Add-PdFakeDatasetGroup -Name 'aaa-still-creating' -Status 'CREATE PENDING').datasetGroupArn
            $active = (Add-PdFakeDatasetGroup -Name 'zzz-ready').datasetGroupArn
            $line = 'Get-PDataDeletionJob -DatasetGroupArn '
            $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $offered = @($result.CompletionMatches.CompletionText)
            $offered | Should -Contain $PdRetailGroup
            $offered.IndexOf($active) | Should -BeLessThan $offered.IndexOf($creating)
            $offered.IndexOf($PdRetailGroup) | Should -BeLessThan $offered.IndexOf($creating)
            @(Get-PdFakeRequest -Operation ListDatasetGroups).Count | Should -BeGreaterThan 0

            $line = 'Get-PDataDeletionJob -DatasetGroupArn re'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Not -Contain $PdMediaGroup
        }

        It 'completes nothing, silently, when the credentials are rejected' {
            $line = 'Get-PDataDeletionJob -AccessKey AKIAUNKNOWN000000000 -SecretKey nope -DatasetGroupArn re'
            $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            @($result.CompletionMatches | Where-Object CompletionText -Like 'arn:*').Count | Should -Be 0
        }

        It 'tab-completes -JobArn with the region''s recent jobs and -Name with their names, never local file names' {
            $arns = @(Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 2 -Status COMPLETED -NamePrefix 'recent').dataDeletionJobArns
            Push-Location $PdTemp
            try {
                Set-Content -Path (Join-Path $PdTemp 'recent-notes.txt') -Value 'not a job'
                foreach ($line in 'Get-PDataDeletionJob -JobArn ', 'Wait-PDataDeletionJob -JobArn ', 'Get-PDataDeletionJob -JobArn arn:aws:personalize:us-east-1:123456789012:data-deletion-job/rec') {
                    $offered = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
                    ($offered | Sort-Object) | Should -Be ($arns | Sort-Object) -Because $line
                }
                $line = 'Get-PDataDeletionJob -Name rec'
                $offered = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
                ($offered | Sort-Object) | Should -Be @('recent-0001', 'recent-0002')
            }
            finally {
                Pop-Location
            }
        }

        It 'offers no file names for -RoleArn and -StagingUri' {
            Push-Location $PdTemp
            try {
                Set-Content -Path (Join-Path $PdTemp 'arn-list.txt') -Value 'not a role'
                Set-Content -Path (Join-Path $PdTemp 's3-folder.txt') -Value 'not a folder'
                foreach ($line in 'New-PDataDeletionJob -RoleArn ', 'New-PDataDeletionJob -RoleArn ar', 'New-PDataDeletionJob -StagingUri ', 'New-PDataDeletionJob -StagingUri s3') {
                    @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches).Count | Should -Be 0 -Because $line
                }
                # What the test relies on: without a completer, these names would be offered.
                $line = 'Get-Content ar'
                @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches).Count | Should -BeGreaterThan 0
            }
            finally {
                Pop-Location
            }
        }

        It 'tab-completes -Region with the regions an account uses, not isolated partitions or pseudo-regions' {
            $line = 'Get-PDataDeletionJob -Region '
            $offered = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
            $offered | Should -Contain 'eu-west-1'
            $offered | Should -Contain 'us-gov-west-1'
            $offered | Should -Contain 'cn-north-1'
            $offered | Where-Object { $_ -like '*-iso*' -or $_ -like '*-regional' } | Should -BeNullOrEmpty
            $line = 'Get-PDataDeletionJob -Region eu-west-'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'eu-west-1'
        }
    }
}
