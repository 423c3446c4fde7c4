<#
.SYNOPSIS
    The end-to-end story on the local fake: a privacy engineer forgets a list of users.
.DESCRIPTION
    Starts the recorded-responses fake, points the module at it with endpoint settings only (as a user would
    point it at any endpoint), pipes a sample list of user IDs - some tricky, one invalid - into
    New-PDataDeletionJob | Wait-PDataDeletionJob, then lists the dataset group's jobs with Get-PDataDeletionJob.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $FakePath
)

$ErrorActionPreference = 'Stop'
$env:PD_FAKE_DLL = $FakePath
. (Join-Path (Split-Path $PSScriptRoot) 'tests/Fake.ps1')

function Show-Step([string] $Text) {
    Write-Host ''
    Write-Host "== $Text" -ForegroundColor Cyan
}

$fake = Start-PdFake
$temp = Join-Path ([IO.Path]::GetTempPath()) ('pd-demo-' + [guid]::NewGuid().ToString('n'))
$null = New-Item -ItemType Directory -Path $temp
try {
    # Nothing of the machine's own AWS set-up is used: the fake's test credentials, its endpoint, no IMDS.
    $env:AWS_ACCESS_KEY_ID = 'AKIAFAKEDEFAULT00001'
    $env:AWS_SECRET_ACCESS_KEY = 'fakeSecretDefault0000000000000000000000'
    $env:AWS_SESSION_TOKEN = $null
    $env:AWS_PROFILE = $null
    $env:AWS_REGION = 'us-east-1'
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $temp 'credentials'
    $env:AWS_CONFIG_FILE = Join-Path $temp 'config'
    $env:AWS_ENDPOINT_URL_PERSONALIZE = $fake.Url
    $env:AWS_ENDPOINT_URL_S3 = $fake.Url
    # Quick job lifecycles so the story takes seconds, not hours.
    Set-PdFakeConfig -Fake $fake -Settings @{ pendingMs = 1500; inProgressMs = 2500 }

    Import-Module (Join-Path $ModulePath 'PersonalizeDeletion.psd1') -Force
    $group = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/retail'
    $role = 'arn:aws:iam::123456789012:role/PersonalizeDeletionRole'

    Show-Step 'The "forget me" requests of the week (one is empty by mistake, one is repeated)'
    $requests = @(
        'user-1001'
        'user-1002'
        'müller.jürgen@example.com'
        'Smith, John'
        'quote"inside'
        ''
        'user-1001'
        ('x' * 256)
    )
    $requests | ForEach-Object { if ($_.Length -gt 40) { "  $($_.Substring(0, 37))... ($($_.Length) characters)" } else { "  '$_'" } }

    Show-Step "New-PDataDeletionJob -DatasetGroupArn $group -StagingUri s3://deletion-staging/requests/ -Force | Wait-PDataDeletionJob -PollInterval 1"
    $jobs = $requests |
        New-PDataDeletionJob -DatasetGroupArn $group -RoleArn $role -StagingUri 's3://deletion-staging/requests/' -Force -ErrorVariable rejected -ErrorAction SilentlyContinue |
        Wait-PDataDeletionJob -PollInterval 1
    foreach ($record in $rejected) { Write-Host "  rejected: $($record.FullyQualifiedErrorId) - $($record.Exception.Message)" -ForegroundColor Yellow }
    $jobs | Format-Table | Out-Host
    $jobs | Select-Object JobName, UserCount, DuplicateCount, RejectedCount, StagedObject | Format-List | Out-Host

    Show-Step 'The staged CSV the service read (UTF-8, USER_ID header, RFC 4180 quoting)'
    $staged = Get-PdFakeS3Object -Fake $fake -Bucket 'deletion-staging'
    foreach ($object in $staged) {
        Write-Host "  s3://deletion-staging/$($object.key)  (SSE: $($object.serverSideEncryption); metadata: $(($object.metadata.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ', '))"
        $text = [Text.Encoding]::UTF8.GetString((Get-PdFakeS3ObjectContent -Fake $fake -Bucket 'deletion-staging' -Key $object.key))
        $text -split "`n" | Where-Object { $_ } | ForEach-Object { if ($_.Length -gt 60) { "    $($_.Substring(0, 57))..." } else { "    $_" } } | Out-Host
    }

    Show-Step 'Run the same command again: exactly once, the existing job comes back with a warning'
    $again = $requests | New-PDataDeletionJob -DatasetGroupArn $group -RoleArn $role -StagingUri 's3://deletion-staging/requests/' -Force -ErrorAction SilentlyContinue
    $again | Format-Table | Out-Host

    Show-Step "Get-PDataDeletionJob -DatasetGroupArn $group"
    Get-PDataDeletionJob -DatasetGroupArn $group | Format-Table | Out-Host

    $completed = @($jobs | Where-Object Status -EQ 'COMPLETED')
    if ($completed.Count -lt 1) { throw 'The demo expected a COMPLETED job.' }
    Write-Host "Done: $($completed.Count) job(s) COMPLETED, $($completed[0].NumDeleted) record(s) of its users deleted." -ForegroundColor Green
}
finally {
    Stop-PdFake -Fake $fake
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
