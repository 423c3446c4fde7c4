<#
.SYNOPSIS
    The end-to-end story on the local fake: a privacy engineer forgets this week's users.
.DESCRIPTION
    Starts the recorded-responses fake and points the module at it with endpoint settings only (as a user would
    point it at any endpoint), then tells the story step by step: the dataset group and the model it serves, the
    requests of the week, a dry run, the deletion and the wait, what the service read, a repeated run that deletes
    nothing twice, the proof later, and the receipt an auditor keeps. Each step is one function of the script; a new
    step is a new function and a line in the story at the end.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $FakePath
)

$ErrorActionPreference = 'Stop'
$env:PD_FAKE_DLL = $FakePath
. (Join-Path (Split-Path $PSScriptRoot) 'tests/Fake.ps1')

$script:Group = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/retail'
$script:Deletion = @{
    DatasetGroupArn = $Group
    RoleArn         = 'arn:aws:iam::123456789012:role/PersonalizeDeletionRole'
    StagingUri      = 's3://deletion-staging/requests/'
}

function Show-Step([string] $Title, [string] $Command) {
    Write-Host ''
    Write-Host "== $Title" -ForegroundColor Cyan
    if ($Command) { Write-Host "PS> $Command" -ForegroundColor DarkGray }
}

function Show-DatasetGroup {
    Show-Step 'The retail dataset group: its users'' data, and a model trained on it last week that a campaign serves'
    $model = Add-PdFakeSolution -Fake $Fake -DatasetGroupArn $Group -Name 'retail-recs' -CreatedOffsetSeconds -1209600
    $version = Add-PdFakeSolutionVersion -Fake $Fake -SolutionArn $model.arn -CreatedOffsetSeconds -604800 -LastUpdatedOffsetSeconds -590400
    $null = Add-PdFakeCampaign -Fake $Fake -SolutionVersionArn $version.arn -Name 'retail-live' -CreatedOffsetSeconds -586800
    Write-Host "  solution retail-recs, version trained $([datetime]::UtcNow.AddDays(-7).ToString('yyyy-MM-dd')), deployed by campaign retail-live"
}

function Show-Requests {
    Show-Step 'The "forget me" requests of the week (one empty by mistake, one twice)'
    foreach ($request in $Requests) {
        if ($request.Length -gt 40) { Write-Host "  $($request.Substring(0, 37))... ($($request.Length) characters)" } else { Write-Host "  '$request'" }
    }
}

function Invoke-DryRun {
    Show-Step 'First, what would happen: nothing is uploaded, no job created' '$requests | New-PDataDeletionJob @deletion -WhatIf'
    $Requests | New-PDataDeletionJob @Deletion -WhatIf -ErrorAction SilentlyContinue
}

function Invoke-Deletion {
    Show-Step 'Delete: valid IDs are staged and submitted, the others reported' '$jobs = $requests | New-PDataDeletionJob @deletion -Force'
    $script:Jobs = @($Requests | New-PDataDeletionJob @Deletion -Force -ErrorVariable rejected -ErrorAction SilentlyContinue)
    foreach ($record in $rejected) { Write-Host "  $($record.FullyQualifiedErrorId): $($record.Exception.Message)" -ForegroundColor Yellow }
    $Jobs | Format-List JobName, Status, UserCount, DuplicateCount, RejectedCount, StagedObject | Out-Host
}

function Show-StagedData {
    Show-Step 'What the job reads: a USER_ID CSV, the list of who asked to be forgotten'
    foreach ($object in Get-PdFakeS3Object -Fake $Fake -Bucket 'deletion-staging') {
        Write-Host "  s3://deletion-staging/$($object.key) (encrypted: $($object.serverSideEncryption))"
        $text = [Text.Encoding]::UTF8.GetString((Get-PdFakeS3ObjectContent -Fake $Fake -Bucket 'deletion-staging' -Key $object.key))
        $text -split "`n" | Where-Object { $_ } | ForEach-Object { if ($_.Length -gt 60) { "    $($_.Substring(0, 57))..." } else { "    $_" } } | Out-Host
    }
}

function Wait-Deletion {
    Show-Step 'Wait until the job completes, judge what it assures, keep a receipt, then remove that list from S3' '$jobs = $jobs | Wait-PDataDeletionJob -ReceiptPath ./receipts -RemoveStagedData'
    $script:Receipts = New-Item -ItemType Directory -Path (Join-Path $temp 'receipts')
    $script:Jobs = @($Jobs | Wait-PDataDeletionJob -PollInterval 1 -ReceiptPath $Receipts -RemoveStagedData)
    $Jobs | Format-Table | Out-Host
    Write-Host "  Objects left in the staging bucket: $(@(Get-PdFakeS3Object -Fake $Fake -Bucket 'deletion-staging').Count)"
    Write-Host "  Assurance $($Jobs[0].Assurance): the records are gone; models to retrain: $($Jobs[0].ModelsToRetrain.SolutionName -join ', '); campaigns to update: $($Jobs[0].CampaignsToUpdate.CampaignName -join ', ')."
}

function Invoke-Repeat {
    Show-Step 'The same command again: the job comes back, nothing is deleted twice' '$requests | New-PDataDeletionJob @deletion -Force'
    $Requests | New-PDataDeletionJob @Deletion -Force -ErrorAction SilentlyContinue | Format-Table | Out-Host
}

function Show-Proof {
    Show-Step 'Later, the proof: the completed jobs, the records each deleted, and what is still to do' 'Get-PDataDeletionJob -DatasetGroupArn $group -Status COMPLETED -Detailed'
    Get-PDataDeletionJob -DatasetGroupArn $Group -Status COMPLETED -Detailed | Format-Table | Out-Host
}

function Show-Receipt {
    Show-Step 'What the auditor gets: the receipt, with counts, the staged list''s SHA-256, who ran it, and no user ID' 'Get-Content ./receipts/<JobName>.receipt.json'
    foreach ($file in Get-ChildItem $Receipts) {
        Write-Host "  receipts/$($file.Name)"
        Get-Content $file.FullName | ForEach-Object { "    $_" } | Out-Host
    }
}

$script:Fake = Start-PdFake
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
    $env:AWS_ENDPOINT_URL_PERSONALIZE = $Fake.Url
    $env:AWS_ENDPOINT_URL_S3 = $Fake.Url
    # Who runs the command, for the receipts: the fake answers STS GetCallerIdentity too.
    $env:AWS_ENDPOINT_URL_STS = $Fake.Url
    # Job lifecycles of seconds instead of hours, so the story fits in a minute.
    $null = Set-PdFakeConfig -Fake $Fake -Settings @{ pendingMs = 1500; inProgressMs = 2500 }
    Import-Module (Join-Path $ModulePath 'PersonalizeDeletion.psd1') -Force

    $script:Requests = @(
        'user-1001'
        'user-1002'
        'müller.jürgen@example.com'
        'Smith, John'
        'quote"inside'
        ''
        'user-1001'
        ('x' * 256)
    )

    Show-DatasetGroup
    Show-Requests
    Invoke-DryRun
    Invoke-Deletion
    Show-StagedData
    Wait-Deletion
    Invoke-Repeat
    Show-Proof
    Show-Receipt

    $completed = @($Jobs | Where-Object Status -EQ 'COMPLETED')
    if ($completed.Count -lt 1) { throw 'The demo expected a COMPLETED job.' }
    $submitted = ($completed | Measure-Object UserCount -Sum).Sum
    $deleted = ($completed | Measure-Object NumDeleted -Sum).Sum
    Write-Host ''
    Write-Host "Done: $($completed.Count) job(s) COMPLETED for $submitted user(s), $deleted record(s) deleted; $($completed[0].RejectedCount) ID(s) reported instead of submitted; no list of users left in S3." -ForegroundColor Green
    Write-Host "Next: retrain $($completed[0].ModelsToRetrain.SolutionName) and update $($completed[0].CampaignsToUpdate.CampaignName) (Assurance $($completed[0].Assurance)); the receipt stays as the evidence." -ForegroundColor Green
}
finally {
    Stop-PdFake -Fake $Fake
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
