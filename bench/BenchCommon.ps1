# Shared helpers for the benchmarks in bench/. Dot-source it: . (Join-Path $PSScriptRoot 'BenchCommon.ps1')
#
# Every benchmark prints the median of N runs of the measured command and of a baseline measured in the same
# run, their ratio (or difference), and one PASS/MISS line against its target. A miss is reported, never an
# exit-code failure: CI does not run benchmarks.

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$script:BenchRepoRoot = Split-Path $PSScriptRoot
$script:BenchRetailGroup = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/retail'
$script:BenchMediaGroup = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/media'
$script:BenchRole = 'arn:aws:iam::123456789012:role/PersonalizeDeletionRole'
$script:BenchAccessKey = 'AKIAFAKEDEFAULT00001'
$script:BenchSecretKey = 'fakeSecretDefault0000000000000000000000'

# The pwsh.dll this process runs on: `dotnet <it>` is `dotnet pwsh` without the local-tool shim's lookup.
$script:BenchPwshDll = [System.Reflection.Assembly]::GetEntryAssembly().Location

function Get-BenchMedian {
    param([Parameter(Mandatory)] [double[]] $Value)
    $sorted = [double[]]($Value | Sort-Object)
    $n = $sorted.Count
    if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

function Measure-BenchMs {
    <# Milliseconds one script block takes, by Stopwatch. #>
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $null = & $ScriptBlock
    $watch.Stop()
    $watch.Elapsed.TotalMilliseconds
}

function Invoke-BenchChild {
    <#
    .SYNOPSIS
        Runs a child process to its end (stdout/stderr captured) and returns wall time, exit code and output.
        The child inherits this process's environment (the bench's AWS_* settings included).
    #>
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [string] $WorkingDirectory = $script:BenchRepoRoot
    )
    $info = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($a in $ArgumentList) { $info.ArgumentList.Add($a) }
    $info.WorkingDirectory = $WorkingDirectory
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.RedirectStandardInput = $true
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $process = [System.Diagnostics.Process]::Start($info)
    $process.StandardInput.Close()
    $stderrTask = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    $watch.Stop()
    [pscustomobject]@{
        Ms       = $watch.Elapsed.TotalMilliseconds
        ExitCode = $process.ExitCode
        Output   = $stdout
        Error    = $stderrTask.Result
    }
}

function Invoke-BenchPwsh {
    <# A fresh `dotnet pwsh -NoProfile -NonInteractive -Command <Command>` (or `dotnet <pwsh.dll>` with -Direct). #>
    param([Parameter(Mandatory)] [string] $Command, [switch] $Direct, [switch] $AllowFailure)
    $arguments = @(if ($Direct) { $script:BenchPwshDll } else { 'pwsh' }) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
    $result = Invoke-BenchChild -FilePath 'dotnet' -ArgumentList $arguments
    if ($result.ExitCode -ne 0 -and -not $AllowFailure) {
        throw "Child pwsh failed (exit $($result.ExitCode)): $Command`n$($result.Output)`n$($result.Error)"
    }
    $result
}

function Start-BenchFake {
    <# Starts the recorded-responses fake; returns an object with Url and Process. It exits when its stdin closes. #>
    param([Parameter(Mandatory)] [string] $FakePath)
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $info.ArgumentList.Add($FakePath)
    $info.WorkingDirectory = $script:BenchRepoRoot
    $info.UseShellExecute = $false
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $line = $null
    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait(60000)) { $process.Kill(); throw 'The fake did not report LISTENING within 60 s.' }
    $line = $read.Result
    if ($line -notmatch '^LISTENING (\S+)') { $process.Kill(); throw "The fake did not start: '$line'" }
    $url = $Matches[1].TrimEnd('/')
    [pscustomobject]@{ Url = $url; Process = $process; Http = [System.Net.Http.HttpClient]::new() }
}

function Stop-BenchFake {
    param([Parameter(Mandatory)] $Fake)
    try { $Fake.Process.StandardInput.Close() } catch { }
    if (-not $Fake.Process.WaitForExit(10000)) { $Fake.Process.Kill() }
    $Fake.Http.Dispose()
}

function Invoke-BenchFakeApi {
    <# Calls a /_fake/ control endpoint; returns the parsed JSON (or $null for an empty body). #>
    param([Parameter(Mandatory)] $Fake, [string] $Method = 'GET', [Parameter(Mandatory)] [string] $Route, $Body)
    $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), "$($Fake.Url)/_fake/$Route")
    if ($null -ne $Body) {
        $json = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Compress -Depth 5 }
        $request.Content = [System.Net.Http.StringContent]::new($json, [Text.Encoding]::UTF8, 'application/json')
    }
    $response = $Fake.Http.SendAsync($request).GetAwaiter().GetResult()
    $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
    if (-not $response.IsSuccessStatusCode) { throw "$Method /_fake/$Route -> $([int]$response.StatusCode): $text" }
    if ($text) { $text | ConvertFrom-Json -Depth 20 } else { $null }
}

function Reset-BenchFake { param([Parameter(Mandatory)] $Fake) $null = Invoke-BenchFakeApi -Fake $Fake -Method POST -Route 'reset' }

function Set-BenchFakeConfig {
    param([Parameter(Mandatory)] $Fake, [Parameter(Mandatory)] [hashtable] $Settings)
    $null = Invoke-BenchFakeApi -Fake $Fake -Method POST -Route 'config' -Body $Settings
}

function Get-BenchFakeRequest { param([Parameter(Mandatory)] $Fake) @(Invoke-BenchFakeApi -Fake $Fake -Route 'requests') }

function Set-BenchEnvironment {
    <#
    .SYNOPSIS
        Points this process (and the children it starts) at the fake with environment settings only, as a user
        would point the module at any endpoint: fake test credentials, us-east-1, no IMDS, empty profile files.
        Returns the temp folder it made (remove it at the end).
    #>
    param([Parameter(Mandatory)] $Fake)
    $temp = Join-Path ([IO.Path]::GetTempPath()) ('pd-bench-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $temp
    $credentials = Join-Path $temp 'credentials'
    $config = Join-Path $temp 'config'
    [IO.File]::WriteAllText($credentials, '')
    [IO.File]::WriteAllText($config, '')
    foreach ($name in 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL',
        'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI',
        'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ROLE_ARN') {
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    $env:AWS_ACCESS_KEY_ID = $script:BenchAccessKey
    $env:AWS_SECRET_ACCESS_KEY = $script:BenchSecretKey
    $env:AWS_REGION = 'us-east-1'
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:AWS_SHARED_CREDENTIALS_FILE = $credentials
    $env:AWS_CONFIG_FILE = $config
    $env:AWS_ENDPOINT_URL_PERSONALIZE = $Fake.Url
    $env:AWS_ENDPOINT_URL_S3 = $Fake.Url
    $temp
}

function New-BenchUserIdArray {
    <# user-1 .. user-N as a string[], built with a plain .NET loop (seconds faster than 1..N | % { }). #>
    param([Parameter(Mandatory)] [int] $Count)
    $ids = [string[]]::new($Count)
    for ($i = 0; $i -lt $Count; $i++) { $ids[$i] = 'user-' + ($i + 1) }
    , $ids
}

function New-BenchS3Client {
    <#
    .SYNOPSIS
        An AWSSDK.S3 AmazonS3Client aimed at the fake, loaded from the built module folder: what a user who
        uploads the CSV themselves would run.
    #>
    param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] $Fake)
    foreach ($name in 'AWSSDK.Core.dll', 'AWSSDK.S3.dll') {
        $null = [System.Reflection.Assembly]::LoadFrom((Join-Path $ModulePath $name))
    }
    $config = New-Object -TypeName Amazon.S3.AmazonS3Config
    $config.ServiceURL = $Fake.Url
    $config.ForcePathStyle = $true
    $config.AuthenticationRegion = 'us-east-1'
    $credentials = New-Object -TypeName Amazon.Runtime.BasicAWSCredentials -ArgumentList $script:BenchAccessKey, $script:BenchSecretKey
    New-Object -TypeName Amazon.S3.AmazonS3Client -ArgumentList $credentials, $config
}

function Send-BenchS3File {
    <# PutObject of one local file through an AmazonS3Client (synchronously waits on the async call). #>
    param([Parameter(Mandatory)] $Client, [Parameter(Mandatory)] [string] $Bucket, [Parameter(Mandatory)] [string] $Key, [Parameter(Mandatory)] [string] $FilePath)
    $request = New-Object -TypeName Amazon.S3.Model.PutObjectRequest
    $request.BucketName = $Bucket
    $request.Key = $Key
    $request.FilePath = $FilePath
    $request.ContentType = 'text/csv'
    $response = $Client.PutObjectAsync($request).GetAwaiter().GetResult()
    if ([int]$response.HttpStatusCode -ne 200) { throw "PutObject returned $($response.HttpStatusCode)." }
}

function Write-BenchHeader {
    param([Parameter(Mandatory)] [string] $Title)
    Write-Host ''
    Write-Host "-- $Title"
}

function Write-BenchMachine {
    <# Cores and load average: timings on a busy 2-core machine are only comparable within one run. #>
    $load = if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg -Raw) -split ' ')[0..2] -join ' ' } else { 'n/a' }
    Write-Host ("   machine: {0} cores, load average {1}, PowerShell {2}" -f [Environment]::ProcessorCount, $load, $PSVersionTable.PSVersion)
}

function Write-BenchTimes {
    <# One line per measurement: the label, each run, the median. #>
    param([Parameter(Mandatory)] [string] $Label, [Parameter(Mandatory)] [double[]] $Value, [string] $Unit = 'ms')
    $median = Get-BenchMedian $Value
    $runs = ($Value | ForEach-Object { $_.ToString('0') }) -join ' '
    Write-Host ('   {0,-52} median {1,9:0.0} {2}   (runs: {3})' -f $Label, $median, $Unit, $runs)
    $median
}

function Write-BenchVerdict {
    <# Prints "PASS" or "MISS" with the measured figure and the target; never throws on a miss. #>
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [bool] $Pass, [Parameter(Mandatory)] [string] $Detail)
    $word = if ($Pass) { 'PASS' } else { 'MISS' }
    $color = if ($Pass) { 'Green' } else { 'Yellow' }
    Write-Host ("{0} {1}: {2}" -f $word, $Name, $Detail) -ForegroundColor $color
}
