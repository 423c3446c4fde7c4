# Helpers for driving the fake services (tests/PersonalizeDeletion.Fake) from Pester.
# Dot-source this file; Start-PdFake runs the already-built fake and remembers it as the default
# for the other functions, which all talk to its /_fake/ control endpoints on 127.0.0.1.
# Runs in PowerShell 7 and in Windows PowerShell 5.1 (build.ps1 -TestHost powershell).
# tests/PersonalizeDeletion.Fake/README.md lists the seeding helpers with an example each.

Set-StrictMode -Version Latest

$script:PdFakeDefault = $null

function Find-PdFakeDll {
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ($env:PD_FAKE_DLL) {
        if (-not (Test-Path -LiteralPath $env:PD_FAKE_DLL -PathType Leaf)) {
            throw "PD_FAKE_DLL points to '$env:PD_FAKE_DLL', which does not exist."
        }
        return (Resolve-Path -LiteralPath $env:PD_FAKE_DLL).Path
    }

    $repoRoot = Split-Path -Parent $PSScriptRoot
    $published = Join-Path $repoRoot 'output/fake/PersonalizeDeletion.Fake.dll'
    if (Test-Path -LiteralPath $published -PathType Leaf) {
        return $published
    }

    $built = Get-ChildItem -Path (Join-Path $PSScriptRoot 'PersonalizeDeletion.Fake/bin') -Filter 'PersonalizeDeletion.Fake.dll' -Recurse -File -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending |
        Select-Object -First 1
    if ($built) {
        return $built.FullName
    }

    throw "The fake is not built: set PD_FAKE_DLL, run the build (output/fake/), or 'dotnet build tests/PersonalizeDeletion.Fake'."
}

function Resolve-PdFake {
    param($Fake)

    $resolved = if ($Fake) { $Fake } else { $script:PdFakeDefault }
    if (-not $resolved) {
        throw 'No fake: call Start-PdFake first or pass -Fake.'
    }
    return $resolved
}

function Invoke-PdFakeControl {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Fake,
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        $Body
    )

    $parameters = @{
        Method = $Method
        Uri = "$($Fake.Url)/_fake/$Path"
        ContentType = 'application/json'
    }
    # Loopback only: never let a machine-wide proxy see the fake's traffic (Windows PowerShell bypasses it for loopback).
    if ($PSVersionTable.PSEdition -eq 'Core') { $parameters.NoProxy = $true }
    if ($null -ne $Body) {
        $parameters.Body = ($Body | ConvertTo-Json -Depth 10 -Compress)
    }
    $result = Invoke-RestMethod @parameters
    # A JSON array comes back as one array object (an empty one included); emit its items so that
    # callers get the usual pipeline behaviour and @(...).Count is right.
    if ($result -is [array]) {
        foreach ($item in $result) { $item }
    }
    elseif ($null -ne $result) {
        $result
    }
}

function Start-PdFake {
    <#
    .SYNOPSIS
    Starts the fake on a free loopback port and makes it the default for the other Pd*Fake functions.
    .DESCRIPTION
    On the shared URL a request's region is the region it is signed for. -RegionListener opens one more
    listener per region that is that region's endpoint (a request signed for another region is refused
    there); their URLs are in the result's RegionUrls.
    .OUTPUTS
    An object with Url (http://127.0.0.1:PORT), Port, RegionUrls and Process.
    #>
    [CmdletBinding()]
    param(
        [string] $RecordingsPath,
        [string] $ModelPath,
        [int] $Port = 0,
        [string[]] $RegionListener = @(),
        [int] $TimeoutSeconds = 30
    )

    $dll = Find-PdFakeDll
    $arguments = [System.Collections.Generic.List[string]]::new()
    $arguments.Add($dll)
    $arguments.Add('--port'); $arguments.Add([string]$Port)
    foreach ($region in $RegionListener) { $arguments.Add('--region-listener'); $arguments.Add($region) }
    if ($RecordingsPath) { $arguments.Add('--recordings'); $arguments.Add($RecordingsPath) }
    if ($ModelPath) { $arguments.Add('--model'); $arguments.Add($ModelPath) }

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    if ($PSVersionTable.PSEdition -eq 'Core') { foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) } }
    else { $startInfo.Arguments = ($arguments | ForEach-Object { '"' + $_ + '"' }) -join ' ' }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    # The fake carries its model beside its assembly and finds tests/recordings by walking up from here.
    $startInfo.WorkingDirectory = Split-Path -Parent $PSScriptRoot

    $process = [System.Diagnostics.Process]::Start($startInfo)
    # Drain stderr in the background so a chatty fake can never block on a full pipe.
    $stderr = $process.StandardError.ReadToEndAsync()
    $lineTask = $process.StandardOutput.ReadLineAsync()
    if (-not $lineTask.Wait([TimeSpan]::FromSeconds($TimeoutSeconds)) -or -not $lineTask.Result) {
        if (-not $process.HasExited) { $process.Kill() }
        $process.WaitForExit()
        throw "The fake did not start within $TimeoutSeconds s. stderr: $($stderr.Result)"
    }

    $line = $lineTask.Result
    if ($line -notmatch '^LISTENING (http://127\.0\.0\.1:(\d+))$') {
        if (-not $process.HasExited) { $process.Kill() }
        throw "Unexpected first line from the fake: '$line'"
    }

    $fake = [pscustomobject]@{
        PSTypeName = 'PersonalizeDeletion.Fake'
        Url = $Matches[1]
        Port = [int]$Matches[2]
        RegionUrls = @{}
        Process = $process
    }
    if ($RegionListener) {
        $endpoints = Invoke-PdFakeControl -Fake $fake -Method Get -Path 'endpoints'
        foreach ($property in $endpoints.regions.PSObject.Properties) { $fake.RegionUrls[$property.Name] = $property.Value }
    }
    $script:PdFakeDefault = $fake
    $fake
}

function Stop-PdFake {
    <#
    .SYNOPSIS
    Stops the fake: asks it to shut down, closes its stdin, and waits for it to exit.
    #>
    [CmdletBinding()]
    param($Fake)

    $target = Resolve-PdFake $Fake
    if (-not $target.Process.HasExited) {
        try {
            Invoke-PdFakeControl -Fake $target -Method Post -Path 'shutdown' | Out-Null
        }
        catch {
            Write-Verbose "Shutdown request failed ($($_.Exception.Message)); closing stdin instead."
        }
        $target.Process.StandardInput.Close()
        if (-not $target.Process.WaitForExit(5000)) {
            $target.Process.Kill()
            $target.Process.WaitForExit()
        }
    }
    $target.Process.Dispose()
    if ($script:PdFakeDefault -eq $target) {
        $script:PdFakeDefault = $null
    }
}

function Reset-PdFake {
    <# .SYNOPSIS Restores the start-up state: recordings reloaded; jobs, S3, faults, config and the request log cleared. #>
    [CmdletBinding()]
    param($Fake)
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'reset' | Out-Null
}

function Get-PdFakeRequest {
    <# .SYNOPSIS The requests the fake received, oldest first, optionally filtered by service (personalize, s3) and operation. #>
    [CmdletBinding()]
    param(
        [ValidateSet('personalize', 's3', 'sts')] [string] $Service,
        [string] $Operation,
        $Fake
    )
    $requests = Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Get -Path 'requests'
    $requests |
        Where-Object { -not $Service -or $_.service -eq $Service } |
        Where-Object { -not $Operation -or $_.operation -eq $Operation }
}

function Clear-PdFakeRequest {
    [CmdletBinding()]
    param($Fake)
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Delete -Path 'requests' | Out-Null
}

function Add-PdFakeFault {
    <#
    .SYNOPSIS
    Adds a fault rule. Operation: a Personalize operation name, 's3:<Operation>', 'sts:GetCallerIdentity',
    's3:*' or '*'. Count: times to fire (-1 forever). Every: fire on every K-th matching call.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Operation,
        [Parameter(Mandatory)] [ValidateSet('throttle', 'error500', 'drop-after', 'drop-before', 'delay', 'access-denied')] [string] $Kind,
        [int] $Count = 1,
        [int] $Every = 1,
        [int] $DelayMs = 0,
        $Fake
    )
    $rule = @{ operation = $Operation; kind = $Kind; count = $Count; every = $Every; delayMs = $DelayMs }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'faults' -Body $rule | Out-Null
}

function Add-PdFakeDenial {
    <#
    .SYNOPSIS
    Denies one operation from now on, as a missing IAM permission would: Personalize answers
    AccessDeniedException naming personalize:<Operation>, S3 403 AccessDenied, STS AccessDenied.
    .EXAMPLE
    Add-PdFakeDenial -Operation ListSolutions
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Operation,
        $Fake
    )
    Add-PdFakeFault -Operation $Operation -Kind access-denied -Count -1 -Fake $Fake
}

function Clear-PdFakeFault {
    [CmdletBinding()]
    param($Fake)
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Delete -Path 'faults' | Out-Null
}

function Set-PdFakeConfig {
    <#
    .SYNOPSIS
    Changes settings (partial updates): pendingMs, inProgressMs, pendingLimit, failJobNamePattern,
    failureReason, visibilityDelayMs (how long a new job is invisible to Describe and List),
    clockOffsetSeconds. Returns the settings now in force.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [hashtable] $Settings,
        $Fake
    )
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'config' -Body $Settings
}

function Add-PdFakeCredential {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $AccessKeyId,
        [Parameter(Mandatory)] [string] $SecretAccessKey,
        [string] $SessionToken,
        # The identity STS GetCallerIdentity reports for this key.
        [string] $Arn,
        $Fake
    )
    $credential = @{ accessKeyId = $AccessKeyId; secretAccessKey = $SecretAccessKey }
    if ($SessionToken) { $credential.sessionToken = $SessionToken }
    if ($Arn) { $credential.arn = $Arn }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'credentials' -Body $credential | Out-Null
}

function Add-PdFakeDatasetGroup {
    <# .SYNOPSIS Adds a dataset group; returns it in the DescribeDatasetGroup shape (with datasetGroupArn). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Status = 'ACTIVE',
        [string] $Account = '123456789012',
        [string] $Region = 'us-east-1',
        [ValidateSet('ECOMMERCE', 'VIDEO_ON_DEMAND')] [string] $Domain,
        [string] $KmsKeyArn,
        $Fake
    )
    $group = @{ name = $Name; status = $Status; account = $Account; region = $Region }
    if ($Domain) { $group.domain = $Domain }
    if ($KmsKeyArn) { $group.kmsKeyArn = $KmsKeyArn }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'datasetgroups' -Body $group
}

function Add-PdFakeJob {
    <#
    .SYNOPSIS
    Seeds Count jobs named <NamePrefix>-0001.. with a fixed status and distinct creation times (newest last).
    -DataLocation points them all at one location (for example a staged CSV an earlier run's job still reads).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $DatasetGroupArn,
        [int] $Count = 1,
        [ValidateSet('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED')] [string] $Status = 'COMPLETED',
        [string] $NamePrefix = 'seed',
        [int] $NumDeleted = 1,
        [string] $DataLocation,
        $Fake
    )
    $seed = @{ datasetGroupArn = $DatasetGroupArn; count = $Count; status = $Status; namePrefix = $NamePrefix; numDeleted = $NumDeleted }
    if ($DataLocation) { $seed.dataLocation = $DataLocation }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'jobs' -Body $seed
}

function Get-PdFakeJob {
    <#
    .SYNOPSIS
    Every job's full state, newest first, visible to Describe/List or not: creation/lastUpdated/visibleFrom as
    ISO-8601 times, and what it read when it left PENDING (readAt, objectsRead, usersRead, readFailure).
    #>
    [CmdletBinding()]
    param($Fake)
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Get -Path 'jobs'
}

function Get-PdFakeS3Object {
    <# .SYNOPSIS The objects in the fake's S3 (bucket, key, size, contentType, metadata, encryption, expectedBucketOwner, etag). #>
    [CmdletBinding()]
    param(
        [string] $Bucket,
        [string] $Key,
        $Fake
    )
    $query = @()
    if ($Bucket) { $query += "bucket=$([uri]::EscapeDataString($Bucket))" }
    if ($Key) { $query += "key=$([uri]::EscapeDataString($Key))" }
    $path = if ($query) { 's3/objects?' + ($query -join '&') } else { 's3/objects' }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Get -Path $path
}

function Get-PdFakeS3ObjectContent {
    <# .SYNOPSIS The raw bytes of one object. Decode with [Text.Encoding]::UTF8.GetString(...) for CSV text. #>
    [CmdletBinding()]
    [OutputType([byte[]])]
    param(
        [Parameter(Mandatory)] [string] $Bucket,
        [Parameter(Mandatory)] [string] $Key,
        $Fake
    )
    $target = Resolve-PdFake $Fake
    $uri = "$($target.Url)/_fake/s3/object?bucket=$([uri]::EscapeDataString($Bucket))&key=$([uri]::EscapeDataString($Key))"
    if ($PSVersionTable.PSEdition -eq 'Core') { $response = Invoke-WebRequest -Uri $uri -Method Get -NoProxy }
    else { $response = Invoke-WebRequest -Uri $uri -Method Get -UseBasicParsing }
    # Comma: return the array as one object rather than unrolling it into the pipeline byte by byte. The raw
    # stream: Windows PowerShell gives text content types as a string.
    , $response.RawContentStream.ToArray()
}

function Set-PdFakeS3Object {
    <#
    .SYNOPSIS
    Seeds an object from a string or bytes; Metadata entries become x-amz-meta-* metadata. A new bucket is
    created in -Region (us-east-1 by default). -ServerSideEncryption aws:kms (with -KmsKeyId) stores it
    KMS-encrypted, which a data deletion job cannot read.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Bucket,
        [Parameter(Mandatory)] [string] $Key,
        [Parameter(Mandatory)] $Content,
        [string] $ContentType = 'text/csv',
        [hashtable] $Metadata = @{},
        [string] $Region,
        [ValidateSet('AES256', 'aws:kms', 'aws:kms:dsse')] [string] $ServerSideEncryption,
        [string] $KmsKeyId,
        # Grows the content to this many bytes with line feeds in the fake (size limits without sending the bytes).
        [long] $PadToBytes,
        $Fake
    )
    $target = Resolve-PdFake $Fake
    # Typed so that the if-expression's output is not unrolled into an object[] of numbers.
    [byte[]]$bytes = if ($Content -is [byte[]]) { $Content } else { [System.Text.Encoding]::UTF8.GetBytes([string]$Content) }
    $headers = @{}
    foreach ($entry in $Metadata.GetEnumerator()) { $headers["x-amz-meta-$($entry.Key)"] = [string]$entry.Value }
    if ($ServerSideEncryption) { $headers['x-amz-server-side-encryption'] = $ServerSideEncryption }
    if ($KmsKeyId) { $headers['x-amz-server-side-encryption-aws-kms-key-id'] = $KmsKeyId }
    $uri = "$($target.Url)/_fake/s3/object?bucket=$([uri]::EscapeDataString($Bucket))&key=$([uri]::EscapeDataString($Key))"
    if ($Region) { $uri += "&region=$([uri]::EscapeDataString($Region))" }
    if ($PadToBytes) { $uri += "&padTo=$PadToBytes" }
    $proxy = if ($PSVersionTable.PSEdition -eq 'Core') { @{ NoProxy = $true } } else { @{} }
    Invoke-RestMethod -Uri $uri -Method Put -Body $bytes -ContentType $ContentType -Headers $headers @proxy
}

function Get-PdFakeMultipartUpload {
    <# .SYNOPSIS Open (neither completed nor aborted) multipart uploads: bucket, key, uploadId, parts. #>
    [CmdletBinding()]
    param($Fake)
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Get -Path 's3/uploads'
}

function Add-PdFakeBucket {
    <# .SYNOPSIS Adds a bucket with an owner (account) and a region; S3 refuses requests for it signed for another region. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Owner = '123456789012',
        [string] $Region = 'us-east-1',
        $Fake
    )
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 's3/buckets' -Body @{ name = $Name; owner = $Owner; region = $Region } | Out-Null
}

function Get-PdFakeEndpoint {
    <# .SYNOPSIS The shared URL and the region listeners' URLs ({ url, regions: { <region>: <url> } }). #>
    [CmdletBinding()]
    param($Fake)
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Get -Path 'endpoints'
}

function Add-PdFakeDataset {
    <#
    .SYNOPSIS
    Adds a dataset (INTERACTIONS, USERS, ITEMS, ACTIONS or ACTION_INTERACTIONS) to a dataset group; returns it
    as ListDatasets reports it (with datasetArn). Adding an existing type returns the existing dataset.
    .EXAMPLE
    Add-PdFakeDataset -DatasetGroupArn $group -DatasetType ITEMS -CreatedOffsetSeconds -86400
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $DatasetGroupArn,
        [Parameter(Mandatory)] [string] $DatasetType,
        [string] $Name,
        [string] $Status = 'ACTIVE',
        [double] $CreatedOffsetSeconds = 0,
        $Fake
    )
    $body = @{ datasetGroupArn = $DatasetGroupArn; datasetType = $DatasetType; status = $Status; createdOffsetSeconds = $CreatedOffsetSeconds }
    if ($Name) { $body.name = $Name }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'datasets' -Body $body
}

function Add-PdFakeUserRecord {
    <#
    .SYNOPSIS
    Gives users records in a dataset of a group (INTERACTIONS by default, created if missing): -Count records
    for each -UserId, or -Records @{ user = count }. A completed deletion job removes them and counts them in
    numDeleted; a user without records deletes nothing. A count of 0 removes the user's records.
    .EXAMPLE
    Add-PdFakeUserRecord -DatasetGroupArn $group -UserId 'u-1', 'u-2' -Count 40
    #>
    [CmdletBinding(DefaultParameterSetName = 'Users')]
    param(
        [Parameter(Mandatory)] [string] $DatasetGroupArn,
        [Parameter(Mandatory, ParameterSetName = 'Users')] [string[]] $UserId,
        [Parameter(ParameterSetName = 'Users')] [int] $Count = 1,
        [Parameter(Mandatory, ParameterSetName = 'Records')] [hashtable] $Records,
        [string] $DatasetType = 'INTERACTIONS',
        $Fake
    )
    $counts = @{}
    if ($PSCmdlet.ParameterSetName -eq 'Users') { foreach ($id in $UserId) { $counts[$id] = $Count } }
    else { foreach ($entry in $Records.GetEnumerator()) { $counts[[string]$entry.Key] = [int]$entry.Value } }
    $body = @{ datasetGroupArn = $DatasetGroupArn; datasetType = $DatasetType; records = $counts }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'records' -Body $body
}

function Get-PdFakeUserRecord {
    <# .SYNOPSIS The records users have now, per dataset ({ datasetArn, datasetGroupArn, datasetType, records }). #>
    [CmdletBinding()]
    param(
        [string] $DatasetGroupArn,
        $Fake
    )
    $path = if ($DatasetGroupArn) { "records?datasetGroupArn=$([uri]::EscapeDataString($DatasetGroupArn))" } else { 'records' }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Get -Path $path
}

function Add-PdFakeResource {
    <#
    .SYNOPSIS
    Seeds (or replaces, by ARN) a solution, solutionVersion, campaign, datasetImportJob, batchInferenceJob,
    batchSegmentJob or recommender from a body of control-API members; the per-kind helpers below call it.
    Times are offsets in seconds from the fake's clock (negative: in the past).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Kind,
        [Parameter(Mandatory)] [hashtable] $Body,
        [string] $Status,
        [double] $CreatedOffsetSeconds = 0,
        [Nullable[double]] $LastUpdatedOffsetSeconds,
        [string] $FailureReason,
        $Fake
    )
    $seed = $Body.Clone()
    $seed.kind = $Kind
    $seed.createdOffsetSeconds = $CreatedOffsetSeconds
    if ($Status) { $seed.status = $Status }
    if ($null -ne $LastUpdatedOffsetSeconds) { $seed.lastUpdatedOffsetSeconds = $LastUpdatedOffsetSeconds }
    if ($FailureReason) { $seed.failureReason = $FailureReason }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'resources' -Body $seed
}

function Get-PdFakeResource {
    <# .SYNOPSIS Every seeded resource (kind, arn, name, status, times, parentArn, region). #>
    [CmdletBinding()]
    param([string] $Kind, $Fake)
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Get -Path 'resources' | Where-Object { -not $Kind -or $_.kind -eq $Kind }
}

function Add-PdFakeSolution {
    <#
    .SYNOPSIS
    Seeds a custom solution of a dataset group (ListSolutions, DescribeSolution); -PerformAutoTraining for
    automatic training. Statuses: CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, DELETE PENDING, DELETE IN_PROGRESS.
    .EXAMPLE
    $solution = Add-PdFakeSolution -DatasetGroupArn $group -Name 'retail-recs' -CreatedOffsetSeconds -604800
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $DatasetGroupArn,
        [Parameter(Mandatory)] [string] $Name,
        [string] $Status = 'ACTIVE',
        [double] $CreatedOffsetSeconds = 0,
        [Nullable[double]] $LastUpdatedOffsetSeconds,
        [string] $RecipeArn,
        [switch] $PerformAutoTraining,
        $Fake
    )
    $body = @{ datasetGroupArn = $DatasetGroupArn; name = $Name; performAutoTraining = [bool]$PerformAutoTraining }
    if ($RecipeArn) { $body.recipeArn = $RecipeArn }
    Add-PdFakeResource -Kind solution -Body $body -Status $Status -CreatedOffsetSeconds $CreatedOffsetSeconds -LastUpdatedOffsetSeconds $LastUpdatedOffsetSeconds -Fake $Fake
}

function Add-PdFakeSolutionVersion {
    <#
    .SYNOPSIS
    Seeds a version of a solution (ListSolutionVersions, DescribeSolutionVersion). Statuses: CREATE PENDING,
    CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, CREATE STOPPING, CREATE STOPPED. TrainingMode FULL, UPDATE or AUTOTRAIN.
    .EXAMPLE
    Add-PdFakeSolutionVersion -SolutionArn $solution.arn -Status 'CREATE IN_PROGRESS' -CreatedOffsetSeconds -60
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $SolutionArn,
        [string] $Name,
        [string] $Status = 'ACTIVE',
        [double] $CreatedOffsetSeconds = 0,
        [Nullable[double]] $LastUpdatedOffsetSeconds,
        [ValidateSet('FULL', 'UPDATE', 'AUTOTRAIN')] [string] $TrainingMode = 'FULL',
        [ValidateSet('AUTOMATIC', 'MANUAL')] [string] $TrainingType,
        [string] $FailureReason,
        $Fake
    )
    $body = @{ solutionArn = $SolutionArn; trainingMode = $TrainingMode }
    if ($Name) { $body.name = $Name }
    if ($TrainingType) { $body.trainingType = $TrainingType }
    Add-PdFakeResource -Kind solutionVersion -Body $body -Status $Status -CreatedOffsetSeconds $CreatedOffsetSeconds -LastUpdatedOffsetSeconds $LastUpdatedOffsetSeconds -FailureReason $FailureReason -Fake $Fake
}

function Add-PdFakeCampaign {
    <#
    .SYNOPSIS
    Seeds a campaign deploying a solution version (ListCampaigns, DescribeCampaign); -PendingSolutionVersionArn
    reports an update to another version in progress (latestCampaignUpdate).
    .EXAMPLE
    Add-PdFakeCampaign -SolutionVersionArn $version.arn -Name 'retail-live'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $SolutionVersionArn,
        [Parameter(Mandatory)] [string] $Name,
        [string] $Status = 'ACTIVE',
        [double] $CreatedOffsetSeconds = 0,
        [Nullable[double]] $LastUpdatedOffsetSeconds,
        [string] $PendingSolutionVersionArn,
        [string] $PendingStatus,
        $Fake
    )
    $body = @{ solutionVersionArn = $SolutionVersionArn; name = $Name }
    if ($PendingSolutionVersionArn) { $body.pendingSolutionVersionArn = $PendingSolutionVersionArn }
    if ($PendingStatus) { $body.pendingStatus = $PendingStatus }
    Add-PdFakeResource -Kind campaign -Body $body -Status $Status -CreatedOffsetSeconds $CreatedOffsetSeconds -LastUpdatedOffsetSeconds $LastUpdatedOffsetSeconds -Fake $Fake
}

function Add-PdFakeDatasetImportJob {
    <#
    .SYNOPSIS
    Seeds an import job of a dataset (ListDatasetImportJobs). Statuses: CREATE PENDING, CREATE IN_PROGRESS,
    ACTIVE, CREATE FAILED.
    .EXAMPLE
    Add-PdFakeDatasetImportJob -DatasetArn $dataset.datasetArn -Name 'nightly-import' -Status 'CREATE IN_PROGRESS'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $DatasetArn,
        [Parameter(Mandatory)] [string] $Name,
        [string] $Status = 'ACTIVE',
        [double] $CreatedOffsetSeconds = 0,
        [Nullable[double]] $LastUpdatedOffsetSeconds,
        [ValidateSet('FULL', 'INCREMENTAL')] [string] $ImportMode = 'FULL',
        $Fake
    )
    Add-PdFakeResource -Kind datasetImportJob -Body @{ datasetArn = $DatasetArn; name = $Name; importMode = $ImportMode } -Status $Status -CreatedOffsetSeconds $CreatedOffsetSeconds -LastUpdatedOffsetSeconds $LastUpdatedOffsetSeconds -Fake $Fake
}

function Add-PdFakeBatchJob {
    <#
    .SYNOPSIS
    Seeds a batch inference job (ListBatchInferenceJobs, DescribeBatchInferenceJob) or, with -Kind Segment, a batch
    segment job (ListBatchSegmentJobs, DescribeBatchSegmentJob) on a solution version, with its jobOutput path.
    Statuses: PENDING, IN_PROGRESS, ACTIVE, CREATE FAILED.
    .EXAMPLE
    Add-PdFakeBatchJob -SolutionVersionArn $version.arn -Name 'weekly-recs' -OutputPath 's3://recs-out/weekly/'
    .EXAMPLE
    Add-PdFakeBatchJob -Kind Segment -SolutionVersionArn $version.arn -Name 'segments' -Status IN_PROGRESS
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $SolutionVersionArn,
        [Parameter(Mandatory)] [string] $Name,
        [ValidateSet('Inference', 'Segment')] [string] $Kind = 'Inference',
        [string] $Status = 'ACTIVE',
        [double] $CreatedOffsetSeconds = 0,
        [Nullable[double]] $LastUpdatedOffsetSeconds,
        [string] $OutputPath,
        [string] $InputPath,
        $Fake
    )
    $body = @{ solutionVersionArn = $SolutionVersionArn; name = $Name }
    if ($OutputPath) { $body.outputPath = $OutputPath }
    if ($InputPath) { $body.inputPath = $InputPath }
    Add-PdFakeResource -Kind "batch$($Kind)Job" -Body $body -Status $Status -CreatedOffsetSeconds $CreatedOffsetSeconds -LastUpdatedOffsetSeconds $LastUpdatedOffsetSeconds -Fake $Fake
}

function Add-PdFakeRecommender {
    <#
    .SYNOPSIS
    Seeds a recommender of a domain dataset group (ListRecommenders, DescribeRecommender). Statuses: CREATE PENDING,
    CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, STOP PENDING, STOP IN_PROGRESS, INACTIVE, START PENDING, START IN_PROGRESS,
    DELETE PENDING, DELETE IN_PROGRESS. -UpdateStatus reports its latest update (latestRecommenderUpdate, which only
    DescribeRecommender shows): CREATE PENDING, CREATE IN_PROGRESS, ACTIVE or CREATE FAILED, created
    -UpdateCreatedOffsetSeconds from now (by default when the recommender was last updated).
    .EXAMPLE
    Add-PdFakeRecommender -DatasetGroupArn $group -Name 'for-you' -Status 'CREATE IN_PROGRESS'
    .EXAMPLE
    Add-PdFakeRecommender -DatasetGroupArn $group -Name 'top-picks' -CreatedOffsetSeconds -86400 -LastUpdatedOffsetSeconds -60 -UpdateStatus 'CREATE IN_PROGRESS'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $DatasetGroupArn,
        [Parameter(Mandatory)] [string] $Name,
        [string] $Status = 'ACTIVE',
        [double] $CreatedOffsetSeconds = 0,
        [Nullable[double]] $LastUpdatedOffsetSeconds,
        [string] $RecipeArn,
        [string] $UpdateStatus,
        [Nullable[double]] $UpdateCreatedOffsetSeconds,
        $Fake
    )
    $body = @{ datasetGroupArn = $DatasetGroupArn; name = $Name }
    if ($RecipeArn) { $body.recipeArn = $RecipeArn }
    if ($UpdateStatus) { $body.updateStatus = $UpdateStatus }
    if ($null -ne $UpdateCreatedOffsetSeconds) { $body.updateCreatedOffsetSeconds = $UpdateCreatedOffsetSeconds }
    Add-PdFakeResource -Kind recommender -Body $body -Status $Status -CreatedOffsetSeconds $CreatedOffsetSeconds -LastUpdatedOffsetSeconds $LastUpdatedOffsetSeconds -Fake $Fake
}
