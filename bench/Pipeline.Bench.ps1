<#
.SYNOPSIS
    1,000,000 user IDs piped into New-PDataDeletionJob, end to end (CSV staging upload included), against the fake.
.DESCRIPTION
    Everything runs in this one process, the module imported and warmed up (a 1,000-ID job first), the ID array
    built once before any timing with a .NET loop. Each run resets the fake first so the exactly-once logic
    creates a new job rather than returning the existing one. Runs alternate between the sides.
      1. $ids | New-PDataDeletionJob ... -Force        vs  $ids | Measure-Object           target <= 1.5x
      2. what users write today:                         vs  $ids | New-PDataDeletionJob    target module >= 4x faster
         $ids | ForEach-Object { [pscustomobject]@{USER_ID=$_} } | Export-Csv $file -NoTypeInformation
         then AWSSDK.S3 PutObject of $file to the fake (AmazonS3Client built once, outside the timing, from the
         AWSSDK.Core/S3 in the module folder - the module's own clients are built inside its timing).
    A last, untimed-for-the-verdict run with -Verbose stamps each verbose message to show where the time goes.
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
    Write-BenchHeader "Pipeline: $Count IDs, in one process, $Runs runs each side (alternating)"
    Write-BenchMachine
    Import-Module (Join-Path $ModulePath 'PersonalizeDeletion.psd1')
    $s3 = New-BenchS3Client -ModulePath $ModulePath -Fake $fake

    $watch = [Diagnostics.Stopwatch]::StartNew()
    $ids = New-BenchUserIdArray -Count $Count
    Write-Host ('   ID array built in {0:0} ms (not timed below)' -f $watch.Elapsed.TotalMilliseconds)

    $newJob = {
        $script:jobs = @($ids | New-PDataDeletionJob -DatasetGroupArn $BenchRetailGroup -RoleArn $BenchRole -StagingUri $staging -Force -WarningVariable warnings -WarningAction SilentlyContinue)
        $script:warned += @($warnings).Count
    }
    $measure = { $null = $ids | Measure-Object }
    $csvFile = Join-Path $temp 'users.csv'
    $userScript = {
        $ids | ForEach-Object { [pscustomobject]@{ USER_ID = $_ } } | Export-Csv -Path $csvFile -NoTypeInformation
        Send-BenchS3File -Client $s3 -Bucket 'deletion-staging' -Key "bench/user-script-$([guid]::NewGuid().ToString('n')).csv" -FilePath $csvFile
    }

    # Warm-up: JIT both sides and the SDK clients; not measured.
    Reset-BenchFake -Fake $fake
    $null = $ids[0..999] | New-PDataDeletionJob -DatasetGroupArn $BenchRetailGroup -RoleArn $BenchRole -StagingUri $staging -Force
    $null = $ids[0..999] | Measure-Object
    $ids[0..999] | ForEach-Object { [pscustomobject]@{ USER_ID = $_ } } | Export-Csv -Path $csvFile -NoTypeInformation
    Send-BenchS3File -Client $s3 -Bucket 'deletion-staging' -Key 'bench/warm.csv' -FilePath $csvFile

    $module = [Collections.Generic.List[double]]::new()
    $baseline = [Collections.Generic.List[double]]::new()
    $user = [Collections.Generic.List[double]]::new()
    $script:warned = 0
    $created = 0
    for ($run = 0; $run -lt $Runs; $run++) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $baseline.Add((Measure-BenchMs $measure))
        Reset-BenchFake -Fake $fake
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $module.Add((Measure-BenchMs $newJob))
        $created += @($script:jobs | Where-Object { $_.UserCount -eq $Count }).Count
        Reset-BenchFake -Fake $fake
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $user.Add((Measure-BenchMs $userScript))
        Write-Host ('   run {0}: Measure-Object {1:0} ms, New-PDataDeletionJob {2:0} ms, ForEach/Export-Csv/PutObject {3:0} ms' -f ($run + 1), $baseline[-1], $module[-1], $user[-1])
    }
    $csvBytes = (Get-Item $csvFile).Length

    Write-Host ''
    $b = Write-BenchTimes -Label '$ids | Measure-Object' -Value $baseline
    $m = Write-BenchTimes -Label '$ids | New-PDataDeletionJob (upload + job)' -Value $module
    $u = Write-BenchTimes -Label 'ForEach pscustomobject | Export-Csv + PutObject' -Value $user
    Write-Host ('   new jobs created with all {0} IDs: {1} of {2} runs; warnings: {3}; user CSV {4:N0} bytes' -f $Count, $created, $Runs, $script:warned, $csvBytes)
    Write-BenchVerdict -Name 'Pipeline vs Measure-Object' -Pass (($m / $b) -le 1.5) -Detail ('{0:0.00}x ({1:0} ms vs {2:0} ms; target <= 1.5x)' -f ($m / $b), $m, $b)
    Write-BenchVerdict -Name 'Pipeline vs ForEach/Export-Csv/PutObject' -Pass (($u / $m) -ge 4) -Detail ('module {0:0.0}x faster ({1:0} ms vs {2:0} ms; target >= 4x)' -f ($u / $m), $m, $u)

    Write-BenchHeader 'Where the time goes: one more run with -Verbose, each message stamped (ms since the pipeline started)'
    Reset-BenchFake -Fake $fake
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $ids | New-PDataDeletionJob -DatasetGroupArn $BenchRetailGroup -RoleArn $BenchRole -StagingUri $staging -Force -Verbose 4>&1 |
        ForEach-Object {
            $text = if ($_ -is [System.Management.Automation.VerboseRecord]) { 'VERBOSE: ' + $_.Message } else { 'output: ' + $_.JobName }
            Write-Host ('   {0,7:0} ms  {1}' -f $watch.Elapsed.TotalMilliseconds, $(if ($text.Length -gt 110) { $text.Substring(0, 107) + '...' } else { $text }))
        }
    Write-Host ('   {0,7:0} ms  pipeline ended' -f $watch.Elapsed.TotalMilliseconds)
    foreach ($request in Get-BenchFakeRequest -Fake $fake) {
        Write-Host ('   fake: {0:HH:mm:ss.fff} {1,-12} {2,-28} {3} bytes' -f $request.time.ToLocalTime(), $request.service, $request.operation, $request.bodyLength)
    }
    Write-BenchMachine
}
finally {
    Stop-BenchFake -Fake $fake
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
