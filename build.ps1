#requires -Version 7.2
<#
.SYNOPSIS
    The one entry point for building, testing, demonstrating, documenting, packaging and benchmarking
    PersonalizeDeletion.
.DESCRIPTION
    Run it as `dotnet pwsh ./build.ps1 -Task <Task>` after `dotnet tool restore`.
      Build    compile the module and lay out output/PersonalizeDeletion (importable), with its help.
      Test     Build, then run xunit and Pester; ends with one line "N passed, N failed, N skipped".
      Demo     Build, start the local fake and run the end-to-end story against it.
      Docs     regenerate the MAML and about_ help from docs/en-US into the built module.
      Package  Build, then publish the module into output/repository as PersonalizeDeletion.<version>.nupkg.
      Bench    Build, then run every bench/*.Bench.ps1 (each prints ratios against a same-run baseline).
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Docs', 'Package', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Pester files (or folders) to run instead of the whole tests/ folder.
    [string[]] $PesterPath,

    # xunit only, or Pester only.
    [ValidateSet('All', 'Unit', 'Pester')]
    [string] $Suite = 'All',

    # Benchmarks to run (file name patterns under bench/).
    [string[]] $Benchmark = @('*.Bench.ps1'),

    # The PowerShell that runs the Pester suite against the built module: by default the pinned `dotnet pwsh`;
    # `powershell` for Windows PowerShell 5.1, or the path of another pwsh (the CI's 7.4). The build itself always
    # runs here.
    [string] $TestHost
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

# From a shell (`dotnet pwsh ./build.ps1 -PesterPath a,b`) a list arrives as one string.
if ($PesterPath) { $PesterPath = @($PesterPath | ForEach-Object { $_ -split ',' }) }
$Benchmark = @($Benchmark | ForEach-Object { $_ -split ',' })

$Root = $PSScriptRoot
$Output = Join-Path $Root 'output'
$ModuleOut = Join-Path $Output 'PersonalizeDeletion'
$FakeOut = Join-Path $Output 'fake'
$ModuleProject = Join-Path $Root 'src/PersonalizeDeletion.Module/PersonalizeDeletion.Module.csproj'
$LoaderProject = Join-Path $Root 'src/PersonalizeDeletion.Loader/PersonalizeDeletion.Loader.csproj'
$FakeProject = Join-Path $Root 'tests/PersonalizeDeletion.Fake/PersonalizeDeletion.Fake.csproj'
$UnitTestProject = Join-Path $Root 'tests/PersonalizeDeletion.Tests/PersonalizeDeletion.Tests.csproj'
$HelpGenerator = Join-Path $Root 'tools/New-ModuleHelp.ps1'

function Invoke-Native {
    param([string] $FilePath, [string[]] $ArgumentList, [switch] $Quiet)
    if ($Quiet) {
        $log = & $FilePath @ArgumentList 2>&1
        if ($LASTEXITCODE -ne 0) {
            $log | Out-Host
            throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
        }
    }
    else {
        & $FilePath @ArgumentList | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE." }
    }
}

function Start-Native {
    # Starts a program beside this script, its output collected; Wait-Native ends it like Invoke-Native.
    param([string] $FilePath, [string[]] $ArgumentList)
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($argument in $ArgumentList) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    [pscustomobject]@{
        Process = $process
        Output  = $process.StandardOutput.ReadToEndAsync()
        Errors  = $process.StandardError.ReadToEndAsync()
        Command = "$FilePath $($ArgumentList -join ' ')"
    }
}

function Wait-Native {
    param($Run, [switch] $Show, [switch] $AllowFailure)
    $Run.Process.WaitForExit()
    $failed = $Run.Process.ExitCode -ne 0
    if ($Show -or $failed) {
        $Run.Output.Result | Out-Host
        if ($Run.Errors.Result) { $Run.Errors.Result | Out-Host }
    }
    if ($failed -and -not $AllowFailure) { throw "'$($Run.Command)' failed with exit code $($Run.Process.ExitCode)." }
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $Root 'PersonalizeDeletion.psd1')).ModuleVersion
}

function Get-ReleaseNote {
    # The newest section of CHANGELOG.md becomes the manifest's ReleaseNotes.
    $changelog = Join-Path $Root 'CHANGELOG.md'
    if (-not (Test-Path $changelog)) { return '' }
    $lines = Get-Content $changelog
    $start = ($lines | Select-String -Pattern '^## ' | Select-Object -First 1).LineNumber
    if (-not $start) { return '' }
    $next = ($lines | Select-Object -Skip $start | Select-String -Pattern '^## ' | Select-Object -First 1)
    $end = if ($next) { $start + $next.LineNumber - 1 } else { $lines.Count }
    (($lines[($start - 1)..($end - 1)]) -join "`n").Trim()
}

function Invoke-Build {
    Write-Host "Building PersonalizeDeletion ($Configuration)..."
    $version = Get-ModuleVersion
    # The cmdlets and the loader share no project: they build side by side.
    $loader = Start-Native dotnet @('build', $LoaderProject, '-c', $Configuration, '-nologo', '-v', 'q', "-p:Version=$version")
    Invoke-Native dotnet @('build', $ModuleProject, '-c', $Configuration, '-nologo', '-v', 'q', "-p:Version=$version") -Quiet
    Wait-Native $loader
    $bin = Join-Path $Root "src/PersonalizeDeletion.Module/bin/$Configuration/netstandard2.0"

    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $ModuleOut

    # The module assembly and its runtime dependencies; never the PowerShell reference assemblies.
    Get-ChildItem $bin -Filter '*.dll' |
        Where-Object Name -NotIn @('System.Management.Automation.dll') |
        Copy-Item -Destination $ModuleOut

    # PowerShell 7 only: puts the engine and the AWS SDK into the module's private load context.
    $loaderBin = Join-Path $Root "src/PersonalizeDeletion.Loader/bin/$Configuration/net8.0"
    Copy-Item (Join-Path $loaderBin 'PersonalizeDeletion.Loader.dll') -Destination $ModuleOut

    Copy-Item (Join-Path $Root 'src/PersonalizeDeletion.Module/PersonalizeDeletion.Format.ps1xml'), (Join-Path $Root 'src/PersonalizeDeletion.Module/PersonalizeDeletion.Types.ps1xml') -Destination $ModuleOut
    Copy-Item (Join-Path $Root 'LICENSE') -Destination $ModuleOut

    # The manifest is the source of truth; the built copy only gains the release notes.
    $manifest = Get-Content (Join-Path $Root 'PersonalizeDeletion.psd1') -Raw
    $notes = (Get-ReleaseNote) -replace "'", "''"
    $manifest = $manifest -replace "ReleaseNotes\s*=\s*''", "ReleaseNotes = '$notes'"
    Set-Content -Path (Join-Path $ModuleOut 'PersonalizeDeletion.psd1') -Value $manifest -Encoding utf8NoBOM

    Invoke-Docs
    Write-Host "Module laid out in $ModuleOut"
}

function Invoke-Docs {
    if (-not (Test-Path $HelpGenerator)) { return }
    Restore-BuildDependency
    & $HelpGenerator -ModulePath $ModuleOut -DocsPath (Join-Path $Root 'docs/en-US') -OutputPath (Join-Path $ModuleOut 'en-US')
}

$script:BuildDependenciesRestored = $false
function Restore-BuildDependency {
    # Pester (and Markdig for the help generator) come from NuGet through a download-only project.
    if ($script:BuildDependenciesRestored) { return }
    Invoke-Native dotnet @('restore', (Join-Path $Root 'tools/restore/Restore.csproj'), '-nologo', '-v', 'q') -Quiet
    $script:BuildDependenciesRestored = $true
}

function Get-BuildToolVersion {
    # Pester, Markdig ...: their one place is Directory.Packages.props.
    param([string] $Name)
    & (Join-Path $Root 'tools/restore/Get-BuildToolVersion.ps1') -Name $Name
}

function Get-NuGetPackageFolder {
    param([string] $Id, [string] $Version)
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $folder = Join-Path $packages "$($Id.ToLowerInvariant())/$Version"
    if (-not (Test-Path $folder)) { throw "NuGet package $Id $Version was not restored to $folder." }
    $folder
}

function Publish-Fake {
    Wait-Native (Start-PublishFake)
}

function Start-PublishFake {
    # The fake shares no project with the module, so it can build while the module does.
    Write-Host 'Building the fake services (tests/PersonalizeDeletion.Fake)...'
    Start-Native dotnet @('publish', $FakeProject, '-c', $Configuration, '-nologo', '-v', 'q', '-o', $FakeOut)
}

function Invoke-UnitTest {
    Complete-UnitTest (Start-UnitTest)
}

function Start-UnitTest {
    # Builds and runs in the background, beside the Pester workers: the projects it references are built by now, so
    # it compiles only the test assembly and writes nothing the workers read.
    $results = Join-Path $Output 'test-results'
    $trx = Join-Path $results 'xunit.trx'
    if (Test-Path $trx) { Remove-Item $trx -Force }
    Write-Host 'Running xunit tests...'
    $run = Start-Native dotnet @('test', $UnitTestProject, '-c', $Configuration, '-nologo', '--logger', 'trx;LogFileName=xunit.trx', '--logger', 'console;verbosity=minimal', '--results-directory', $results)
    $run | Add-Member -NotePropertyName Trx -NotePropertyValue $trx -PassThru
}

function Complete-UnitTest {
    param($Run)
    # A failing test run exits non-zero; its counts still come from the trx.
    Wait-Native $Run -Show -AllowFailure
    if (-not (Test-Path $Run.Trx)) { throw "xunit produced no results (dotnet test exit code $($Run.Process.ExitCode))." }
    $counters = ([xml](Get-Content $Run.Trx -Raw)).TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed  = [int]$counters.passed
        Failed  = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        Skipped = [int]$counters.notExecuted
    }
}

function Invoke-PesterSuite {
    Restore-BuildDependency
    $pester = Join-Path (Get-NuGetPackageFolder -Id 'Pester' -Version (Get-BuildToolVersion Pester)) 'tools/Pester.psd1'
    $paths = if ($PesterPath) { @($PesterPath | ForEach-Object { (Resolve-Path $_).Path }) } else { @(Join-Path $Root 'tests') }
    $files = @(foreach ($path in $paths) {
            if (Test-Path $path -PathType Container) { Get-ChildItem $path -Filter '*.Tests.ps1' -File | ForEach-Object FullName } else { $path }
        })
    $results = Join-Path $Output 'test-results'
    $null = New-Item -ItemType Directory -Force -Path $results
    Get-ChildItem $results -Filter 'pester-*' -File | Remove-Item -Force

    # The test files are independent (each starts its own fake and isolates its AWS environment in a folder of its
    # process), and much of their time is spent waiting on the fake and child processes: several workers share the
    # machine better than one. The workers take the files one at a time from one list, longest first (by the last
    # run's durations, else by size), so none is left with a long tail.
    $workers = [Math]::Max(1, [Math]::Min($files.Count, [Environment]::ProcessorCount + 1))
    $durationsFile = Join-Path $results 'durations.json'
    $known = @{}
    if (Test-Path $durationsFile) { (Get-Content $durationsFile -Raw | ConvertFrom-Json).PSObject.Properties | ForEach-Object { $known[$_.Name] = [double]$_.Value } }
    $ordered = @($files | Sort-Object { $name = Split-Path $_ -Leaf; if ($known.ContainsKey($name)) { $known[$name] } else { (Get-Item $_).Length / 1000 } } -Descending)
    $claims = Join-Path $results 'pester-claims'
    if (Test-Path $claims) { Remove-Item $claims -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $claims

    # A fresh process per worker: tests import the BUILT module the way a user would, and nothing of this
    # build session (loaded assemblies, variables) leaks into them.
    $runner = Join-Path $Root 'tools/Invoke-PesterSuite.ps1'
    $shell = @(Get-TestHost)
    Write-Host "Running Pester tests ($($files.Count) files in $workers worker(s) of $($shell -join ' '))..."
    $started = for ($i = 0; $i -lt $workers; $i++) {
        # -File takes one string per parameter, and a path may hold a comma: the paths travel as one JSON array.
        $arguments = @($shell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $runner,
            '-PesterManifest', $pester, '-Path', (ConvertTo-Json -Compress -InputObject $ordered), '-ClaimFolder', $claims,
            '-SummaryPath', (Join-Path $results "pester-summary-$i.json"), '-FakePath', (Join-Path $FakeOut 'PersonalizeDeletion.Fake.dll'))
        Start-Native $shell[0] $arguments | Add-Member -NotePropertyName Index -NotePropertyValue $i -PassThru
    }

    $durations = @{}
    $totals = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($worker in $started) {
        Wait-Native $worker -Show -AllowFailure
        $summary = Join-Path $results "pester-summary-$($worker.Index).json"
        if (-not (Test-Path $summary)) { throw "Pester worker $($worker.Index) produced no results (exit code $($worker.Process.ExitCode))." }
        $part = Get-Content $summary -Raw | ConvertFrom-Json
        $totals.Passed += $part.Passed
        $totals.Failed += $part.Failed
        $totals.Skipped += $part.Skipped
        foreach ($entry in $part.Durations.PSObject.Properties) { $durations[$entry.Name] = $entry.Value }
    }

    if (-not $PesterPath) { $durations | ConvertTo-Json | Set-Content $durationsFile -Encoding utf8NoBOM }
    $totals
}

function Get-TestHost {
    # The command (and its leading arguments) that starts the PowerShell the Pester suite runs in.
    if (-not $TestHost) { return @('dotnet', 'pwsh') }
    $command = Get-Command $TestHost -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) { throw "-TestHost '$TestHost' is not a PowerShell executable found on PATH or at that path." }
    @($command.Source)
}

function Invoke-Test {
    # The suite's processes are short and run much code once: dynamic PGO's instrumented tier costs them more than it
    # gives (a third of the suite's CPU time on 2 cores). Only the test run opts out; Demo and Bench keep the default.
    $env:DOTNET_TieredPGO = '0'
    $fake = Start-PublishFake
    Invoke-Build
    Wait-Native $fake
    $totals = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $parts = @()
    if ($Suite -eq 'Unit') { $parts += Invoke-UnitTest }
    if ($Suite -eq 'Pester') { $parts += Invoke-PesterSuite }
    if ($Suite -eq 'All') {
        # xunit runs beside the Pester workers: both wait on I/O more than they compute.
        $unit = Start-UnitTest
        $parts += Invoke-PesterSuite
        $parts += Complete-UnitTest $unit
    }
    foreach ($part in $parts) {
        $totals.Passed += $part.Passed
        $totals.Failed += $part.Failed
        $totals.Skipped += $part.Skipped
    }
    Write-Host "$($totals.Passed) passed, $($totals.Failed) failed, $($totals.Skipped) skipped"
    if ($totals.Failed -gt 0 -or $totals.Passed -eq 0) { exit 1 }
}

function Invoke-Demo {
    $fake = Start-PublishFake
    Invoke-Build
    Wait-Native $fake
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tools/Demo.ps1') -ModulePath $ModuleOut -FakePath (Join-Path $FakeOut 'PersonalizeDeletion.Fake.dll')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Package {
    Invoke-Build
    $repository = Join-Path $Output 'repository'
    if (Test-Path $repository) { Remove-Item $repository -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $repository
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tools/Publish-LocalRepository.ps1') -ModulePath $ModuleOut -RepositoryPath $repository
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Bench {
    $fake = Start-PublishFake
    Invoke-Build
    Wait-Native $fake
    $files = foreach ($pattern in $Benchmark) { Get-ChildItem (Join-Path $Root 'bench') -Filter $pattern -File }
    foreach ($file in $files | Sort-Object FullName -Unique) {
        Write-Host "== $($file.Name)"
        & dotnet pwsh -NoProfile -NonInteractive -File $file.FullName -ModulePath $ModuleOut -FakePath (Join-Path $FakeOut 'PersonalizeDeletion.Fake.dll')
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Docs' { Invoke-Docs }
    'Package' { Invoke-Package }
    'Bench' { Invoke-Bench }
}
