<#
.SYNOPSIS
    Peak working set of piping 1,000,000 user IDs into New-PDataDeletionJob vs 100,000, each in a fresh child.
.DESCRIPTION
    Every child is a fresh `dotnet pwsh` that imports the module, builds the same 1,000,000-ID string[] with a
    .NET loop, pipes either all of it or only its first 100,000 (a LINQ Take over the same array, so no copy)
    into New-PDataDeletionJob against the fake, then reports its own peak working set (VmHWM from
    /proc/self/status, which is what Process.PeakWorkingSet64 reads on Linux). The array costs the same in both,
    so the difference is what the module's memory grows with the number of IDs. Target: at most +40 MB.
    The fake is reset before each child so each one stages and creates a new job.
    One more child that builds the array and imports the module but pipes nothing shows the floor, and the same
    pair of children piping into Measure-Object instead shows how much PowerShell's own pipeline grows with the
    number of objects (its garbage and GC budget), which the target includes.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $FakePath,
    [int] $Runs = 5
)

. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

$manifest = Join-Path (Resolve-Path $ModulePath) 'PersonalizeDeletion.psd1'
$template = @'
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module '__MANIFEST__'
$ids = [string[]]::new(1000000)
for ($i = 0; $i -lt $ids.Length; $i++) { $ids[$i] = 'user-' + ($i + 1) }
$take = __TAKE__
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$users = 0
if ($take -gt 0) {
    $source = if ($take -lt $ids.Length) { [System.Linq.Enumerable]::Take($ids, $take) } else { $ids }
    if (__MEASURE__) { $users = ($source | Measure-Object).Count }
    else {
        $job = $source | New-PDataDeletionJob -DatasetGroupArn __GROUP__ -RoleArn __ROLE__ -StagingUri s3://deletion-staging/bench/ -Force
        $users = $job.UserCount
    }
}
$ms = $watch.Elapsed.TotalMilliseconds
$hwm = [long](((Get-Content /proc/self/status | Where-Object { $_ -like 'VmHWM:*' }) -split '\s+')[1]) * 1024
$peak = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
$gc = [GC]::GetGCMemoryInfo()
'{0} {1} {2} {3} {4}' -f $hwm, $peak, $users, $ms, $gc.HeapSizeBytes
'@ -replace '__MANIFEST__', $manifest -replace '__GROUP__', $BenchRetailGroup -replace '__ROLE__', $BenchRole

function Invoke-MemoryChild([int] $Take, [switch] $MeasureObject) {
    Reset-BenchFake -Fake $fake
    $result = Invoke-BenchPwsh -Command ($template -replace '__TAKE__', $Take -replace '__MEASURE__', $(if ($MeasureObject) { '$true' } else { '$false' })) -Direct
    $fields = ($result.Output.Trim() -split "`n")[-1] -split ' '
    if ($Take -gt 0 -and [long]$fields[2] -ne $Take) { throw "The child submitted $($fields[2]) users, expected $Take.`n$($result.Output)`n$($result.Error)" }
    [pscustomobject]@{ Hwm = [double]$fields[0] / 1MB; Peak = [double]$fields[1] / 1MB; Ms = [double]$fields[3]; Heap = [double]$fields[4] / 1MB }
}

$fake = Start-BenchFake -FakePath $FakePath
$temp = Set-BenchEnvironment -Fake $fake
try {
    Write-BenchHeader "Peak working set, fresh `dotnet pwsh.dll` children, $Runs runs each (alternating)"
    Write-BenchMachine
    $large = [Collections.Generic.List[object]]::new()
    $small = [Collections.Generic.List[object]]::new()
    $largeMeasure = [Collections.Generic.List[object]]::new()
    $smallMeasure = [Collections.Generic.List[object]]::new()
    for ($run = 0; $run -lt $Runs; $run++) {
        $small.Add((Invoke-MemoryChild -Take 100000))
        $large.Add((Invoke-MemoryChild -Take 1000000))
        $smallMeasure.Add((Invoke-MemoryChild -Take 100000 -MeasureObject))
        $largeMeasure.Add((Invoke-MemoryChild -Take 1000000 -MeasureObject))
        Write-Host ('   run {0}: 100,000 IDs {1:0.0} MB ({2:0} ms), 1,000,000 IDs {3:0.0} MB ({4:0} ms); Measure-Object {5:0.0} MB, {6:0.0} MB' -f ($run + 1), $small[-1].Hwm, $small[-1].Ms, $large[-1].Hwm, $large[-1].Ms, $smallMeasure[-1].Hwm, $largeMeasure[-1].Hwm)
    }
    $floor = Invoke-MemoryChild -Take 0

    Write-Host ''
    $s = Write-BenchTimes -Label 'VmHWM, first 100,000 of the 1,000,000 array' -Value ($small | ForEach-Object Hwm) -Unit 'MB'
    $l = Write-BenchTimes -Label 'VmHWM, all 1,000,000' -Value ($large | ForEach-Object Hwm) -Unit 'MB'
    $null = Write-BenchTimes -Label 'Process.PeakWorkingSet64, 100,000' -Value ($small | ForEach-Object Peak) -Unit 'MB'
    $null = Write-BenchTimes -Label 'Process.PeakWorkingSet64, 1,000,000' -Value ($large | ForEach-Object Peak) -Unit 'MB'
    $null = Write-BenchTimes -Label 'GC heap at the end, 100,000' -Value ($small | ForEach-Object Heap) -Unit 'MB'
    $null = Write-BenchTimes -Label 'GC heap at the end, 1,000,000' -Value ($large | ForEach-Object Heap) -Unit 'MB'
    Write-Host ('   floor (array built, module imported, nothing piped): VmHWM {0:0.0} MB, GC heap {1:0.0} MB' -f $floor.Hwm, $floor.Heap)
    $sm = Write-BenchTimes -Label 'VmHWM, 100,000 into Measure-Object' -Value ($smallMeasure | ForEach-Object Hwm) -Unit 'MB'
    $lm = Write-BenchTimes -Label 'VmHWM, 1,000,000 into Measure-Object' -Value ($largeMeasure | ForEach-Object Hwm) -Unit 'MB'
    Write-Host ('   PowerShell''s own pipeline grows {0:0.0} MB from 100,000 to 1,000,000 objects; the module''s own share of the difference below is about {1:0.0} MB' -f ($lm - $sm), (($l - $s) - ($lm - $sm)))
    Write-BenchVerdict -Name 'Memory 1,000,000 vs 100,000 IDs' -Pass (($l - $s) -le 40) -Detail ('+{0:0.0} MB ({1:0.0} MB vs {2:0.0} MB; target <= +40 MB)' -f ($l - $s), $l, $s)
    Write-BenchMachine
}
finally {
    Stop-BenchFake -Fake $fake
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
