<#
.SYNOPSIS
    One measurement of bench/Compare-Builds.ps1, in a fresh process that imports one build of the module.
.DESCRIPTION
    Piped:  $ids | New-PDataDeletionJob (1,000,000 IDs by default), after a 1,000-ID warm-up; also
            $ids | Measure-Object in the same process, for scale. Prints "piped <ms> measure <ms>" per run.
    Path:   New-PDataDeletionJob -Path <File>, after a warm-up with the first 1,000 lines. Prints "path <ms>".
    Memory: pipes the first -Take of the -Count IDs once, then prints "memory <VmHWM bytes>".
    The fake is reset before each timed run (so exactly-once creates a new job) through its control API at the
    Personalize endpoint the parent set. A run that does not submit every ID throws.
#>
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [ValidateSet('Piped', 'Path', 'Memory')] [string] $Case,
    [int] $Count = 1000000,
    # Memory: how many of the -Count IDs to pipe (the array is the same either way).
    [int] $Take = 1000000,
    [string] $File,
    [string] $WarmFile,
    [int] $Runs = 3
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$group = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/retail'
$role = 'arn:aws:iam::123456789012:role/PersonalizeDeletionRole'
$staging = 's3://deletion-staging/bench/'
$http = [System.Net.Http.HttpClient]::new()
function Reset-Fake {
    $response = $http.PostAsync("$env:AWS_ENDPOINT_URL_PERSONALIZE/_fake/reset", $null).GetAwaiter().GetResult()
    if (-not $response.IsSuccessStatusCode) { throw "The fake did not reset: $([int]$response.StatusCode)" }
}
function Measure-Ms([scriptblock] $ScriptBlock) {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $ScriptBlock
    $watch.Elapsed.TotalMilliseconds
}
function Assert-Users($Job, [long] $Expected) {
    if (@($Job).Count -ne 1 -or $Job.UserCount -ne $Expected) { throw "Expected one job of $Expected users, got $(@($Job).Count) job(s) of $(@($Job).UserCount -join ', ')." }
}

Import-Module $Manifest
$ids = [string[]]::new($Count)
for ($i = 0; $i -lt $ids.Length; $i++) { $ids[$i] = 'user-' + ($i + 1) }

switch ($Case) {
    'Piped' {
        Reset-Fake
        Assert-Users ($ids[0..999] | New-PDataDeletionJob -DatasetGroupArn $group -RoleArn $role -StagingUri $staging -Force) 1000
        $null = $ids[0..999] | Measure-Object
        for ($run = 0; $run -lt $Runs; $run++) {
            Reset-Fake
            $module = Measure-Ms { $script:job = $ids | New-PDataDeletionJob -DatasetGroupArn $group -RoleArn $role -StagingUri $staging -Force -WarningAction SilentlyContinue }
            Assert-Users $script:job $ids.Length
            $measure = Measure-Ms { $null = $ids | Measure-Object }
            'piped {0:0.0} measure {1:0.0}' -f $module, $measure
        }
    }
    'Path' {
        Reset-Fake
        Assert-Users (New-PDataDeletionJob -Path $WarmFile -DatasetGroupArn $group -RoleArn $role -StagingUri $staging -Force) 1000
        for ($run = 0; $run -lt $Runs; $run++) {
            Reset-Fake
            $module = Measure-Ms { $script:job = New-PDataDeletionJob -Path $File -DatasetGroupArn $group -RoleArn $role -StagingUri $staging -Force -WarningAction SilentlyContinue }
            Assert-Users $script:job $Count
            'path {0:0.0}' -f $module
        }
    }
    'Memory' {
        Reset-Fake
        $source = if ($Take -lt $ids.Length) { [System.Linq.Enumerable]::Take($ids, $Take) } else { $ids }
        Assert-Users ($source | New-PDataDeletionJob -DatasetGroupArn $group -RoleArn $role -StagingUri $staging -Force) $Take
        $hwm = [long](((Get-Content /proc/self/status | Where-Object { $_ -like 'VmHWM:*' }) -split '\s+')[1]) * 1024
        'memory {0}' -f $hwm
    }
}
