BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest
    $script:Good = @{ DatasetGroupArn = $PdRetailGroup; RoleArn = $PdRole; StagingUri = $PdStaging; Force = $true }
}

AfterAll {
    Complete-PdTest
}

# Every case: the documented ErrorId, and nothing created (no Create call, nothing staged, no open upload).
# Terminating cases run with -ErrorAction Stop; per-item cases check the non-terminating error they write.
Describe 'Bad input matrix' {
    BeforeEach {
        Reset-PdFake
    }

    It '<Cmdlet>: <Case> -> <ErrorId>' -TestCases @(
        # New-PDataDeletionJob: parameters
        @{ Cmdlet = 'New'; Case = 'dataset group ARN is a name'; ErrorId = 'InvalidDatasetGroupArn'; Run = { 'a' | New-PDataDeletionJob @Good -DatasetGroupArn 'retail' } }
        @{ Cmdlet = 'New'; Case = 'dataset group ARN of another service'; ErrorId = 'InvalidDatasetGroupArn'; Run = { 'a' | New-PDataDeletionJob @Good -DatasetGroupArn 'arn:aws:s3:::retail' } }
        @{ Cmdlet = 'New'; Case = 'dataset group ARN with a short account'; ErrorId = 'InvalidDatasetGroupArn'; Run = { 'a' | New-PDataDeletionJob @Good -DatasetGroupArn 'arn:aws:personalize:us-east-1:1234:dataset-group/retail' } }
        @{ Cmdlet = 'New'; Case = 'a solution ARN instead of a dataset group'; ErrorId = 'InvalidDatasetGroupArn'; Run = { 'a' | New-PDataDeletionJob @Good -DatasetGroupArn 'arn:aws:personalize:us-east-1:123456789012:solution/retail' } }
        @{ Cmdlet = 'New'; Case = 'one bad ARN among good ones'; ErrorId = 'InvalidDatasetGroupArn'; Run = { 'a' | New-PDataDeletionJob @Good -DatasetGroupArn $PdRetailGroup, 'nope' } }
        @{ Cmdlet = 'New'; Case = 'role ARN of a user'; ErrorId = 'InvalidRoleArn'; Run = { 'a' | New-PDataDeletionJob @Good -RoleArn 'arn:aws:iam::123456789012:user/alice' } }
        @{ Cmdlet = 'New'; Case = 'role ARN without account'; ErrorId = 'InvalidRoleArn'; Run = { 'a' | New-PDataDeletionJob @Good -RoleArn 'arn:aws:iam:::role/x' } }
        @{ Cmdlet = 'New'; Case = 'role name only'; ErrorId = 'InvalidRoleArn'; Run = { 'a' | New-PDataDeletionJob @Good -RoleArn 'PersonalizeDeletionRole' } }
        @{ Cmdlet = 'New'; Case = 'staging URI with https scheme'; ErrorId = 'InvalidS3Uri'; Run = { 'a' | New-PDataDeletionJob @Good -StagingUri 'https://deletion-staging.s3.amazonaws.com/x/' } }
        @{ Cmdlet = 'New'; Case = 'staging bucket with uppercase'; ErrorId = 'InvalidS3Uri'; Run = { 'a' | New-PDataDeletionJob @Good -StagingUri 's3://Deletion-Staging/x/' } }
        @{ Cmdlet = 'New'; Case = 'staging bucket too short'; ErrorId = 'InvalidS3Uri'; Run = { 'a' | New-PDataDeletionJob @Good -StagingUri 's3://ab/x/' } }
        @{ Cmdlet = 'New'; Case = 'staging bucket that is an IP address'; ErrorId = 'InvalidS3Uri'; Run = { 'a' | New-PDataDeletionJob @Good -StagingUri 's3://192.168.1.10/x/' } }
        @{ Cmdlet = 'New'; Case = 'IDs without a staging URI'; ErrorId = 'StagingUriRequired'; Run = { 'a' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force } }
        @{ Cmdlet = 'New'; Case = 'a file without a staging URI'; ErrorId = 'StagingUriRequired'; Run = { New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force -Path (New-PdUserIdFile -Name 'nostage.csv' -Line @('USER_ID', 'a')) } }
        @{ Cmdlet = 'New'; Case = 'data location without a key or bucket'; ErrorId = 'InvalidS3Uri'; Run = { New-PDataDeletionJob @Good -DataLocation 's3://' } }
        @{ Cmdlet = 'New'; Case = 'data location with spaces'; ErrorId = 'InvalidS3Uri'; Run = { New-PDataDeletionJob @Good -DataLocation 's3://customer data/x.csv' } }
        @{ Cmdlet = 'New'; Case = 'data location that does not exist'; ErrorId = 'DataLocationNotFound'; Run = { New-PDataDeletionJob @Good -DataLocation 's3://customer-data/missing.csv' } }
        @{ Cmdlet = 'New'; Case = 'data location folder with no CSV'; ErrorId = 'DataLocationNotFound'; Run = { Set-PdFakeS3Object -Bucket 'customer-data' -Key 'elsewhere/notes.txt' -Content 'x'; New-PDataDeletionJob @Good -DataLocation 's3://customer-data/empty-folder/' } }
        @{ Cmdlet = 'New'; Case = 'job name starting with a dash'; ErrorId = 'InvalidJobName'; Run = { 'a' | New-PDataDeletionJob @Good -JobName '-x' } }
        @{ Cmdlet = 'New'; Case = 'job name with a space'; ErrorId = 'InvalidJobName'; Run = { 'a' | New-PDataDeletionJob @Good -JobName 'gdpr ticket' } }
        @{ Cmdlet = 'New'; Case = 'job name over 63 characters'; ErrorId = 'InvalidJobName'; Run = { 'a' | New-PDataDeletionJob @Good -JobName ('j' * 64) } }
        @{ Cmdlet = 'New'; Case = 'tag key with aws: prefix'; ErrorId = 'InvalidTag'; Run = { 'a' | New-PDataDeletionJob @Good -Tag @{ 'aws:x' = 'y' } } }
        @{ Cmdlet = 'New'; Case = 'tag key over 128 characters'; ErrorId = 'InvalidTag'; Run = { 'a' | New-PDataDeletionJob @Good -Tag @{ ('k' * 129) = 'y' } } }
        @{ Cmdlet = 'New'; Case = 'tag value over 256 characters'; ErrorId = 'InvalidTag'; Run = { 'a' | New-PDataDeletionJob @Good -Tag @{ k = 'v' * 257 } } }
        @{ Cmdlet = 'New'; Case = 'tag with a forbidden character'; ErrorId = 'InvalidTag'; Run = { 'a' | New-PDataDeletionJob @Good -Tag @{ 'cost#center' = 'x' } } }
        @{ Cmdlet = 'New'; Case = 'more than 50 tags'; ErrorId = 'InvalidTag'; Run = { $t = @{}; 1..51 | ForEach-Object { $t["k$_"] = 'v' }; 'a' | New-PDataDeletionJob @Good -Tag $t } }
        @{ Cmdlet = 'New'; Case = 'expected bucket owner not 12 digits'; ErrorId = 'InvalidExpectedBucketOwner'; Run = { 'a' | New-PDataDeletionJob @Good -ExpectedBucketOwner '12345' } }
        @{ Cmdlet = 'New'; Case = 'MaxUsersPerJob of zero'; ErrorId = 'ParameterArgumentValidationError'; Run = { 'a' | New-PDataDeletionJob @Good -MaxUsersPerJob 0 } }
        @{ Cmdlet = 'New'; Case = 'a missing local file'; ErrorId = 'UserIdFileNotFound'; Run = { New-PDataDeletionJob @Good -Path (Join-Path $PdTemp 'absent.csv') } }
        @{ Cmdlet = 'New'; Case = 'a wildcard matching no file'; ErrorId = 'UserIdFileNotFound'; Run = { New-PDataDeletionJob @Good -Path (Join-Path $PdTemp 'none-*.csv') } }
        @{ Cmdlet = 'New'; Case = 'a file with another header'; ErrorId = 'InvalidUserIdFileHeader'; Run = { New-PDataDeletionJob @Good -Path (New-PdUserIdFile -Name 'h.csv' -Line @('userid', 'a')) } }
        @{ Cmdlet = 'New'; Case = 'an empty file'; ErrorId = 'InvalidUserIdFileHeader'; Run = { New-PDataDeletionJob @Good -Path (New-PdUserIdFile -Name 'empty.csv' -Line @()) } }
        @{ Cmdlet = 'New'; Case = 'a file with two columns'; ErrorId = 'InvalidUserIdFile'; Run = { New-PDataDeletionJob @Good -Path (New-PdUserIdFile -Name 'two.csv' -Line @('USER_ID', 'a,b')) } }
        @{ Cmdlet = 'New'; Case = 'staging URI that names an object'; ErrorId = 'InvalidStagingUri'; Run = { 'a' | New-PDataDeletionJob @Good -StagingUri 's3://deletion-staging/requests/today.csv' } }
        @{ Cmdlet = 'New'; Case = 'a CSV file''s text piped line by line'; ErrorId = 'CsvTextPipedAsUserIds'; Run = { Get-Content (New-PdUserIdFile -Name 'text.csv' -Line @('USER_ID,EMAIL', 'u-1,a@example.com')) | New-PDataDeletionJob @Good } }
        @{ Cmdlet = 'New'; Case = 'a lone USER_ID header piped after IDs'; ErrorId = 'CsvTextPipedAsUserIds'; Run = { 'u-1', 'u-2', 'USER_ID', 'u-3' | New-PDataDeletionJob @Good } }
        @{ Cmdlet = 'New'; Case = 'a file name piped as an ID'; ErrorId = 'FilePathPipedAsUserId'; Run = { (New-PdUserIdFile -Name 'named.csv' -Line @('USER_ID', 'a')) | New-PDataDeletionJob @Good } }
        @{ Cmdlet = 'New'; Case = 'Import-Csv rows without a USER_ID column'; ErrorId = 'UserIdColumnMissing'; Run = { Import-Csv (New-PdUserIdFile -Name 'nocol.csv' -Line @('CustomerId', 'c-1', 'c-2')) | New-PDataDeletionJob @Good } }
        @{ Cmdlet = 'New'; Case = 'a data location with a lower-case header'; ErrorId = 'DataLocationHeaderInvalid'; Run = { Set-PdFakeS3Object -Bucket 'customer-data' -Key 'lower.csv' -Content "user_id`nx`n"; New-PDataDeletionJob @Good -DataLocation 's3://customer-data/lower.csv' } }
        @{ Cmdlet = 'New'; Case = 'an empty data location'; ErrorId = 'DataLocationHeaderInvalid'; Run = { Set-PdFakeS3Object -Bucket 'customer-data' -Key 'empty.csv' -Content ([byte[]]@()); New-PDataDeletionJob @Good -DataLocation 's3://customer-data/empty.csv' } }
        @{ Cmdlet = 'New'; Case = 'a dataset group that does not exist'; ErrorId = 'DatasetGroupNotFound'; Run = { 'a' | New-PDataDeletionJob @Good -DatasetGroupArn 'arn:aws:personalize:us-east-1:123456789012:dataset-group/ghost' } }
        @{ Cmdlet = 'New'; Case = 'a dataset group still being created'; ErrorId = 'DatasetGroupNotActive'; Run = { 'a' | New-PDataDeletionJob @Good -DatasetGroupArn $PdPendingGroup } }
        @{ Cmdlet = 'New'; Case = 'an empty user ID'; ErrorId = 'InvalidUserId'; Run = { '' | New-PDataDeletionJob @Good } }
        @{ Cmdlet = 'New'; Case = 'a whitespace-only user ID'; ErrorId = 'InvalidUserId'; Run = { "  `t " | New-PDataDeletionJob @Good } }
        @{ Cmdlet = 'New'; Case = 'a user ID of 257 characters'; ErrorId = 'InvalidUserId'; Run = { ('u' * 257) | New-PDataDeletionJob @Good } }
        @{ Cmdlet = 'New'; Case = 'a user ID with a line break'; ErrorId = 'InvalidUserId'; Run = { "a`r`nb" | New-PDataDeletionJob @Good } }
        @{ Cmdlet = 'New'; Case = 'a user ID with a NUL character'; ErrorId = 'InvalidUserId'; Run = { "a$([char]0)b" | New-PDataDeletionJob @Good } }
        @{ Cmdlet = 'New'; Case = 'a user ID with a lone surrogate'; ErrorId = 'InvalidUserId'; Run = { "a$([char]0xD800)b" | New-PDataDeletionJob @Good } }
        # Get-PDataDeletionJob
        @{ Cmdlet = 'Get'; Case = 'job ARN that is a dataset group ARN'; ErrorId = 'InvalidJobArn'; Run = { Get-PDataDeletionJob -JobArn $PdRetailGroup } }
        @{ Cmdlet = 'Get'; Case = 'job ARN with a bad region'; ErrorId = 'InvalidJobArn'; Run = { Get-PDataDeletionJob -JobArn 'arn:aws:personalize:EAST:123456789012:data-deletion-job/x' } }
        @{ Cmdlet = 'Get'; Case = 'job ARN longer than 256 characters'; ErrorId = 'InvalidJobArn'; Run = { Get-PDataDeletionJob -JobArn ('arn:aws:personalize:us-east-1:123456789012:data-deletion-job/' + ('j' * 200)) } }
        @{ Cmdlet = 'Get'; Case = 'job that does not exist'; ErrorId = 'DataDeletionJobNotFound'; Run = { Get-PDataDeletionJob -JobArn 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/ghost' } }
        @{ Cmdlet = 'Get'; Case = 'dataset group ARN of a job'; ErrorId = 'InvalidDatasetGroupArn'; Run = { Get-PDataDeletionJob -DatasetGroupArn 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/x' } }
        @{ Cmdlet = 'Get'; Case = 'a region that is not a region'; ErrorId = 'InvalidRegion'; Run = { Get-PDataDeletionJob -Region 'not a region!' } }
        @{ Cmdlet = 'Get'; Case = 'an endpoint that is not a URL'; ErrorId = 'InvalidEndpointUrl'; Run = { Get-PDataDeletionJob -EndpointUrl 'ftp:/nope' } }
        @{ Cmdlet = 'Get'; Case = 'a profile that does not exist'; ErrorId = 'ProfileNotFound'; Run = { Get-PDataDeletionJob -ProfileName 'ghost' } }
        @{ Cmdlet = 'Get'; Case = 'an access key without a secret'; ErrorId = 'InvalidCredentialParameters'; Run = { Get-PDataDeletionJob -AccessKey 'AKIAPDHALF0000000001' } }
        @{ Cmdlet = 'Get'; Case = 'a credential object that is not one'; ErrorId = 'InvalidCredentialObject'; Run = { Get-PDataDeletionJob -Credential 42 } }
        # Wait-PDataDeletionJob
        @{ Cmdlet = 'Wait'; Case = 'job ARN that is not an ARN'; ErrorId = 'InvalidJobArn'; Run = { Wait-PDataDeletionJob -JobArn 'job-1' -PollInterval 1 } }
        @{ Cmdlet = 'Wait'; Case = 'job that does not exist'; ErrorId = 'DataDeletionJobNotFound'; Run = { Wait-PDataDeletionJob -JobArn 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/ghost' -PollInterval 1 } }
        @{ Cmdlet = 'Wait'; Case = 'a piped dataset group ARN that is malformed'; ErrorId = 'InvalidDatasetGroupArn'; Run = { [pscustomobject]@{ JobArn = 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/x'; DatasetGroupArn = 'retail' } | Wait-PDataDeletionJob -PollInterval 1 } }
        @{ Cmdlet = 'Wait'; Case = 'a poll interval of zero'; ErrorId = 'ParameterArgumentValidationError'; Run = { Wait-PDataDeletionJob -JobArn 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/x' -PollInterval 0 } }
        @{ Cmdlet = 'Wait'; Case = 'a negative timeout'; ErrorId = 'ParameterArgumentValidationError'; Run = { Wait-PDataDeletionJob -JobArn 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/x' -Timeout -5 } }
        @{ Cmdlet = 'Wait'; Case = 'an empty job ARN'; ErrorId = 'ParameterArgumentValidationError'; Run = { Wait-PDataDeletionJob -JobArn '' } }
        @{ Cmdlet = 'Wait'; Case = 'a malformed region'; ErrorId = 'InvalidRegion'; Run = { Wait-PDataDeletionJob -JobArn 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/x' -Region '??' -PollInterval 1 } }
    ) {
        $commandName = @{ New = 'NewPDataDeletionJobCommand'; Get = 'GetPDataDeletionJobCommand'; Wait = 'WaitPDataDeletionJobCommand' }[$Cmdlet]
        $thrown = $null
        try {
            $ErrorActionPreference = 'Stop'
            & $Run *>$null
        }
        catch { $thrown = $_ }
        finally { $ErrorActionPreference = 'Continue' }
        $thrown | Should -Not -BeNullOrEmpty -Because 'bad input must produce an error'
        $thrown.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        if ($ErrorId -ne 'ParameterArgumentValidationError') {
            $thrown.FullyQualifiedErrorId | Should -Be "$ErrorId,PersonalizeDeletion.Cmdlets.$commandName"
        }
        @(Get-PdFakeRequest -Service personalize -Operation CreateDataDeletionJob).Count | Should -Be 0
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 0
        @(Get-PdFakeMultipartUpload).Count | Should -Be 0
    }
}
