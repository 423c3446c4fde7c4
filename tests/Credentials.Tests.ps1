BeforeAll {
    . $PSScriptRoot/common.ps1
    . $PSScriptRoot/ChildProcess.ps1
    Initialize-PdTest -NoDefaultCredentials

    # Stand-ins for AWS.Tools' credential objects: not our AWSSDK.Core's types, so the module must read them by
    # reflection (GetCredentials() -> AccessKey/SecretKey/Token), as it does across AssemblyLoadContexts.
    if (-not ('PdTests.ForeignCredentials' -as [type])) {
        Add-Type -TypeDefinition @'
namespace PdTests
{
    public sealed class ForeignImmutableCredentials
    {
        public string AccessKey { get; set; }
        public string SecretKey { get; set; }
        public string Token { get; set; }
        public bool UseToken { get { return !string.IsNullOrEmpty(Token); } }
    }

    public sealed class ForeignCredentials
    {
        private readonly string _key;
        private readonly string _secret;
        public ForeignCredentials(string key, string secret) { _key = key; _secret = secret; }
        public ForeignImmutableCredentials GetCredentials() { return new ForeignImmutableCredentials { AccessKey = _key, SecretKey = _secret, Token = "" }; }
    }
}
'@
    }

    # One key pair per credential source, so the key that signed a request tells which source won.
    $script:Keys = [ordered]@{
        Parameter = @('AKIAPDPARAMETER00001', 'secretParameter000000000000000000000001')
        Credential = @('AKIAPDCREDENTIAL0001', 'secretCredential00000000000000000000001')
        Profile = @('AKIAPDPROFILE0000001', 'secretProfile000000000000000000000000001')
        Stored = @('AKIAPDSTORED00000001', 'secretStored0000000000000000000000000001')
        Environment = @('AKIAPDENVIRONMENT001', 'secretEnvironment0000000000000000000001')
        AwsProfile = @('AKIAPDAWSPROFILE0001', 'secretAwsProfile000000000000000000000001')
        Default = @('AKIAPDDEFAULTPROF001', 'secretDefault000000000000000000000000001')
    }
    foreach ($pair in $Keys.Values) { Add-PdFakeCredential -AccessKeyId $pair[0] -SecretAccessKey $pair[1] }

    function Set-PdAllSources {
        Set-PdProfileFile -Credentials @"
[default]
aws_access_key_id = $($Keys.Default[0])
aws_secret_access_key = $($Keys.Default[1])

[named]
aws_access_key_id = $($Keys.Profile[0])
aws_secret_access_key = $($Keys.Profile[1])

[from-env]
aws_access_key_id = $($Keys.AwsProfile[0])
aws_secret_access_key = $($Keys.AwsProfile[1])
"@ -Config @"
[default]
region = eu-west-1

[profile named]
region = eu-central-1

[profile from-env]
region = ap-southeast-2
"@
        $global:StoredAWSCredentials = [PdTests.ForeignCredentials]::new($Keys.Stored[0], $Keys.Stored[1])
        $env:AWS_ACCESS_KEY_ID = $Keys.Environment[0]
        $env:AWS_SECRET_ACCESS_KEY = $Keys.Environment[1]
        $env:AWS_PROFILE = 'from-env'
    }

    function Get-PdSigner {
        <# Runs a Get against the fake and returns the access key and region of the request it signed. #>
        param([hashtable] $Arguments = @{})
        Clear-PdFakeRequest
        $null = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup @Arguments
        $request = @(Get-PdFakeRequest -Service personalize)[-1]
        [pscustomobject]@{ AccessKey = $request.accessKeyId; Region = $request.region }
    }
}

AfterAll {
    Complete-PdTest
}

Describe 'AWS credentials, in AWS Tools for PowerShell''s order' {
    BeforeEach {
        Set-PdAllSources
        $env:AWS_REGION = 'us-east-1'
    }

    AfterEach {
        Remove-Variable -Name StoredAWSCredentials, StoredAWSRegion -Scope Global -ErrorAction SilentlyContinue
        foreach ($name in 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION') {
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }

    It '-AccessKey/-SecretKey win over every other source' {
        $foreign = [PdTests.ForeignCredentials]::new($Keys.Credential[0], $Keys.Credential[1])
        (Get-PdSigner @{ AccessKey = $Keys.Parameter[0]; SecretKey = $Keys.Parameter[1]; Credential = $foreign; ProfileName = 'named' }).AccessKey | Should -Be $Keys.Parameter[0]
    }

    It '-Credential wins over -ProfileName, $StoredAWSCredentials and the environment' {
        $foreign = [PdTests.ForeignCredentials]::new($Keys.Credential[0], $Keys.Credential[1])
        (Get-PdSigner @{ Credential = $foreign; ProfileName = 'named' }).AccessKey | Should -Be $Keys.Credential[0]
    }

    It '-ProfileName wins over $StoredAWSCredentials and the environment' {
        (Get-PdSigner @{ ProfileName = 'named' }).AccessKey | Should -Be $Keys.Profile[0]
    }

    It '-ProfileLocation reads the named profile from that file' {
        $file = Join-Path $PdTemp 'other-credentials'
        Set-Content -Path $file -Value "[elsewhere]`naws_access_key_id = $($Keys.Profile[0])`naws_secret_access_key = $($Keys.Profile[1])"
        (Get-PdSigner @{ ProfileName = 'elsewhere'; ProfileLocation = $file }).AccessKey | Should -Be $Keys.Profile[0]
    }

    It '$StoredAWSCredentials (an object from another AWSSDK.Core) wins over the environment' {
        (Get-PdSigner).AccessKey | Should -Be $Keys.Stored[0]
    }

    It 'environment variables win over AWS_PROFILE' {
        Remove-Variable -Name StoredAWSCredentials -Scope Global
        (Get-PdSigner).AccessKey | Should -Be $Keys.Environment[0]
    }

    It 'AWS_PROFILE wins over the default profile' {
        Remove-Variable -Name StoredAWSCredentials -Scope Global
        $env:AWS_ACCESS_KEY_ID = $null; $env:AWS_SECRET_ACCESS_KEY = $null
        (Get-PdSigner).AccessKey | Should -Be $Keys.AwsProfile[0]
    }

    It 'the default profile comes last' {
        Remove-Variable -Name StoredAWSCredentials -Scope Global
        $env:AWS_ACCESS_KEY_ID = $null; $env:AWS_SECRET_ACCESS_KEY = $null; $env:AWS_PROFILE = $null
        (Get-PdSigner).AccessKey | Should -Be $Keys.Default[0]
    }

    It 'a missing -ProfileName is ProfileNotFound, never a fall back to other credentials' {
        { Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -ProfileName 'no-such-profile' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ProfileNotFound,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
        @(Get-PdFakeRequest -Service personalize | Where-Object { $_.time -and $_.accessKeyId -eq $Keys.Environment[0] -and $_.operation -eq 'ListDataDeletionJobs' }).Count | Should -Be 0
    }

    It 'half a key pair is InvalidCredentialParameters' {
        { Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -AccessKey $Keys.Parameter[0] -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCredentialParameters,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
    }

    It 'no credentials anywhere is CredentialsNotFound naming the ways to set them' {
        Remove-Variable -Name StoredAWSCredentials -Scope Global
        $env:AWS_ACCESS_KEY_ID = $null; $env:AWS_SECRET_ACCESS_KEY = $null; $env:AWS_PROFILE = $null
        Set-PdProfileFile -Credentials '' -Config ''
        $failure = { Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -ErrorAction Stop } | Should -Throw -ErrorId 'CredentialsNotFound,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand' -PassThru
        $failure.Exception.Message | Should -Match 'ProfileName'
        $failure.Exception.Message | Should -Match 'AWS_ACCESS_KEY_ID'
    }

    It 'a rejected key is InvalidCredentials naming the credential source, without the secret' {
        $failure = { Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -AccessKey 'AKIAPDUNKNOWN0000001' -SecretKey 'verySecretValue123' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCredentials,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand' -PassThru
        $failure.Exception.Message | Should -Match 'AccessKey'
        $failure.Exception.Message | Should -Not -Match 'verySecretValue123'
    }

    It 'a wrong secret for a known key is InvalidCredentials too, said in one sentence' {
        $failure = { Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -AccessKey $Keys.Parameter[0] -SecretKey 'wrong' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCredentials,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand' -PassThru
        $failure.Exception.Message | Should -Match 'the secret key does not belong to the access key \(InvalidSignatureException\)'
        $failure.Exception.Message | Should -Not -Match 'Canonical|String-to-Sign|x-amz-'
        $failure.Exception.Message | Should -Not -Match "`n"
    }

    It 'keeps the service''s canonical-request dump for -Debug, without the session token' {
        $token = 'sessionTokenThatMustNotShow0001'
        Add-PdFakeCredential -AccessKeyId 'ASIAPDTEMPORARY00001' -SecretAccessKey 'secretTemporary0000000000000000000000001' -SessionToken $token
        $debug = & {
            $DebugPreference = 'Continue'
            try { Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -AccessKey 'ASIAPDTEMPORARY00001' -SecretKey 'wrong' -SessionToken $token } catch { $null = $_ }
        } 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $text = $debug.Message -join "`n"
        $text | Should -Match 'InvalidSignatureException'
        $text | Should -Match 'Canonical String'
        $text | Should -Match 'x-amz-security-token:\(not shown\)'
        $text | Should -Not -Match $token
    }

    It '-Verbose names the credential and region sources and no secret appears in any stream' {
        $secret = $Keys.Profile[1]
        $all = & { Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -ProfileName 'named' -Region 'us-east-1' -Verbose -Debug -ErrorAction Continue } *>&1 | Out-String
        $all | Should -Match "profile 'named'"
        $all | Should -Match '-Region'
        $all | Should -Not -Match ([regex]::Escape($secret))
    }
}

Describe 'AWS region, in order' {
    BeforeEach {
        Set-PdAllSources
        Remove-Variable -Name StoredAWSCredentials -Scope Global
    }

    AfterEach {
        Remove-Variable -Name StoredAWSRegion -Scope Global -ErrorAction SilentlyContinue
        foreach ($name in 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION') {
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }

    It '<Case>' -TestCases @(
        @{ Case = '-Region wins over everything'; Expect = 'ap-northeast-1'; Setup = { $global:StoredAWSRegion = 'sa-east-1'; $env:AWS_REGION = 'ca-central-1' }; Arguments = @{ Region = 'ap-northeast-1' } }
        @{ Case = '$StoredAWSRegion wins over AWS_REGION'; Expect = 'sa-east-1'; Setup = { $global:StoredAWSRegion = 'sa-east-1'; $env:AWS_REGION = 'ca-central-1' }; Arguments = @{} }
        @{ Case = 'AWS_REGION wins over AWS_DEFAULT_REGION'; Expect = 'ca-central-1'; Setup = { $env:AWS_REGION = 'ca-central-1'; $env:AWS_DEFAULT_REGION = 'us-west-2' }; Arguments = @{} }
        @{ Case = 'AWS_DEFAULT_REGION wins over the profile'; Expect = 'us-west-2'; Setup = { $env:AWS_DEFAULT_REGION = 'us-west-2' }; Arguments = @{} }
        @{ Case = 'the region of the -ProfileName profile'; Expect = 'eu-central-1'; Setup = { }; Arguments = @{ ProfileName = 'named' } }
        @{ Case = 'the region of the AWS_PROFILE profile'; Expect = 'ap-southeast-2'; Setup = { }; Arguments = @{} }
        @{ Case = 'the default profile''s region comes last'; Expect = 'eu-west-1'; Setup = { $env:AWS_PROFILE = $null }; Arguments = @{} }
    ) {
        & $Setup
        Clear-PdFakeRequest
        $null = Get-PDataDeletionJob @Arguments -ErrorAction SilentlyContinue
        @(Get-PdFakeRequest -Service personalize)[-1].region | Should -Be $Expect
    }

    It 'no region anywhere is RegionNotFound naming the ways to set one' {
        $env:AWS_PROFILE = $null
        Set-PdProfileFile -Config ''
        $failure = { Get-PDataDeletionJob -ErrorAction Stop } | Should -Throw -ErrorId 'RegionNotFound,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand' -PassThru
        $failure.Exception.Message | Should -Match '-Region'
        $failure.Exception.Message | Should -Match 'AWS_REGION'
    }

    It 'a well-formed region no SDK knows is InvalidRegion naming the closest ones, before any call' {
        # The SDK builds the endpoint's host name from the region here (no endpoint setting), so a typo could only fail
        # to resolve; the child has no AWS_ENDPOINT_URL_PERSONALIZE for that reason.
        $script = Join-Path $PdTemp 'unknown-region.ps1'
        Set-Content -Path $script -Value @"
Import-Module '$(Join-Path $PdModulePath 'PersonalizeDeletion.psd1')'
foreach (`$attempt in { Get-PDataDeletionJob -Region us-esat-1 }, { Get-PDataDeletionJob -JobArn 'arn:aws:personalize:eu-wset-1:123456789012:data-deletion-job/x' }) {
    try { & `$attempt; 'no error' } catch { "`$(`$_.FullyQualifiedErrorId) | `$(`$_.Exception.Message)" }
}
"@
        $result = Start-PdChild -File $script -Environment @{
            AWS_ENDPOINT_URL_PERSONALIZE = $null; AWS_ACCESS_KEY_ID = $Keys.Environment[0]; AWS_SECRET_ACCESS_KEY = $Keys.Environment[1]; AWS_REGION = 'us-east-1'
        } | Wait-PdChild
        $lines = @($result.Output -split "`n" | Where-Object { $_ -like 'InvalidRegion,*' })
        $lines.Count | Should -Be 2 -Because $result.Output
        $lines[0] | Should -Match "'us-esat-1' \(from the -Region parameter\) is not a known AWS region.* closest known regions are us-east-1, "
        $lines[1] | Should -Match "'eu-wset-1' \(from the region of the resource ARN\) is not a known AWS region.* closest known regions are eu-west-1, "
        $lines[1] | Should -Match '-EndpointUrl'
    }

    It 'a region unknown to the SDK is still used with a custom endpoint (a region newer than the module)' {
        $env:AWS_REGION = 'us-east-1'
        Clear-PdFakeRequest
        $null = Get-PDataDeletionJob -Region 'xx-newplace-1' -ErrorAction Stop
        @(Get-PdFakeRequest -Service personalize)[-1].region | Should -Be 'xx-newplace-1'
    }

    It 'an ARN''s own region is used for calls about it' {
        $env:AWS_REGION = 'us-east-1'
        Clear-PdFakeRequest
        $null = Get-PDataDeletionJob -DatasetGroupArn $PdEuGroup
        @(Get-PdFakeRequest -Service personalize)[-1].region | Should -Be 'eu-west-1'
    }
}

Describe 'Endpoints' {
    BeforeEach {
        $env:AWS_ACCESS_KEY_ID = $PdDefaultAccessKey
        $env:AWS_SECRET_ACCESS_KEY = $PdDefaultSecretKey
        $env:AWS_REGION = 'us-east-1'
        $script:savedEndpoint = $env:AWS_ENDPOINT_URL_PERSONALIZE
    }

    AfterEach {
        $env:AWS_ENDPOINT_URL_PERSONALIZE = $savedEndpoint
        $env:AWS_ENDPOINT_URL = $null
    }

    It '-EndpointUrl sends Personalize calls there, signed for the resolved region' {
        $env:AWS_ENDPOINT_URL_PERSONALIZE = $null
        Clear-PdFakeRequest
        $null = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -EndpointUrl $PdFake.Url -Region 'us-east-1'
        $request = @(Get-PdFakeRequest -Service personalize)[0]
        $request.operation | Should -Be 'ListDataDeletionJobs'
        $request.region | Should -Be 'us-east-1'
        $request.headers.'X-Amz-Target' | Should -Be 'AmazonPersonalize.ListDataDeletionJobs'
    }

    It '-EndpointUrl wins over AWS_ENDPOINT_URL_PERSONALIZE' {
        $env:AWS_ENDPOINT_URL_PERSONALIZE = 'http://127.0.0.1:9/'
        Clear-PdFakeRequest
        $null = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -EndpointUrl $PdFake.Url
        # The group has no jobs, so the empty listing is followed by a check that the group exists: both calls there.
        @(Get-PdFakeRequest -Service personalize).operation | Should -Be @('ListDataDeletionJobs', 'DescribeDatasetGroup')
    }

    It 'AWS_ENDPOINT_URL_PERSONALIZE is honoured' {
        Clear-PdFakeRequest
        $null = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup
        # The group has no jobs, so the empty listing is followed by a check that the group exists: both calls there.
        @(Get-PdFakeRequest -Service personalize).operation | Should -Be @('ListDataDeletionJobs', 'DescribeDatasetGroup')
    }

    It 'AWS_ENDPOINT_URL is honoured when no service-specific endpoint is set' {
        $env:AWS_ENDPOINT_URL_PERSONALIZE = $null
        $env:AWS_ENDPOINT_URL = $PdFake.Url
        Clear-PdFakeRequest
        $null = Get-PDataDeletionJob -DatasetGroupArn $PdRetailGroup
        # The group has no jobs, so the empty listing is followed by a check that the group exists: both calls there.
        @(Get-PdFakeRequest -Service personalize).operation | Should -Be @('ListDataDeletionJobs', 'DescribeDatasetGroup')
    }

    It 'a blank service endpoint variable counts as unset (CI templates export empty ones): New stages and submits, Get -Detailed learns the caller, all through AWS_ENDPOINT_URL' {
        $saved = @{ S3 = $env:AWS_ENDPOINT_URL_S3; Sts = $env:AWS_ENDPOINT_URL_STS }
        try {
            $env:AWS_ENDPOINT_URL_PERSONALIZE = ' '
            $env:AWS_ENDPOINT_URL_S3 = ' '
            $env:AWS_ENDPOINT_URL_STS = ' '
            $env:AWS_ENDPOINT_URL = $PdFake.Url
            Clear-PdFakeRequest
            $job = 'blank-endpoint-user' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -Force -ErrorAction Stop
            $job.Status | Should -Be 'PENDING'
            # -Detailed judges the job and writes its receipt, which names the caller (STS GetCallerIdentity).
            $detailed = Get-PDataDeletionJob -JobArn $job.JobArn -Detailed -ErrorAction Stop -WarningAction SilentlyContinue
            $detailed.JobArn | Should -Be $job.JobArn
            $services = @(Get-PdFakeRequest).service | Sort-Object -Unique
            $services | Should -Contain 'personalize'
            $services | Should -Contain 's3'
            $services | Should -Contain 'sts'
        }
        finally {
            $env:AWS_ENDPOINT_URL_S3 = $saved.S3
            $env:AWS_ENDPOINT_URL_STS = $saved.Sts
        }
    }

    It 'a malformed -EndpointUrl is InvalidEndpointUrl' {
        { Get-PDataDeletionJob -EndpointUrl 'not a url' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidEndpointUrl,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
    }
}
