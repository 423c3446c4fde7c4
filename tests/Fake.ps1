# Helpers for driving the recorded-responses fake (tests/PersonalizeDeletion.Fake) from Pester.
# Dot-source this file; Start-PdFake runs the already-built fake and remembers it as the default
# for the other functions, which all talk to its /_fake/ control endpoints on 127.0.0.1.
# Runs in PowerShell 7 and in Windows PowerShell 5.1 (build.ps1 -TestHost powershell).

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
    .OUTPUTS
    An object with Url (http://127.0.0.1:PORT), Port and Process.
    #>
    [CmdletBinding()]
    param(
        [string] $RecordingsPath,
        [string] $ModelPath,
        [int] $Port = 0,
        [int] $TimeoutSeconds = 30
    )

    $dll = Find-PdFakeDll
    $arguments = [System.Collections.Generic.List[string]]::new()
    $arguments.Add($dll)
    $arguments.Add('--port'); $arguments.Add([string]$Port)
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
        Process = $process
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
        [ValidateSet('personalize', 's3')] [string] $Service,
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
    Adds a fault rule. Operation: a Personalize operation name, 's3:<Operation>', 's3:*' or '*'.
    Count: times to fire (-1 forever). Every: fire on every K-th matching call.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Operation,
        [Parameter(Mandatory)] [ValidateSet('throttle', 'error500', 'drop-after', 'drop-before', 'delay')] [string] $Kind,
        [int] $Count = 1,
        [int] $Every = 1,
        [int] $DelayMs = 0,
        $Fake
    )
    $rule = @{ operation = $Operation; kind = $Kind; count = $Count; every = $Every; delayMs = $DelayMs }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'faults' -Body $rule | Out-Null
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
    failureReason, clockOffsetSeconds. Returns the settings now in force.
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
        $Fake
    )
    $credential = @{ accessKeyId = $AccessKeyId; secretAccessKey = $SecretAccessKey }
    if ($SessionToken) { $credential.sessionToken = $SessionToken }
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
    <# .SYNOPSIS Seeds Count jobs named <NamePrefix>-0001.. with a fixed status and distinct creation times (newest last). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $DatasetGroupArn,
        [int] $Count = 1,
        [ValidateSet('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED')] [string] $Status = 'COMPLETED',
        [string] $NamePrefix = 'seed',
        [int] $NumDeleted = 1,
        $Fake
    )
    $seed = @{ datasetGroupArn = $DatasetGroupArn; count = $Count; status = $Status; namePrefix = $NamePrefix; numDeleted = $NumDeleted }
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 'jobs' -Body $seed
}

function Get-PdFakeJob {
    <# .SYNOPSIS Every job's full state (creation/lastUpdated as ISO-8601 times), newest first. #>
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
    <# .SYNOPSIS Seeds an object from a string or bytes; Metadata entries become x-amz-meta-* metadata. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Bucket,
        [Parameter(Mandatory)] [string] $Key,
        [Parameter(Mandatory)] $Content,
        [string] $ContentType = 'text/csv',
        [hashtable] $Metadata = @{},
        $Fake
    )
    $target = Resolve-PdFake $Fake
    # Typed so that the if-expression's output is not unrolled into an object[] of numbers.
    [byte[]]$bytes = if ($Content -is [byte[]]) { $Content } else { [System.Text.Encoding]::UTF8.GetBytes([string]$Content) }
    $headers = @{}
    foreach ($entry in $Metadata.GetEnumerator()) { $headers["x-amz-meta-$($entry.Key)"] = [string]$entry.Value }
    $uri = "$($target.Url)/_fake/s3/object?bucket=$([uri]::EscapeDataString($Bucket))&key=$([uri]::EscapeDataString($Key))"
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
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Owner = '123456789012',
        $Fake
    )
    Invoke-PdFakeControl -Fake (Resolve-PdFake $Fake) -Method Post -Path 's3/buckets' -Body @{ name = $Name; owner = $Owner } | Out-Null
}
