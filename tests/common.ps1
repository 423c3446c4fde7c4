# Shared set-up for the Pester files: imports the BUILT module from output/ the way a user would, starts the
# recorded-responses fake and points the module at it with endpoint settings only.
#
#   BeforeAll { . $PSScriptRoot/common.ps1; Initialize-PdTest }
#   AfterAll  { Complete-PdTest }

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$script:PdRepoRoot = Split-Path $PSScriptRoot
$script:PdModulePath = if ($env:PD_MODULE_PATH) { $env:PD_MODULE_PATH } else { Join-Path $script:PdRepoRoot 'output/PersonalizeDeletion' }

. (Join-Path $PSScriptRoot 'Fake.ps1')

# Well-known values of the recordings in tests/recordings.
$script:PdAccount = '123456789012'
$script:PdRetailGroup = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/retail'
$script:PdMediaGroup = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/media'
$script:PdPendingGroup = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/staging'
$script:PdEuGroup = 'arn:aws:personalize:eu-west-1:123456789012:dataset-group/retail-eu'
$script:PdRole = 'arn:aws:iam::123456789012:role/PersonalizeDeletionRole'
$script:PdStaging = 's3://deletion-staging/requests/'
$script:PdDefaultAccessKey = 'AKIAFAKEDEFAULT00001'
$script:PdDefaultSecretKey = 'fakeSecretDefault0000000000000000000000'

# Every variable the AWS SDK or the module reads from the environment; tests start from none of them.
$script:PdAwsVariables = @(
    'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECRET_KEY', 'AWS_ACCESS_KEY',
    'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
    'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE',
    'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_PERSONALIZE', 'AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL_STS', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
    'AWS_EC2_METADATA_DISABLED', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN', 'AWS_RETRY_MODE', 'AWS_MAX_ATTEMPTS'
)

function Initialize-PdTest {
    <#
    .SYNOPSIS
        Starts the fake, isolates the AWS environment (empty profile files, no IMDS), sets the default test
        credentials and region through environment variables, and imports the built module.
    #>
    param([switch] $NoDefaultCredentials)

    $script:PdSavedEnvironment = @{}
    foreach ($name in $script:PdAwsVariables) {
        $script:PdSavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }

    # One folder per test process, the same for every test file: the AWS SDK remembers where the shared
    # credentials and config files are the first time it reads them, so their paths must not change.
    $script:PdTemp = Join-Path ([IO.Path]::GetTempPath()) ("pd-test-" + $PID)
    if (Test-Path $script:PdTemp) { Remove-Item $script:PdTemp -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $script:PdTemp
    $script:PdCredentialsFile = Join-Path $script:PdTemp 'credentials'
    $script:PdConfigFile = Join-Path $script:PdTemp 'config'
    Set-Content -Path $script:PdCredentialsFile -Value '' -NoNewline
    Set-Content -Path $script:PdConfigFile -Value '' -NoNewline

    $env:AWS_SHARED_CREDENTIALS_FILE = $script:PdCredentialsFile
    $env:AWS_CONFIG_FILE = $script:PdConfigFile
    $env:AWS_EC2_METADATA_DISABLED = 'true'

    $script:PdFake = Start-PdFake
    $env:AWS_ENDPOINT_URL_PERSONALIZE = $script:PdFake.Url
    $env:AWS_ENDPOINT_URL_S3 = $script:PdFake.Url
    # The fake answers STS GetCallerIdentity on the same URL (the caller's identity for receipts).
    $env:AWS_ENDPOINT_URL_STS = $script:PdFake.Url
    if (-not $NoDefaultCredentials) {
        $env:AWS_ACCESS_KEY_ID = $script:PdDefaultAccessKey
        $env:AWS_SECRET_ACCESS_KEY = $script:PdDefaultSecretKey
        $env:AWS_REGION = 'us-east-1'
    }

    Remove-Variable -Name StoredAWSCredentials, StoredAWSRegion -Scope Global -ErrorAction SilentlyContinue
    Import-Module (Join-Path $script:PdModulePath 'PersonalizeDeletion.psd1') -Force
}

function Complete-PdTest {
    Remove-Module PersonalizeDeletion -Force -ErrorAction SilentlyContinue
    if ($script:PdFake) { Stop-PdFake -Fake $script:PdFake }
    foreach ($name in $script:PdAwsVariables) {
        [Environment]::SetEnvironmentVariable($name, $script:PdSavedEnvironment[$name])
    }
    Remove-Variable -Name StoredAWSCredentials, StoredAWSRegion -Scope Global -ErrorAction SilentlyContinue
    if ($script:PdTemp -and (Test-Path $script:PdTemp)) { Remove-Item $script:PdTemp -Recurse -Force }
}

function Set-PdProfileFile {
    <# Writes the shared credentials and/or config file of the isolated environment. #>
    param([string] $Credentials, [string] $Config)
    if ($PSBoundParameters.ContainsKey('Credentials')) { Set-Content -Path $script:PdCredentialsFile -Value $Credentials }
    if ($PSBoundParameters.ContainsKey('Config')) { Set-Content -Path $script:PdConfigFile -Value $Config }
}

function New-PdUserIdFile {
    <# A local CSV of user IDs in the temp folder; returns its path. #>
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [AllowEmptyCollection()] [string[]] $Line, [switch] $Bom)
    $path = Join-Path $script:PdTemp $Name
    $encoding = [Text.UTF8Encoding]::new([bool]$Bom)
    [IO.File]::WriteAllText($path, (($Line -join "`n") + "`n"), $encoding)
    $path
}

function Get-PdStagedCsv {
    <# The text of every CSV object the fake holds under the staging bucket, as an array of strings. #>
    param([string] $Bucket = 'deletion-staging')
    foreach ($object in @(Get-PdFakeS3Object -Bucket $Bucket)) {
        [Text.Encoding]::UTF8.GetString((Get-PdFakeS3ObjectContent -Bucket $Bucket -Key $object.key))
    }
}

function Get-PdPersonalizeRequest {
    <# What the fake received for one Personalize operation, with each JSON body parsed. #>
    param([Parameter(Mandatory)] [string] $Operation)
    foreach ($request in @(Get-PdFakeRequest -Service personalize -Operation $Operation)) {
        $request | Add-Member -NotePropertyName Json -NotePropertyValue ($request.body | ConvertFrom-Json) -PassThru
    }
}

function Invoke-PdChildPwsh {
    <#
    .SYNOPSIS
        Runs a command in a fresh `dotnet pwsh` (the repo's pinned tool) that inherits this process's environment;
        returns its output (both streams) as text. For what only a separate process shows: host output such as
        What-if lines, import cost, assembly load contexts.
    #>
    param([Parameter(Mandatory)] [string] $Command)
    Push-Location $script:PdRepoRoot
    try {
        (dotnet pwsh -NoProfile -NonInteractive -Command $Command 2>&1 | Out-String)
    }
    finally {
        Pop-Location
    }
}
