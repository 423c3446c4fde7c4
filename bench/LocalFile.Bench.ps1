<#
.SYNOPSIS
    New-PDataDeletionJob -Path <1,000,000-ID CSV> vs uploading the same file with AWSSDK.S3 PutObject.
.DESCRIPTION
    Both in this one process, module imported and both sides warmed up first (a small file each). The fake is
    reset before each module run so the exactly-once logic creates a new job. The module reads, validates,
    de-duplicates and re-stages the IDs, then creates the job; the baseline only uploads the bytes
    (AmazonS3Client built once outside the timing from the AWSSDK.Core/S3 in the module folder).
    Target: at most 1.5x.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $FakePath,
    [int] $Runs = 5,
    [int] $Count = 1000000
)

. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

$ModulePath = (Resolve-Path $ModulePath).Path
$staging = 's3://deletion-staging/bench/'
$fake = Start-BenchFake -FakePath $FakePath
$temp = Set-BenchEnvironment -Fake $fake
try {
    Write-BenchHeader "Local file: $Count-ID CSV, in one process, $Runs runs each side (alternating)"
    Write-BenchMachine
    Import-Module (Join-Path $ModulePath 'PersonalizeDeletion.psd1')
    $s3 = New-BenchS3Client -ModulePath $ModulePath -Fake $fake

    function New-IdFile([string] $Path, [int] $N) {
        $writer = [IO.StreamWriter]::new($Path, $false, [Text.UTF8Encoding]::new($false))
        try {
            $writer.Write("USER_ID`n")
            for ($i = 1; $i -le $N; $i++) { $writer.Write('user-'); $writer.Write($i); $writer.Write("`n") }
        }
        finally { $writer.Dispose() }
    }
    $file = Join-Path $temp 'users.csv'
    $small = Join-Path $temp 'warm.csv'
    New-IdFile -Path $file -N $Count
    New-IdFile -Path $small -N 1000
    Write-Host ('   file: {0:N0} bytes' -f (Get-Item $file).Length)

    $newJob = { $script:job = New-PDataDeletionJob -Path $file -DatasetGroupArn $BenchRetailGroup -RoleArn $BenchRole -StagingUri $staging -Force }
    $put = { Send-BenchS3File -Client $s3 -Bucket 'deletion-staging' -Key "bench/put-$([guid]::NewGuid().ToString('n')).csv" -FilePath $file }

    Reset-BenchFake -Fake $fake
    $null = New-PDataDeletionJob -Path $small -DatasetGroupArn $BenchRetailGroup -RoleArn $BenchRole -StagingUri $staging -Force
    Send-BenchS3File -Client $s3 -Bucket 'deletion-staging' -Key 'bench/warm.csv' -FilePath $small

    $module = [Collections.Generic.List[double]]::new()
    $baseline = [Collections.Generic.List[double]]::new()
    $created = 0
    for ($run = 0; $run -lt $Runs; $run++) {
        Reset-BenchFake -Fake $fake
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $baseline.Add((Measure-BenchMs $put))
        Reset-BenchFake -Fake $fake
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $module.Add((Measure-BenchMs $newJob))
        if ($script:job.UserCount -eq $Count) { $created++ }
        Write-Host ('   run {0}: PutObject {1:0} ms, New-PDataDeletionJob -Path {2:0} ms' -f ($run + 1), $baseline[-1], $module[-1])
    }

    Write-Host ''
    $b = Write-BenchTimes -Label 'AWSSDK.S3 PutObject of the file' -Value $baseline
    $m = Write-BenchTimes -Label 'New-PDataDeletionJob -Path (read+stage+job)' -Value $module
    Write-Host ("   new jobs created with all $Count IDs: $created of $Runs runs")
    Write-BenchVerdict -Name 'Local file vs PutObject' -Pass (($m / $b) -le 1.5) -Detail ('{0:0.00}x ({1:0} ms vs {2:0} ms; target <= 1.5x)' -f ($m / $b), $m, $b)

    Write-BenchHeader 'Where the time goes: one more run with -Verbose, each message stamped'
    Reset-BenchFake -Fake $fake
    $watch = [Diagnostics.Stopwatch]::StartNew()
    New-PDataDeletionJob -Path $file -DatasetGroupArn $BenchRetailGroup -RoleArn $BenchRole -StagingUri $staging -Force -Verbose 4>&1 |
        ForEach-Object {
            $text = if ($_ -is [System.Management.Automation.VerboseRecord]) { 'VERBOSE: ' + $_.Message } else { 'output: ' + $_.JobName }
            Write-Host ('   {0,7:0} ms  {1}' -f $watch.Elapsed.TotalMilliseconds, $(if ($text.Length -gt 110) { $text.Substring(0, 107) + '...' } else { $text }))
        }
    foreach ($request in Get-BenchFakeRequest -Fake $fake) {
        Write-Host ('   fake: {0:HH:mm:ss.fff} {1,-12} {2,-28} {3} bytes' -f $request.time.ToLocalTime(), $request.service, $request.operation, $request.bodyLength)
    }
    Write-BenchMachine
}
finally {
    Stop-BenchFake -Fake $fake
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
