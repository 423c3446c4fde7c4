<#
.SYNOPSIS
    Compares two builds of the module in one run, alternating: 1,000,000 IDs piped (bench/Pipeline), -Path with a
    1,000,000-ID file (bench/LocalFile), and the memory 1,000,000 IDs take over 100,000 (bench/Memory).
.DESCRIPTION
    Two builds cannot share a process (same assembly and cmdlet names), so every measurement is a fresh child
    (bench/Compare.Child.ps1) that imports one build, warms it up and times -InnerRuns runs, of which the median
    counts (as in bench/Pipeline and bench/LocalFile, the first run in a process still pays the JIT's tiering:
    keep -InnerRuns at 3 or more for figures). Each round runs every case for both builds, the order swapped every round (baseline first, then candidate first) so drift on a
    shared machine hits both alike; one fake serves both. The verdicts: the candidate within 5% of the baseline
    (time, and the memory growth from 100,000 to 1,000,000 IDs), and whether the baseline is more than 10% faster.

    A baseline from a commit: bench/New-BaselineBuild.ps1 -Commit e8204c3 builds it under output/baseline.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Build
    dotnet pwsh bench/New-BaselineBuild.ps1 -Commit e8204c3
    dotnet pwsh bench/Compare-Builds.ps1 -Baseline output/baseline/PersonalizeDeletion -Candidate output/PersonalizeDeletion
.EXAMPLE
    dotnet pwsh bench/Compare-Builds.ps1 -Baseline output/baseline/PersonalizeDeletion -Candidate output/PersonalizeDeletion -Rounds 1 -InnerRuns 1 -Count 20000
    A smoke run: does everything work, in a minute.
#>
param(
    [Parameter(Mandatory)] [string] $Baseline,
    [Parameter(Mandatory)] [string] $Candidate,
    # The fake to run against; default: the one build.ps1 publishes.
    [string] $FakePath,
    [int] $Rounds = 5,
    [int] $InnerRuns = 3,
    [int] $Count = 1000000,
    # Piped, Path, Memory (from a shell, -Case Piped,Path arrives as one string).
    [string[]] $Case = @('Piped', 'Path', 'Memory')
)

. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

$Case = @($Case | ForEach-Object { $_ -split ',' })
foreach ($name in $Case) { if ($name -notin 'Piped', 'Path', 'Memory') { throw "-Case takes Piped, Path and Memory, not '$name'." } }

if (-not $FakePath) { $FakePath = Join-Path $BenchRepoRoot 'output/fake/PersonalizeDeletion.Fake.dll' }
$builds = [ordered]@{
    baseline  = Join-Path (Resolve-Path $Baseline).Path 'PersonalizeDeletion.psd1'
    candidate = Join-Path (Resolve-Path $Candidate).Path 'PersonalizeDeletion.psd1'
}
foreach ($manifest in $builds.Values) { if (-not (Test-Path $manifest)) { throw "No module at $manifest." } }
$child = Join-Path $PSScriptRoot 'Compare.Child.ps1'
$small = [Math]::Max(1000, [int]($Count / 10))

function Invoke-CompareChild([string] $Manifest, [string[]] $Arguments) {
    $result = Invoke-BenchChild -FilePath 'dotnet' -ArgumentList (@($BenchPwshDll, '-NoProfile', '-NonInteractive', '-File', $child, '-Manifest', $Manifest) + $Arguments)
    if ($result.ExitCode -ne 0) { throw "The child failed (exit $($result.ExitCode)): $($Arguments -join ' ')`n$($result.Output)`n$($result.Error)" }
    $lines = @($result.Output -split "`n" | Where-Object { $_ -match '^(piped|path|memory) ' })
    if ($lines.Count -eq 0) { throw "The child printed no measurement: $($Arguments -join ' ')`n$($result.Output)`n$($result.Error)" }
    $lines
}

$fake = Start-BenchFake -FakePath $FakePath
$temp = Set-BenchEnvironment -Fake $fake
try {
    Write-BenchHeader "Two builds, $Rounds round(s) alternating, $InnerRuns timed run(s) per child, $Count IDs"
    foreach ($name in $builds.Keys) { Write-Host ("   {0,-9} {1}" -f $name, $builds[$name]) }
    Write-BenchMachine

    $file = Join-Path $temp 'users.csv'
    $warm = Join-Path $temp 'warm.csv'
    foreach ($target in @(@{ Path = $file; N = $Count }, @{ Path = $warm; N = 1000 })) {
        $writer = [IO.StreamWriter]::new($target.Path, $false, [Text.UTF8Encoding]::new($false))
        try {
            $writer.Write("USER_ID`n")
            for ($i = 1; $i -le $target.N; $i++) { $writer.Write('user-'); $writer.Write($i); $writer.Write("`n") }
        }
        finally { $writer.Dispose() }
    }

    $times = @{}
    foreach ($name in $builds.Keys) {
        foreach ($series in 'piped', 'measure', 'path', 'memory') { $times["$name/$series"] = [Collections.Generic.List[double]]::new() }
    }

    for ($round = 0; $round -lt $Rounds; $round++) {
        $order = if ($round % 2) { @('candidate', 'baseline') } else { @('baseline', 'candidate') }
        foreach ($name in $order) {
            $manifest = $builds[$name]
            $line = "   round $($round + 1) $($name.PadRight(9))"
            if ('Piped' -in $Case) {
                $runs = @(Invoke-CompareChild $manifest @('-Case', 'Piped', '-Count', $Count, '-Runs', $InnerRuns) | ForEach-Object { , ($_ -split ' ') })
                $times["$name/piped"].Add((Get-BenchMedian ($runs | ForEach-Object { [double]$_[1] })))
                $times["$name/measure"].Add((Get-BenchMedian ($runs | ForEach-Object { [double]$_[3] })))
                $line += ' piped {0:0} ms' -f $times["$name/piped"][-1]
            }
            if ('Path' -in $Case) {
                $runs = @(Invoke-CompareChild $manifest @('-Case', 'Path', '-Count', $Count, '-File', $file, '-WarmFile', $warm, '-Runs', $InnerRuns))
                $times["$name/path"].Add((Get-BenchMedian ($runs | ForEach-Object { [double]($_ -split ' ')[1] })))
                $line += ', -Path {0:0} ms' -f $times["$name/path"][-1]
            }
            if ('Memory' -in $Case) {
                $low = [double]((@(Invoke-CompareChild $manifest @('-Case', 'Memory', '-Count', $Count, '-Take', $small))[0] -split ' ')[1])
                $high = [double]((@(Invoke-CompareChild $manifest @('-Case', 'Memory', '-Count', $Count, '-Take', $Count))[0] -split ' ')[1])
                $times["$name/memory"].Add(($high - $low) / 1MB)
                $line += ', memory +{0:0.0} MB' -f $times["$name/memory"][-1]
            }
            Write-Host $line
        }
    }

    Write-Host ''
    $cases = @(
        @{ Case = 'Piped'; Series = 'piped'; Label = "$Count IDs piped (bench/Pipeline)"; Unit = 'ms' }
        @{ Case = 'Path'; Series = 'path'; Label = "-Path, $Count-ID file (bench/LocalFile)"; Unit = 'ms' }
        @{ Case = 'Memory'; Series = 'memory'; Label = "VmHWM growth, $small -> $Count IDs (bench/Memory)"; Unit = 'MB' }
    )
    foreach ($item in $cases | Where-Object { $_.Case -in $Case }) {
        $b = Write-BenchTimes -Label "baseline:  $($item.Label)" -Value $times["baseline/$($item.Series)"] -Unit $item.Unit
        $c = Write-BenchTimes -Label "candidate: $($item.Label)" -Value $times["candidate/$($item.Series)"] -Unit $item.Unit
        $ratio = if ($b -ne 0) { $c / $b } else { [double]::NaN }
        Write-BenchVerdict -Name "$($item.Label): candidate within 5% of baseline" -Pass ($ratio -le 1.05) -Detail ('{0:0.000}x ({1:0.0} vs {2:0.0} {3})' -f $ratio, $c, $b, $item.Unit)
        if ($item.Unit -eq 'ms') {
            Write-Host ('   the baseline is {0} than 10% faster: it takes {1:0.0}% less time than the candidate' -f $(if ($b -lt $c / 1.1) { 'more' } else { 'not more' }), (100 * (1 - $b / $c)))
        }
    }
    if ('Piped' -in $Case) {
        $null = Write-BenchTimes -Label 'baseline process:  $ids | Measure-Object' -Value $times['baseline/measure']
        $null = Write-BenchTimes -Label 'candidate process: $ids | Measure-Object' -Value $times['candidate/measure']
    }
    Write-BenchMachine
}
finally {
    Stop-BenchFake -Fake $fake
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
