BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest

    $script:Direct = @{ DatasetGroupArn = $PdRetailGroup; RoleArn = $PdRole; Force = $true }
    $script:NewId = 'PersonalizeDeletion.Cmdlets.NewPDataDeletionJobCommand'
}

AfterAll {
    Complete-PdTest
}

# A data location the service cannot use would give a job that FAILS with its users not deleted: New refuses
# it before creating anything.
Describe 'New-PDataDeletionJob -DataLocation the service cannot read' {
    BeforeEach {
        Reset-PdFake
    }

    It 'a KMS-encrypted object is DataLocationKmsEncrypted, and no job is created' {
        $key = 'arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-0000-0000-0000-000000000001'
        Set-PdFakeS3Object -Bucket 'customer-data' -Key 'kms/list.csv' -Content "USER_ID`nu1`n" -ServerSideEncryption aws:kms -KmsKeyId $key | Out-Null

        $failure = { New-PDataDeletionJob @Direct -DataLocation 's3://customer-data/kms/list.csv' -ErrorAction Stop } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be "DataLocationKmsEncrypted,$NewId"
        $failure.CategoryInfo.Category | Should -Be 'InvalidData'
        $failure.TargetObject | Should -Be 's3://customer-data/kms/list.csv'
        $failure.Exception.Message | Should -Match 'SSE-S3'
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob).Count | Should -Be 0
        @(Get-PdFakeRequest -Service s3 -Operation HeadObject).Count | Should -Be 1
    }

    It 'an SSE-S3 object beside it is accepted (the refusal is about the key, not the location)' {
        Set-PdFakeS3Object -Bucket 'customer-data' -Key 'kms/plain.csv' -Content "USER_ID`nu1`n" -ServerSideEncryption AES256 | Out-Null
        $job = New-PDataDeletionJob @Direct -DataLocation 's3://customer-data/kms/plain.csv'
        $job.DataLocation | Should -Be 's3://customer-data/kms/plain.csv'
    }

    It 'a location holding more than the 50 MB a job reads is DataLocationTooLarge, and no job is created' {
        # 50,000,001 bytes over two .csv objects of a folder: the limit is for everything the job would read.
        Set-PdFakeS3Object -Bucket 'customer-data' -Key 'large/part-1.csv' -Content "USER_ID`nu1`n" -PadToBytes 25000000 | Out-Null
        Set-PdFakeS3Object -Bucket 'customer-data' -Key 'large/part-2.csv' -Content "USER_ID`nu2`n" -PadToBytes 25000001 | Out-Null

        $failure = { New-PDataDeletionJob @Direct -DataLocation 's3://customer-data/large/' -ErrorAction Stop } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be "DataLocationTooLarge,$NewId"
        $failure.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $failure.TargetObject | Should -Be 's3://customer-data/large/'
        $failure.Exception.Message | Should -Match '50,000,001 bytes'
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob).Count | Should -Be 0
    }

    It 'a location of exactly 50,000,000 bytes is accepted' {
        Set-PdFakeS3Object -Bucket 'customer-data' -Key 'edge/list.csv' -Content "USER_ID`nu1`n" -PadToBytes 50000000 | Out-Null
        $job = New-PDataDeletionJob @Direct -DataLocation 's3://customer-data/edge/list.csv'
        $job.JobArn | Should -Not -BeNullOrEmpty
    }
}
