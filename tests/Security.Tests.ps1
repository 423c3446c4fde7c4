BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest -NoDefaultCredentials
    $env:AWS_REGION = 'us-east-1'

    $script:Secret = 'pdTopSecretValue0000000000000000000SECRET'
    $script:Token = 'pdSessionTokenValue000000000000000TOKEN'
    function Register-PdSecurityCredential {
        # Reset-PdFake forgets registered credentials: register again after every reset.
        Add-PdFakeCredential -AccessKeyId 'AKIAPDSECURITY000001' -SecretAccessKey $Secret
        Add-PdFakeCredential -AccessKeyId 'ASIAPDSECURITY000002' -SecretAccessKey $Secret -SessionToken $Token
    }
    Set-PdProfileFile -Credentials "[sec]`naws_access_key_id = AKIAPDSECURITY000001`naws_secret_access_key = $Secret`n"

    function Get-PdAllStreams([scriptblock] $Command) {
        # Everything a transcript would show: output, errors (with their exceptions), warnings, verbose, debug, information.
        $records = & {
            $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'
            try { & $Command } catch { $_ }
        } *>&1
        ($records | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); $_.Exception.ToString(); "$($_.TargetObject)" }
                else { ($_ | Out-String -Width 500) }
            }) -join "`n"
    }
}

AfterAll {
    Complete-PdTest
}

Describe 'Secrets never appear in any stream' {
    BeforeEach {
        Reset-PdFake
        Register-PdSecurityCredential
        Remove-Variable -Name StoredAWSCredentials -Scope Global -ErrorAction SilentlyContinue
        $env:AWS_ACCESS_KEY_ID = $null; $env:AWS_SECRET_ACCESS_KEY = $null; $env:AWS_SESSION_TOKEN = $null
    }

    It 'with credentials from <Source>' -TestCases @(
        # Arguments are built when the test runs: the secrets are defined in BeforeAll, after discovery.
        @{ Source = 'parameters'; Setup = { }; MakeArguments = { @{ AccessKey = 'ASIAPDSECURITY000002'; SecretKey = $Secret; SessionToken = $Token } } }
        @{ Source = 'a profile'; Setup = { }; MakeArguments = { @{ ProfileName = 'sec' } } }
        @{ Source = 'environment variables'; Setup = { $env:AWS_ACCESS_KEY_ID = 'ASIAPDSECURITY000002'; $env:AWS_SECRET_ACCESS_KEY = $Secret; $env:AWS_SESSION_TOKEN = $Token }; MakeArguments = { @{} } }
        @{ Source = 'rejected parameters'; Setup = { }; MakeArguments = { @{ AccessKey = 'AKIAPDSECURITY000001'; SecretKey = $Secret + 'x' } } }
    ) {
        & $Setup
        $Arguments = & $MakeArguments
        $text = Get-PdAllStreams {
            'someone@example.com' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -Force @Arguments -ErrorAction Continue
            Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Arguments -ErrorAction Continue
        }
        $text | Should -Not -BeNullOrEmpty
        $text | Should -Match 'VERBOSE|Credentials'
        $text | Should -Not -Match ([regex]::Escape($Secret))
        $text | Should -Not -Match ([regex]::Escape($Token))
    }
}

Describe 'User IDs are personal data' {
    BeforeEach {
        Reset-PdFake
        $env:AWS_ACCESS_KEY_ID = $PdDefaultAccessKey; $env:AWS_SECRET_ACCESS_KEY = $PdDefaultSecretKey
    }

    It 'appear in no stream without -Debug, even when rejected' {
        $text = & {
            $VerbosePreference = 'Continue'
            'marker-user-4711', "marker-bad`nid", 'marker-user-4711' |
                New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -Force -ErrorAction Continue
        } *>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); "$($_.TargetObject)" } else { $_ | Out-String } } | Out-String
        $text | Should -Not -Match 'marker-'
    }

    It 'appear under -Debug' {
        # $DebugPreference, the other way in: the next test gives -Debug itself.
        $debug = & { $DebugPreference = 'Continue'; 'marker-user-4712', '' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -Force -ErrorAction SilentlyContinue } 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        ($debug -join "`n") | Should -Match "at input #2: ''"
    }

    It 'appear under the -Debug switch itself, and -Debug:$false keeps them out whatever $DebugPreference says' {
        # -Verbose:$false: with -Debug alone PowerShell asks before each verbose line of a compiled cmdlet.
        $debug = 'marker-user-4713', 'marker-user-4713' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -Force -Debug -Verbose:$false 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        ($debug -join "`n") | Should -Match "Duplicate user ID at input #2 submitted once: 'marker-user-4713'"

        $quiet = & { $DebugPreference = 'Continue'; 'marker-user-4714', 'marker-user-4714' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -Force -Debug:$false } *>&1 | Out-String
        $quiet | Should -Not -Match 'marker-'
    }

    It 'are never written to local disk' {
        $since = [DateTime]::UtcNow.AddSeconds(-1)
        $marker = 'diskmarker-' + [guid]::NewGuid().ToString('n')
        $null = 1..2000 | ForEach-Object { "$marker-$_" } | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -Force
        $roots = @([IO.Path]::GetTempPath(), $PdModulePath, (Get-Location).Path) | Sort-Object -Unique
        $written = foreach ($root in $roots) {
            Get-ChildItem $root -File -Recurse -ErrorAction SilentlyContinue |
                # Length 0 also skips FIFOs and sockets (the runtime's diagnostic pipes live in the temp folder):
                # opening one for reading would block, and none can hold the marker.
                Where-Object { $_.LastWriteTimeUtc -ge $since -and $_.Length -gt 0 -and $_.Length -lt 100MB } |
                Where-Object { Select-String -Path $_.FullName -Pattern $marker -SimpleMatch -Quiet -ErrorAction SilentlyContinue }
        }
        @($written).Count | Should -Be 0
        # The IDs did go somewhere: to S3, through the fake.
        (Get-PdStagedCsv) -join '' | Should -Match $marker
    }
}

Describe 'Staged objects' {
    BeforeEach {
        Reset-PdFake
        $env:AWS_ACCESS_KEY_ID = $PdDefaultAccessKey; $env:AWS_SECRET_ACCESS_KEY = $PdDefaultSecretKey
    }

    It 'are always SSE-S3 with ExpectedBucketOwner, on every S3 request, single and multipart' {
        $path = Join-Path $PdTemp 'sse.csv'
        $writer = [IO.StreamWriter]::new($path, $false, [Text.UTF8Encoding]::new($false))
        $writer.Write("USER_ID`n")
        for ($i = 0; $i -lt 100000; $i++) { $writer.Write("sse-$i-$('e' * 100)`n") }
        $writer.Dispose()
        $null = 'small' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -Force
        $null = New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -Force -Path $path
        $objects = @(Get-PdFakeS3Object -Bucket 'deletion-staging')
        $objects.Count | Should -Be 2
        $objects | ForEach-Object { $_.serverSideEncryption | Should -Be 'AES256'; $_.expectedBucketOwner | Should -Be $PdAccount }
        $s3 = @(Get-PdFakeRequest -Service s3)
        @($s3 | Where-Object operation -In 'PutObject', 'CreateMultipartUpload').Count | Should -Be 2
        $s3 | Where-Object operation -In 'PutObject', 'CreateMultipartUpload' | ForEach-Object { $_.headers.'x-amz-server-side-encryption' | Should -Be 'AES256' }
        $s3 | ForEach-Object { $_.headers.'x-amz-expected-bucket-owner' | Should -Be $PdAccount }
        @($s3 | Where-Object { $_.headers.PSObject.Properties['x-amz-server-side-encryption-aws-kms-key-id'] }).Count | Should -Be 0
    }

    It 'land only in a bucket owned by the dataset group''s account' {
        Add-PdFakeBucket -Name 'someone-elses' -Owner '999999999999'
        { 'x' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri 's3://someone-elses/drop/' -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'StagingUploadFailed,PersonalizeDeletion.Cmdlets.NewPDataDeletionJobCommand'
        @(Get-PdFakeS3Object -Bucket 'someone-elses').Count | Should -Be 0
        @(Get-PdFakeRequest -Operation CreateDataDeletionJob).Count | Should -Be 0
    }
}
