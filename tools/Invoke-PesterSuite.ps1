<#
.SYNOPSIS
    Runs the Pester suite in this (fresh) process and writes the pass/fail/skip counts as JSON for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string[]] $Path,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [Parameter(Mandatory)] [string] $FakePath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
# tests/common.ps1 reads these to find the built module and the fake.
$env:PD_FAKE_DLL = $FakePath
$env:PD_MODULE_PATH = Join-Path (Split-Path $PSScriptRoot) 'output/PersonalizeDeletion'

$configuration = New-PesterConfiguration
# build.ps1 passes its paths as one JSON array (-File takes one string per parameter; a path may hold a comma).
$configuration.Run.Path = @($Path | ForEach-Object { if ($_.StartsWith('[')) { ConvertFrom-Json -InputObject $_ } else { $_ } })
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputPath = [System.IO.Path]::ChangeExtension($SummaryPath, '.xml')
$result = Invoke-Pester -Configuration $configuration
# When writing the report fails (a failure message holding a control character, such as a colour escape), Pester
# writes the error and returns nothing: that must read as a failed run, never as one without failures.
if ($null -eq $result) { throw 'Invoke-Pester returned no result: its report could not be written. The run counts as failed.' }

# Each file's duration lets build.ps1 share the files out evenly among its workers next time.
$durations = [ordered]@{}
foreach ($container in $result.Containers) { $durations[(Split-Path $container.Item -Leaf)] = [Math]::Round($container.Duration.TotalSeconds, 2) }

[pscustomobject]@{
    Passed    = $result.PassedCount
    Failed    = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped   = $result.SkippedCount + $result.NotRunCount
    Durations = $durations
} | ConvertTo-Json | ForEach-Object {
    # UTF-8 without a BOM under Windows PowerShell 5.1 too (-TestHost powershell), whose Set-Content cannot write it.
    [System.IO.File]::WriteAllText($SummaryPath, $_)
}
