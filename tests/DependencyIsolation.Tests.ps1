# The module must import and work whatever other modules loaded first: AWS.Tools 4 / AWSPowerShell.NetCore bring
# AWSSDK.Core 3.3.0.0, AWS.Tools 5 an AWSSDK.Core 4.0.0.0 from its own package version. On PowerShell 7 the cmdlet
# assembly (PersonalizeDeletion.dll) is an ordinary binary module in the default AssemblyLoadContext, and the engine
# (PersonalizeDeletion.Engine.dll) with every dependency lives in a private one (src/PersonalizeDeletion.Loader).
# Windows PowerShell 5.1 has no load contexts: there the module folder's resolver binds the shipped assemblies to
# each other (src/PersonalizeDeletion.Module/Loading/ModuleAssemblyResolver.cs), and an older AWSSDK of another module
# stops the first command with AwsSdkConflict.
#
# Assemblies cannot be unloaded, so every scenario runs in a fresh child process of this same PowerShell that loads
# the conflicting assemblies, imports the built module and reports what it saw as JSON; the fake runs here, and the
# children reach it through the environment Initialize-PdTest sets up.

BeforeDiscovery {
    $script:IsCore = $PSVersionTable.PSEdition -eq 'Core'
}

BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest

    $script:ForeignKey = @('AKIAPDFOREIGNCORE001', 'secretForeignCore00000000000000000000001')
    $script:StoredKey = @('AKIAPDFOREIGNSTORED1', 'secretForeignStored000000000000000000001')

    # AWS.Tools 5.0's AWSSDK.Core: a real package older than ours with the same assembly version (4.0.0.0), which
    # tools/restore/Restore.csproj downloads.
    $script:OlderCoreVersion = & (Join-Path $PdRepoRoot 'tools/restore/Get-BuildToolVersion.ps1') -Name AWSSDK.Core
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $framework = if ($PSVersionTable.PSEdition -eq 'Core') { 'netstandard2.0' } else { 'net472' }
    $script:OlderCore = [IO.Path]::Combine($packages, 'awssdk.core', $OlderCoreVersion, 'lib', $framework, 'AWSSDK.Core.dll')
    function Invoke-PdChildSession {
        <#
        .SYNOPSIS
            Runs $Script in a fresh `pwsh -NoProfile` (or `powershell -NoProfile`, as this one is) with $Variable
            defined, and returns its last output line parsed from JSON. A failing child fails the test with its error text.
        #>
        param([Parameter(Mandatory)] [string] $Script, [hashtable] $Variable = @{})

        $prelude = [System.Text.StringBuilder]::new()
        $null = $prelude.AppendLine('$ErrorActionPreference = ''Stop''; Set-StrictMode -Version Latest; $ProgressPreference = ''SilentlyContinue''')
        $null = $prelude.AppendLine('if ($PSVersionTable.PSEdition -eq ''Core'') { $PSStyle.OutputRendering = ''PlainText'' }')
        $Variable['ModulePath'] = Join-Path $PdModulePath 'PersonalizeDeletion.psd1'
        $Variable['RetailGroup'] = $PdRetailGroup
        foreach ($name in $Variable.Keys) {
            $values = @($Variable[$name]) | ForEach-Object { "'" + ([string]$_).Replace("'", "''") + "'" }
            $null = $prelude.AppendLine("`$$name = " + ($(if (@($Variable[$name]).Count -eq 1) { $values } else { '@(' + ($values -join ', ') + ')' })))
        }
        $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($prelude.ToString() + $Script))

        # The same PowerShell as this one, whether started as an apphost or through `dotnet pwsh` (the local tool).
        $pwshHost = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $arguments = @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded)
        if ([System.IO.Path]::GetFileNameWithoutExtension($pwshHost) -eq 'dotnet') {
            $arguments = @((Join-Path $PSHOME 'pwsh.dll')) + $arguments
        }
        $errorFile = Join-Path $PdTemp ("child-" + [guid]::NewGuid().ToString('n') + '.err')
        # Without multicore JIT. pwsh records the methods it compiles in a profile shared by every pwsh of the user
        # (StartupProfileData-NonInteractive in its cache folder) and, at the next start, compiles them again on a
        # background thread as soon as their assembly loads. After a pwsh that ran our cmdlets, that background
        # compilation loads the engine moments after Import-Module, whatever the import did: the runtime replaying
        # another process, not this module. The value is hexadecimal, like every DOTNET_ setting: more processors than
        # any machine has turns the feature off.
        $savedMinimum = $env:DOTNET_MultiCoreJitMinNumCpus
        $env:DOTNET_MultiCoreJitMinNumCpus = 'FFFF'
        try { $output = & $pwshHost @arguments 2> $errorFile }
        finally { $env:DOTNET_MultiCoreJitMinNumCpus = $savedMinimum }
        $exitCode = $LASTEXITCODE
        $errorText = Get-Content $errorFile -Raw
        if ($exitCode -ne 0) { throw "The child session failed (exit code $exitCode): $errorText $($output -join "`n")" }
        @($output)[-1] | ConvertFrom-Json
    }

    # What every child reports after its commands: where the module's pieces were loaded from.
    $script:ReportLoadContexts = @'
function Get-PdEngineContext {
    # The engine loads when a cmdlet first runs; the cmdlet assembly names it, so this finds it wherever it went.
    $engine = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PersonalizeDeletion.Engine' }
    if (@($engine).Count -ne 1) { throw "Expected one PersonalizeDeletion.Engine, found $(@($engine).Count)." }
    [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine)
}
function Get-PdLoadReport {
    $implementing = (Get-Command Get-PDataDeletionJob).ImplementingType
    $context = Get-PdEngineContext
    $engine = $context.Assemblies | Where-Object { $_.GetName().Name -eq 'PersonalizeDeletion.Engine' }
    $moduleCore = @($context.Assemblies | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' })
    $defaultCore = @([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' })
    $json = $context.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('System.Text.Json, Version=8.0.0.0'))
    [ordered]@{
        CmdletContext        = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($implementing.Assembly).Name
        EngineContext        = $context.Name
        DerivesFromPSCmdlet  = [System.Management.Automation.PSCmdlet].IsAssignableFrom($implementing)
        ModuleCoreCount      = $moduleCore.Count
        ModuleCoreVersion    = $(if ($moduleCore) { $moduleCore[0].GetName().Version.ToString() })
        ModuleCoreFileVersion = $(if ($moduleCore) { [System.Diagnostics.FileVersionInfo]::GetVersionInfo($moduleCore[0].Location).FileVersion })
        ModuleCoreLocation   = $(if ($moduleCore) { $moduleCore[0].Location })
        DefaultCoreVersions  = @($defaultCore | ForEach-Object { $_.GetName().Version.ToString() })
        DefaultOurs          = @([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | ForEach-Object { $_.GetName().Name } | Where-Object { $_ -like 'PersonalizeDeletion*' } | Sort-Object)
        OutsideModuleFolder  = @($context.Assemblies | Where-Object { (Split-Path $_.Location) -ne (Split-Path $implementing.Assembly.Location) } | ForEach-Object Location)
        TextJsonContext      = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($json).Name
        TextJsonLocation     = $json.Location
        CmdletFolder         = Split-Path $implementing.Assembly.Location
        EngineFolder         = Split-Path $engine.Location
    }
}
'@
}

AfterAll {
    Complete-PdTest
}

Describe 'Dependency isolation on PowerShell 7' -Skip:(-not $IsCore) {
    BeforeAll {
        $script:StandIns = Join-Path $PdTemp 'stand-ins'

        function New-PdStandInAssembly {
            <#
            .SYNOPSIS
                Compiles a tiny assembly with another module's identity (name, version and, taken from our copy, the
                real public key) so loading it occupies that identity in the default context as the real one would.
                Add-Type cannot do this: it names its output assembly randomly whatever the file is called.
            #>
            param(
                [Parameter(Mandatory)] [string] $Name,
                [Parameter(Mandatory)] [version] $Version,
                [Parameter(Mandatory)] [string] $Source,
                [Parameter(Mandatory)] [string] $Directory
            )
            $null = [System.Reflection.Assembly]::Load('Microsoft.CodeAnalysis.CSharp')
            $code = "[assembly: System.Reflection.AssemblyVersion(""$Version"")]`n$Source"
            $tree = [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText($code)
            $references = [Microsoft.CodeAnalysis.MetadataReference[]]@(
                foreach ($assembly in [object].Assembly, [System.Runtime.GCSettings].Assembly, [System.Reflection.AssemblyVersionAttribute].Assembly) {
                    [Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile($assembly.Location)
                }
            )
            $options = [Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions]::new([Microsoft.CodeAnalysis.OutputKind]::DynamicallyLinkedLibrary)
            $publicKey = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $PdModulePath "$Name.dll")).GetPublicKey()
            if ($publicKey.Length -gt 0) {
                # Public signing needs only the public key; the runtime does not verify strong-name signatures.
                $options = $options.WithCryptoPublicKey([System.Collections.Immutable.ImmutableArray]::Create[byte]($publicKey)).WithPublicSign($true)
            }
            $compilation = [Microsoft.CodeAnalysis.CSharp.CSharpCompilation]::Create($Name, [Microsoft.CodeAnalysis.SyntaxTree[]]@($tree), $references, $options)

            $null = New-Item -ItemType Directory -Force -Path $Directory
            $path = Join-Path $Directory "$Name.dll"
            $stream = [System.IO.File]::Create($path)
            try { $result = $compilation.Emit($stream) } finally { $stream.Dispose() }
            if (-not $result.Success) { throw "Stand-in $Name $Version did not compile: $($result.Diagnostics -join '; ')" }
            $path
        }

        # AWS.Tools 4 / AWSPowerShell.NetCore: the v3 SDK, without any of the v4 types our cmdlets use.
        $script:AwsToolsV4Core = New-PdStandInAssembly -Name 'AWSSDK.Core' -Version '3.3.0.0' -Directory (Join-Path $StandIns 'aws-tools-4') -Source @'
namespace Amazon.Runtime { public abstract class AWSCredentials { public abstract string StandInOf(); } }
'@
        # AWS.Tools 5 built on an older 4.0 package: the same assembly version as ours (4.0.0.0) but lacking what
        # 4.1 added, the case a default-context Resolving handler cannot catch (the binder never asks it).
        $script:AwsToolsV5Core = New-PdStandInAssembly -Name 'AWSSDK.Core' -Version '4.0.0.0' -Directory (Join-Path $StandIns 'aws-tools-5') -Source @'
namespace Amazon.Runtime { public abstract class AWSCredentials { public abstract string StandInOf(); } }
'@
        # A module carrying an older System.IO.Hashing: a System.* assembly the runtime does not provide.
        $script:OldHashing = New-PdStandInAssembly -Name 'System.IO.Hashing' -Version '1.0.0.0' -Directory (Join-Path $StandIns 'hashing') -Source @'
namespace System.IO.Hashing { public static class StandIn { } }
'@

        # A second, real copy of our AWSSDK.Core, as AWS.Tools 5 loads it: into the default context, from elsewhere.
        $script:RealCoreCopy = Join-Path $StandIns 'aws-tools-5-real/AWSSDK.Core.dll'
        $null = New-Item -ItemType Directory -Force -Path (Split-Path $RealCoreCopy)
        Copy-Item (Join-Path $PdModulePath 'AWSSDK.Core.dll') -Destination $RealCoreCopy
    }

    BeforeEach {
        Reset-PdFake
        $null = Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 2 -Status COMPLETED -NamePrefix 'isolation'
        Add-PdFakeCredential -AccessKeyId $ForeignKey[0] -SecretAccessKey $ForeignKey[1]
        Add-PdFakeCredential -AccessKeyId $StoredKey[0] -SecretAccessKey $StoredKey[1]
        Clear-PdFakeRequest
    }

    It 'works after AWS.Tools 4''s AWSSDK.Core 3.3.0.0 and an older System.IO.Hashing were loaded first' {
        $report = Invoke-PdChildSession -Variable @{ StandIn = @($AwsToolsV4Core, $OldHashing) } -Script ($ReportLoadContexts + @'
foreach ($path in $StandIn) { $null = [System.Reflection.Assembly]::LoadFrom($path) }
Import-Module $ModulePath
$jobs = @(Get-PDataDeletionJob -DatasetGroupArn $RetailGroup)
$report = Get-PdLoadReport
# What our AWSSDK.Core gets when it asks for its System.IO.Hashing.
$context = Get-PdEngineContext
$core = $context.Assemblies | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' }
$hashing = $context.LoadFromAssemblyName(($core.GetReferencedAssemblies() | Where-Object Name -eq 'System.IO.Hashing'))
$report.JobNames = @($jobs.JobName | Sort-Object)
$report.Table = $jobs | Format-Table | Out-String -Width 200
$report.HashingVersion = $hashing.GetName().Version.ToString()
$report.HashingLocation = $hashing.Location
$report.DefaultHashingVersions = @([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -eq 'System.IO.Hashing' } | ForEach-Object { $_.GetName().Version.ToString() })
$report | ConvertTo-Json -Compress -Depth 4
'@)

        $report.JobNames | Should -HaveCount 2
        $report.JobNames | ForEach-Object { $_ | Should -BeLike 'isolation*' }
        $report.Table | Should -Match 'JobName\s+Status'
        $report.DefaultCoreVersions | Should -Be @('3.3.0.0')
        $report.ModuleCoreVersion | Should -Be '4.0.0.0'
        $report.ModuleCoreFileVersion | Should -BeLike '4.1.0*'
        $report.ModuleCoreLocation | Should -Be (Join-Path $report.CmdletFolder 'AWSSDK.Core.dll')
        $report.DefaultHashingVersions | Should -Be @('1.0.0.0')
        $report.HashingVersion | Should -Not -Be '1.0.0.0'
        $report.HashingLocation | Should -Be (Join-Path $report.CmdletFolder 'System.IO.Hashing.dll')
        @(Get-PdFakeRequest -Service personalize).accessKeyId | Select-Object -Unique | Should -Be $PdDefaultAccessKey
    }

    It 'uses its own AWSSDK.Core 4.1 when an AWS.Tools 5 AWSSDK.Core of the same assembly version (4.0.0.0) is loaded' {
        $report = Invoke-PdChildSession -Variable @{ StandIn = $AwsToolsV5Core } -Script ($ReportLoadContexts + @'
$null = [System.Reflection.Assembly]::LoadFrom($StandIn)
Import-Module $ModulePath
$jobs = @(Get-PDataDeletionJob -DatasetGroupArn $RetailGroup)
$report = Get-PdLoadReport
$report.JobCount = $jobs.Count
$report | ConvertTo-Json -Compress -Depth 4
'@)

        $report.JobCount | Should -Be 2
        $report.DefaultCoreVersions | Should -Be @('4.0.0.0')
        $report.ModuleCoreFileVersion | Should -BeLike '4.1.0*'
        $report.ModuleCoreLocation | Should -Be (Join-Path $report.CmdletFolder 'AWSSDK.Core.dll')
    }

    It 'runs on its own AWSSDK.Core, and raises no AwsSdkConflict, after AWS.Tools 5''s real and older AWSSDK.Core was loaded' {
        $OlderCore | Should -Exist -Because 'tools/restore/Restore.csproj downloads it'
        $report = Invoke-PdChildSession -Variable @{ OlderCore = $OlderCore } -Script ($ReportLoadContexts + @'
$older = [System.Reflection.Assembly]::LoadFrom($OlderCore)
Import-Module $ModulePath
$jobs = @(Get-PDataDeletionJob -DatasetGroupArn $RetailGroup)
$report = Get-PdLoadReport
$report.JobCount = $jobs.Count
$report.OlderFileVersion = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($older.Location).FileVersion
$report | ConvertTo-Json -Compress -Depth 4
'@)

        $report.JobCount | Should -Be 2
        $report.OlderFileVersion | Should -Be $OlderCoreVersion
        $report.DefaultCoreVersions | Should -Be @('4.0.0.0')
        $report.ModuleCoreFileVersion | Should -BeLike '4.1.0*'
        $report.ModuleCoreLocation | Should -Be (Join-Path $report.CmdletFolder 'AWSSDK.Core.dll')
    }

    It 'keeps working after Import-Module -Force twice' {
        $report = Invoke-PdChildSession -Script ($ReportLoadContexts + @'
Import-Module $ModulePath
$first = @(Get-PDataDeletionJob -DatasetGroupArn $RetailGroup).Count
Import-Module $ModulePath -Force
Import-Module $ModulePath -Force
$report = Get-PdLoadReport
$report.Counts = @($first, @(Get-PDataDeletionJob -DatasetGroupArn $RetailGroup).Count)
$report.Exported = @((Get-Module PersonalizeDeletion).ExportedCmdlets.Keys | Sort-Object)
$report.Commands = @(Get-Command -Module PersonalizeDeletion | ForEach-Object Name | Sort-Object)
$report.Contexts = @([System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'PersonalizeDeletion').Count
$report | ConvertTo-Json -Compress -Depth 4
'@)

        $report.Counts | Should -Be @(2, 2)
        $report.Exported | Should -Be @((Import-PowerShellDataFile (Join-Path $PdModulePath 'PersonalizeDeletion.psd1')).CmdletsToExport | Sort-Object)
        $report.Commands | Should -Be $report.Exported
        # Re-imports reuse the one context: a second would give the session two incompatible sets of our types.
        $report.Contexts | Should -Be 1
        $report.ModuleCoreCount | Should -Be 1
    }

    It 'keeps working after Remove-Module then Import-Module' {
        $report = Invoke-PdChildSession -Script ($ReportLoadContexts + @'
Import-Module $ModulePath
$first = @(Get-PDataDeletionJob -DatasetGroupArn $RetailGroup).Count
Remove-Module PersonalizeDeletion
$removed = $null -eq (Get-Command Get-PDataDeletionJob -ErrorAction SilentlyContinue)
Import-Module $ModulePath
$report = Get-PdLoadReport
$report.Removed = $removed
$report.Counts = @($first, @(Get-PDataDeletionJob -DatasetGroupArn $RetailGroup).Count)
$report | ConvertTo-Json -Compress -Depth 4
'@)

        $report.Removed | Should -BeTrue
        $report.Counts | Should -Be @(2, 2)
        $report.CmdletContext | Should -Be 'Default'
        $report.EngineContext | Should -Be 'PersonalizeDeletion'
    }

    It 'honours -Credential and $StoredAWSCredentials objects of another AWSSDK.Core copy (AWS.Tools 5 in the default context)' {
        $report = Invoke-PdChildSession -Variable @{ OtherCore = $RealCoreCopy; Foreign = $ForeignKey; Stored = $StoredKey } -Script ($ReportLoadContexts + @'
$otherCore = [System.Reflection.Assembly]::LoadFrom($OtherCore)
$credentialType = $otherCore.GetType('Amazon.Runtime.BasicAWSCredentials', $true)
Import-Module $ModulePath
$byParameter = @(Get-PDataDeletionJob -DatasetGroupArn $RetailGroup -Credential $credentialType::new($Foreign[0], $Foreign[1])).Count
$global:StoredAWSCredentials = $credentialType::new($Stored[0], $Stored[1])
$byStored = @(Get-PDataDeletionJob -DatasetGroupArn $RetailGroup).Count
$report = Get-PdLoadReport
$ourCredentialType = (Get-PdEngineContext).Assemblies |
    Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } | ForEach-Object { $_.GetType('Amazon.Runtime.AWSCredentials', $true) }
$report.Counts = @($byParameter, $byStored)
$report.CredentialContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($credentialType.Assembly).Name
$report.CredentialIsOurType = $ourCredentialType.IsAssignableFrom($credentialType)
$report | ConvertTo-Json -Compress -Depth 4
'@)

        $report.Counts | Should -Be @(2, 2)
        # The objects really are foreign: another copy of AWSSDK.Core, whose types ours cannot cast to.
        $report.CredentialContext | Should -Be 'Default'
        $report.CredentialIsOurType | Should -BeFalse
        $report.DefaultCoreVersions | Should -Be @('4.0.0.0')
        $report.CmdletContext | Should -Be 'Default'
        $report.EngineContext | Should -Be 'PersonalizeDeletion'
        @(Get-PdFakeRequest -Service personalize).accessKeyId | Select-Object -Unique | Should -Be @($ForeignKey[0], $StoredKey[0])
    }

    It 'loads the engine and AWSSDK into a private context, and the cmdlets, PowerShell and framework assemblies from the default one' {
        $report = Invoke-PdChildSession -Script ($ReportLoadContexts + @'
Import-Module $ModulePath
$null = Get-PDataDeletionJob -DatasetGroupArn $RetailGroup
$report = Get-PdLoadReport
$report.RuntimeDirectory = [System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
$report | ConvertTo-Json -Compress -Depth 4
'@)

        $report.CmdletContext | Should -Be 'Default'
        $report.EngineContext | Should -Be 'PersonalizeDeletion'
        $report.DefaultOurs | Should -Be @('PersonalizeDeletion', 'PersonalizeDeletion.Loader')
        $report.EngineFolder | Should -Be $report.CmdletFolder
        $report.ModuleCoreCount | Should -Be 1
        $report.DefaultCoreVersions | Should -BeNullOrEmpty
        # Our cmdlets derive from PowerShell's own PSCmdlet, not from a copy of System.Management.Automation.
        $report.DerivesFromPSCmdlet | Should -BeTrue
        # Everything in the private context came from the module folder ...
        $report.OutsideModuleFolder | Should -BeNullOrEmpty
        # ... and what the runtime provides at a higher version (we ship netstandard2.0 copies for 5.1) did not.
        $report.TextJsonContext | Should -Be 'Default'
        $report.TextJsonLocation | Should -BeLike "$($report.RuntimeDirectory.TrimEnd('/\'))*"
    }

    It 'loads neither the engine nor the AWS SDK at import, only when a command first runs' {
        $report = Invoke-PdChildSession -Script ($ReportLoadContexts + @'
function Get-PdLoaded { @([System.AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name } | Where-Object { $_ -like 'PersonalizeDeletion*' -or $_ -like 'AWSSDK*' } | Sort-Object) }
Import-Module $ModulePath
$afterImport = Get-PdLoaded
$null = Get-PDataDeletionJob -DatasetGroupArn $RetailGroup
$report = Get-PdLoadReport
$report.AfterImport = $afterImport
$report.AfterCommand = Get-PdLoaded
$report | ConvertTo-Json -Compress -Depth 4
'@)

        $report.AfterImport | Should -Be @('PersonalizeDeletion', 'PersonalizeDeletion.Loader')
        $report.AfterCommand | Should -Contain 'PersonalizeDeletion.Engine'
        $report.AfterCommand | Should -Contain 'AWSSDK.Core'
        $report.EngineContext | Should -Be 'PersonalizeDeletion'
    }
}

Describe 'The shipped assemblies bind on Windows PowerShell 5.1' -Skip:(-not $IsCore) {
    # .NET Framework binds a strong-named reference only to its exact version, and Windows PowerShell gives a module
    # no binding redirects: every reference between the files of the module folder must match exactly or be served
    # by the module's resolver, asked here as .NET Framework would ask it. The references are read with
    # System.Reflection.Metadata, so this runs on PowerShell 7 on any system; the 5.1 job runs the module for real.
    BeforeAll {
        function Get-PdAssemblyReference([string] $Path) {
            $stream = [System.IO.File]::OpenRead($Path)
            $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            try {
                if (-not $pe.HasMetadata) { return }
                $metadata = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
                foreach ($handle in $metadata.AssemblyReferences) { $metadata.GetAssemblyReference($handle).GetAssemblyName() }
            }
            finally { $pe.Dispose(); $stream.Dispose() }
        }

        function Test-PdExactBinding([System.Reflection.AssemblyName] $Reference, [System.Reflection.AssemblyName] $Shipped) {
            $shippedToken = [BitConverter]::ToString(@($Shipped.GetPublicKeyToken()))
            # .NET Framework ignores the version of a reference to an assembly without a strong name.
            if ($shippedToken -eq '') { return $true }
            $Reference.Version -eq $Shipped.Version -and
                [BitConverter]::ToString(@($Reference.GetPublicKeyToken())) -eq $shippedToken -and
                "$($Reference.CultureName)" -eq "$($Shipped.CultureName)"
        }
    }

    It 'has no reference to a shipped assembly that neither binds exactly nor is served by the module''s resolver' {
        $resolverType = (Get-Command Get-PDataDeletionJob).ImplementingType.Assembly.GetType('PersonalizeDeletion.Loading.ModuleAssemblyResolver', $true)
        $resolver = [Activator]::CreateInstance($resolverType, [System.Reflection.BindingFlags]'Instance, NonPublic', $null, @(, [string]$PdModulePath), $null)
        $resolve = $resolverType.GetMethod('Resolve', [System.Reflection.BindingFlags]'Instance, NonPublic')

        $files = @(Get-ChildItem -LiteralPath $PdModulePath -Filter '*.dll' -File)
        $shipped = @{}
        foreach ($file in $files) { $shipped[$file.BaseName] = [System.Reflection.AssemblyName]::GetAssemblyName($file.FullName) }
        $exact = [System.Collections.Generic.List[string]]::new()
        $served = [System.Collections.Generic.List[string]]::new()
        $unbound = [System.Collections.Generic.List[string]]::new()
        foreach ($file in $files) {
            foreach ($reference in Get-PdAssemblyReference $file.FullName) {
                $target = $shipped[$reference.Name]
                if (-not $target) { continue }
                $line = "$($file.Name) -> $($reference.FullName) (shipped: $($target.Version))"
                if (Test-PdExactBinding $reference $target) { $exact.Add($line); continue }
                $answer = $resolve.Invoke($resolver, @($reference.FullName, $file.FullName))
                $expected = [System.IO.Path]::GetFullPath((Join-Path $PdModulePath "$($target.Name).dll"))
                if ($answer -and [System.IO.Path]::GetFullPath($answer) -eq $expected) { $served.Add($line) } else { $unbound.Add($line) }
            }
        }

        $exact.Count | Should -BeGreaterThan 10 -Because 'the module''s assemblies reference each other'
        $unbound | Should -BeNullOrEmpty -Because ".NET Framework would not bind these (the resolver serves: $($served -join '; '))"
    }
}

# Only Windows PowerShell 5.1 can run these (CI's 5.1 job does); elsewhere they are not defined rather than skipped.
# (Not indented: the here-strings inside must start at the beginning of a line.)
if (-not $IsCore) {
Describe 'Windows PowerShell 5.1 sessions' {
    BeforeEach {
        Reset-PdFake
        $null = Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Count 2 -Status COMPLETED -NamePrefix 'isolation'
        Clear-PdFakeRequest
    }

    It 'runs its first command on one copy of each of its own assemblies, all from the module folder' {
        $report = Invoke-PdChildSession -Script @'
Import-Module $ModulePath
$jobs = @(Get-PDataDeletionJob -DatasetGroupArn $RetailGroup)
$folder = Split-Path (Get-Command Get-PDataDeletionJob).ImplementingType.Assembly.Location
$ours = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not $_.IsDynamic -and (Test-Path -LiteralPath (Join-Path $folder ($_.GetName().Name + '.dll'))) })
[ordered]@{
    JobCount = $jobs.Count
    Folder   = $folder
    Names    = @($ours | ForEach-Object { $_.GetName().Name })
    Outside  = @($ours | Where-Object { (Split-Path $_.Location) -ne $folder } | ForEach-Object { "$($_.FullName) from $($_.Location)" })
} | ConvertTo-Json -Compress -Depth 4
'@

        $report.JobCount | Should -Be 2
        foreach ($name in 'PersonalizeDeletion.Engine', 'AWSSDK.Core', 'System.Text.Json', 'System.Memory') { $report.Names | Should -Contain $name }
        @($report.Names | Group-Object | Where-Object Count -GT 1 | ForEach-Object Name) | Should -BeNullOrEmpty -Because 'two copies of one assembly make two incompatible sets of its types'
        $report.Outside | Should -BeNullOrEmpty -Because 'the module runs on what it ships (the GAC or another module could hold other versions)'
    }

    It 'stops every command with AwsSdkConflict, before any request, when AWS.Tools 5''s older AWSSDK.Core was loaded first' {
        $OlderCore | Should -Exist -Because 'tools/restore/Restore.csproj downloads it'
        $report = Invoke-PdChildSession -Variable @{ OlderCore = $OlderCore } -Script @'
$null = [System.Reflection.Assembly]::LoadFrom($OlderCore)
Import-Module $ModulePath
function Get-PdFailure { try { $null = Get-PDataDeletionJob -DatasetGroupArn $RetailGroup; $null } catch { $_ } }
$first = Get-PdFailure
$second = Get-PdFailure
if (-not $first) { throw 'Get-PDataDeletionJob ran on the older AWSSDK.Core.' }
[ordered]@{
    ErrorId        = $first.FullyQualifiedErrorId
    Category       = [string]$first.CategoryInfo.Category
    ExceptionType  = $first.Exception.GetType().FullName
    Message        = $first.Exception.Message
    TargetLocation = $first.TargetObject.Location
    SecondErrorId  = $(if ($second) { $second.FullyQualifiedErrorId } else { 'ran' })
} | ConvertTo-Json -Compress
'@

        $report.ErrorId | Should -Be 'AwsSdkConflict,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
        $report.Category | Should -Be 'ResourceUnavailable'
        $report.ExceptionType | Should -Be 'PersonalizeDeletion.Loading.AwsSdkConflictException'
        $report.TargetLocation | Should -Be $OlderCore
        $report.Message | Should -BeLike "*AWSSDK.Core $OlderCoreVersion is already loaded from '$OlderCore'*"
        $report.Message | Should -BeLike '*PowerShell 7.4 or later*'
        $report.SecondErrorId | Should -Be $report.ErrorId
        Get-PdFakeRequest -Service personalize | Should -BeNullOrEmpty -Because 'nothing is sent on the older SDK'
    }
}
}
