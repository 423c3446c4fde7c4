<#
.SYNOPSIS
    Cost of importing the module, and of the first command, in a fresh process.
.DESCRIPTION
    Each run starts fresh processes, interleaved so drift hits both sides alike; each command runs once unmeasured
    right before its measured run, because a fresh pwsh replays the JIT profile the previous one saved
    (StartupProfileData-NonInteractive) and should replay its own command's, as it does for a user who runs the same
    thing again:
      bare     dotnet pwsh -NoProfile -NonInteractive -c exit
      import   dotnet pwsh -NoProfile -NonInteractive -c "Import-Module <module>"
      first    dotnet pwsh -NoProfile -NonInteractive -c "Import-Module <module>; Get-PDataDeletionJob -DatasetGroupArn <retail>"
    Targets: import at most +150 ms over bare; first command at most +600 ms over bare (against the fake).
    The same three are measured with `dotnet <pwsh.dll>` as well, which skips the local-tool shim's manifest
    lookup (`dotnet pwsh` adds its own, noisy, start-up cost); the verdicts use both, the `dotnet pwsh` one
    being how this repo runs pwsh.
    Also reports which AWS SDK assemblies are loaded (in any AssemblyLoadContext) after a bare Import-Module
    and after the first command, to show the SDK loads lazily.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $FakePath,
    [int] $Runs = 11
)

. (Join-Path $PSScriptRoot 'BenchCommon.ps1')

function Invoke-BenchPwshOwnProfile {
    <#
    A fresh pwsh replays at start-up the JIT profile its predecessor saved (StartupProfileData-NonInteractive): the
    command runs once unmeasured first, so the measured run replays its own profile, not another command's.
    #>
    param([Parameter(Mandatory)] [string] $Command, [switch] $Direct)
    $null = Invoke-BenchPwsh -Command $Command -Direct:$Direct
    Invoke-BenchPwsh -Command $Command -Direct:$Direct
}

$manifest = Join-Path (Resolve-Path $ModulePath) 'PersonalizeDeletion.psd1'
$commands = [ordered]@{
    bare   = 'exit'
    import = "Import-Module '$manifest'"
    first  = "Import-Module '$manifest'; `$null = Get-PDataDeletionJob -DatasetGroupArn $BenchRetailGroup"
}

$fake = Start-BenchFake -FakePath $FakePath
$temp = Set-BenchEnvironment -Fake $fake
try {
    Write-BenchHeader "Import and first command, fresh processes, $Runs runs each (interleaved)"

    Write-BenchMachine
    # Warm the OS file cache and the tool shim once; not measured.
    foreach ($command in $commands.Values) { $null = Invoke-BenchPwsh -Command $command }

    $times = @{}
    foreach ($launcher in 'shim', 'direct') { foreach ($name in $commands.Keys) { $times["$launcher/$name"] = [Collections.Generic.List[double]]::new() } }
    for ($run = 0; $run -lt $Runs; $run++) {
        # Rotate the order each run so no command always goes first.
        $names = @($commands.Keys)
        $names = $names[($run % 3)..2] + $(if ($run % 3) { $names[0..(($run % 3) - 1)] } else { @() })
        foreach ($launcher in 'shim', 'direct') {
            foreach ($name in $names) {
                $result = Invoke-BenchPwshOwnProfile -Command $commands[$name] -Direct:($launcher -eq 'direct')
                $times["$launcher/$name"].Add($result.Ms)
            }
        }
    }

    $verdicts = @()
    foreach ($launcher in 'shim', 'direct') {
        $label = if ($launcher -eq 'shim') { 'dotnet pwsh' } else { 'dotnet pwsh.dll' }
        Write-Host "  [$label]"
        $bare = Write-BenchTimes -Label 'bare start (-c exit)' -Value $times["$launcher/bare"]
        $import = Write-BenchTimes -Label 'Import-Module' -Value $times["$launcher/import"]
        $first = Write-BenchTimes -Label 'Import-Module; Get-PDataDeletionJob (fake)' -Value $times["$launcher/first"]
        Write-Host ('   import: +{0:0} ms ({1:0.00}x)   first command: +{2:0} ms ({3:0.00}x)' -f ($import - $bare), ($import / $bare), ($first - $bare), ($first / $bare))
        $verdicts += [pscustomobject]@{ Label = $label; Import = $import - $bare; First = $first - $bare }
    }
    foreach ($v in $verdicts) {
        Write-BenchVerdict -Name "Import ($($v.Label))" -Pass ($v.Import -le 150) -Detail ('+{0:0} ms over bare start (target <= +150 ms)' -f $v.Import)
        Write-BenchVerdict -Name "First command ($($v.Label))" -Pass ($v.First -le 600) -Detail ('+{0:0} ms over bare start (target <= +600 ms)' -f $v.First)
    }

    Write-BenchHeader 'Where the time goes, measured inside the child (Stopwatch; median of the same number of fresh children)'
    $split = @'
$w = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module '__MANIFEST__'
$import = $w.Elapsed.TotalMilliseconds
$w.Restart()
$null = Get-PDataDeletionJob -DatasetGroupArn __GROUP__
$first = $w.Elapsed.TotalMilliseconds
$w.Restart()
$null = Get-PDataDeletionJob -DatasetGroupArn __GROUP__
$second = $w.Elapsed.TotalMilliseconds
'{0:0.0} {1:0.0} {2:0.0}' -f $import, $first, $second
'@ -replace '__MANIFEST__', $manifest -replace '__GROUP__', $BenchRetailGroup
    # PowerShell's own price for importing anything: a one-function script module, timed the same way.
    $empty = Join-Path $temp 'EmptyModule'
    $null = New-Item -ItemType Directory -Force -Path $empty
    Set-Content -Path (Join-Path $empty 'EmptyModule.psm1') -Value 'function Get-Nothing { }'
    Set-Content -Path (Join-Path $empty 'EmptyModule.psd1') -Value "@{ RootModule = 'EmptyModule.psm1'; ModuleVersion = '1.0.0'; FunctionsToExport = @('Get-Nothing'); CmdletsToExport = @(); VariablesToExport = @(); AliasesToExport = @() }"
    $emptySplit = '$w = [System.Diagnostics.Stopwatch]::StartNew(); Import-Module ''__MANIFEST__''; ''{0:0.0}'' -f $w.Elapsed.TotalMilliseconds' -replace '__MANIFEST__', (Join-Path $empty 'EmptyModule.psd1')
    # The cmdlet assembly imported by itself (no manifest, no format file), and the empty module's psm1 by itself:
    # the difference is the module's own code; the rest of its import is PowerShell processing a manifest and a format file.
    $dllSplit = $emptySplit -replace [regex]::Escape((Join-Path $empty 'EmptyModule.psd1')), (Join-Path (Split-Path $manifest) 'PersonalizeDeletion.dll')
    $psm1Split = $emptySplit -replace 'EmptyModule\.psd1', 'EmptyModule.psm1'
    $parts = [Collections.Generic.List[double[]]]::new()
    $emptyTimes = [Collections.Generic.List[double]]::new()
    $dllTimes = [Collections.Generic.List[double]]::new()
    $psm1Times = [Collections.Generic.List[double]]::new()
    for ($run = 0; $run -lt $Runs; $run++) {
        foreach ($kind in @(@{ Command = $split; Times = $null }, @{ Command = $emptySplit; Times = $emptyTimes }, @{ Command = $dllSplit; Times = $dllTimes }, @{ Command = $psm1Split; Times = $psm1Times })) {
            $output = (Invoke-BenchPwshOwnProfile -Command $kind.Command).Output.Trim()
            if ($null -eq $kind.Times) { $parts.Add([double[]]($output -split ' ')) } else { $kind.Times.Add([double]$output) }
        }
    }
    $ownImport = Write-BenchTimes -Label 'Import-Module (in child)' -Value ($parts | ForEach-Object { $_[0] })
    $emptyImport = Write-BenchTimes -Label 'Import-Module of an empty script module (in child)' -Value $emptyTimes
    $dllImport = Write-BenchTimes -Label 'Import-Module PersonalizeDeletion.dll alone (in child)' -Value $dllTimes
    $psm1Import = Write-BenchTimes -Label 'Import-Module of the empty module''s .psm1 alone (in child)' -Value $psm1Times
    Write-Host ('   the module over an empty script module, both through a manifest: {0:+0;-0} ms (its format file and binary root module, as PowerShell processes them, and its code)' -f ($ownImport - $emptyImport))
    Write-Host ('   its code alone (the dll vs the empty psm1, neither with a manifest): {0:+0;-0} ms; PowerShell''s manifest and format-file processing: {1:+0;-0} ms' -f ($dllImport - $psm1Import), ($ownImport - $dllImport))
    $sma = [System.Management.Automation.PSObject].Assembly.Location
    $stream = [IO.File]::OpenRead($sma)
    try { $readyToRun = ([Reflection.PortableExecutable.PEReader]::new($stream)).PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0 }
    finally { $stream.Dispose() }
    Write-Host ('   this pwsh''s System.Management.Automation is {0}' -f $(if ($readyToRun) { 'precompiled (ReadyToRun)' } else { 'IL only (the dotnet tool package is not ReadyToRun): every PowerShell method an import uses is JIT-compiled first' }))
    $null = Write-BenchTimes -Label 'first Get-PDataDeletionJob (in child)' -Value ($parts | ForEach-Object { $_[1] })
    $null = Write-BenchTimes -Label 'second Get-PDataDeletionJob (in child, warm)' -Value ($parts | ForEach-Object { $_[2] })
    Write-BenchMachine

    Write-BenchHeader 'Assemblies loaded (all load contexts)'
    $probe = @'
function Show-Sdk([string] $When) {
    $loaded = foreach ($context in [System.Runtime.Loader.AssemblyLoadContext]::All) {
        foreach ($assembly in $context.Assemblies) {
            $name = $assembly.GetName().Name
            if ($name -like 'AWSSDK*' -or $name -like 'PersonalizeDeletion*' -or $name -in 'System.IO.Hashing', 'Microsoft.Bcl.AsyncInterfaces') {
                '{0} [{1}]' -f $name, $context.Name
            }
        }
    }
    $core = [bool]($loaded | Where-Object { $_ -like 'AWSSDK.Core *' })
    "{0}: AWSSDK.Core loaded = {1}" -f $When, $core
    "  " + (($loaded | Sort-Object) -join ', ')
}
Import-Module '__MANIFEST__'
Show-Sdk 'after Import-Module'
$null = Get-PDataDeletionJob -DatasetGroupArn __GROUP__
Show-Sdk 'after Get-PDataDeletionJob'
'@ -replace '__MANIFEST__', $manifest -replace '__GROUP__', $BenchRetailGroup
    $result = Invoke-BenchPwsh -Command $probe
    $result.Output.TrimEnd() -split "`n" | ForEach-Object { Write-Host "   $_" }
    $lazy = $result.Output -match 'after Import-Module: AWSSDK.Core loaded = False'
    Write-BenchVerdict -Name 'AWS SDK loads lazily' -Pass $lazy -Detail $(if ($lazy) { 'AWSSDK.Core is not loaded by Import-Module alone' } else { 'AWSSDK.Core is already loaded after Import-Module alone' })
}
finally {
    Stop-BenchFake -Fake $fake
    Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
}
