# The Gallery package: built with tools/Publish-LocalRepository.ps1 from the BUILT module, installed with
# PSResourceGet from a temporary repository, imported in a fresh process and run against the fake.

BeforeAll {
    $ErrorActionPreference = 'Stop'
    $script:RepoRoot = Split-Path $PSScriptRoot
    $script:ModulePath = if ($env:PD_MODULE_PATH) { $env:PD_MODULE_PATH } else { Join-Path $script:RepoRoot 'output/PersonalizeDeletion' }
    $script:Version = (Import-PowerShellDataFile (Join-Path $script:ModulePath 'PersonalizeDeletion.psd1')).ModuleVersion
    $script:Scratch = Join-Path ([IO.Path]::GetTempPath()) ('pd-package-' + [guid]::NewGuid().ToString('n'))
    $script:Repository = Join-Path $script:Scratch 'repository'
    $null = New-Item -ItemType Directory -Path $script:Repository

    # A child PowerShell started the way build.ps1 starts one (dotnet pwsh, or pwsh itself); under Windows
    # PowerShell (-TestHost powershell), the pinned `dotnet pwsh`, whose PSResourceGet publishes and installs.
    $script:PwshHost = if ($PSVersionTable.PSEdition -eq 'Core') { [Environment]::ProcessPath } else { 'dotnet' }
    $script:PwshArguments = @(if ([IO.Path]::GetFileNameWithoutExtension($script:PwshHost) -eq 'dotnet') { if ($PSVersionTable.PSEdition -eq 'Core') { Join-Path $PSHOME 'pwsh.dll' } else { 'pwsh' } })
    function Invoke-ChildPwsh([string] $Script, [hashtable] $Environment = @{}) {
        $saved = @{}
        foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
        try {
            $output = & $script:PwshHost @script:PwshArguments -NoProfile -NonInteractive -Command $Script 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }

    $publisher = Join-Path $script:RepoRoot 'tools/Publish-LocalRepository.ps1'
    $script:Publish = Invoke-ChildPwsh "& '$publisher' -ModulePath '$($script:ModulePath)' -RepositoryPath '$($script:Repository)'"
    $script:Package = Join-Path $script:Repository "PersonalizeDeletion.$($script:Version).nupkg"
    # The store PSResourceGet keeps its repository list in, for this test only (Linux/macOS: XDG_DATA_HOME).
    $script:Store = Join-Path $script:Scratch 'store'
}

AfterAll {
    if ($script:Scratch -and (Test-Path $script:Scratch)) { Remove-Item $script:Scratch -Recurse -Force }
}

Describe 'The Gallery package' {
    It 'is published as PersonalizeDeletion.<version>.nupkg' {
        $Publish.ExitCode | Should -Be 0 -Because ($Publish.Output -join "`n")
        $Package | Should -Exist
    }

    It 'holds the module and nothing of the build or the tests' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($Package)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        foreach ($required in 'PersonalizeDeletion.psd1', 'PersonalizeDeletion.dll', 'PersonalizeDeletion.Format.ps1xml', 'LICENSE',
            'en-US/PersonalizeDeletion.dll-Help.xml', 'en-US/about_PersonalizeDeletion.help.txt', 'AWSSDK.Core.dll') {
            $entries | Should -Contain $required
        }
        # Symbols stay out: the Gallery package is what users run, and PDBs would only add size.
        $entries | Where-Object { $_ -match '(?i)(^|/)(tests?|src|obj|bin|docs|tools|bench|output)/|\.(pdb|cs|csproj|Tests\.ps1|trx)$|(^|/)(build\.ps1|Directory\.[^/]*\.props)$' } | Should -BeNullOrEmpty
    }

    It 'describes the module in its nuspec (id, version, tags, links)' {
        $zip = [IO.Compression.ZipFile]::OpenRead($Package)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry('PersonalizeDeletion.nuspec').Open())
            $nuspec = [xml]$reader.ReadToEnd()
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'PersonalizeDeletion'
        $metadata.version | Should -Be $Version
        $metadata.tags -split ' ' | Should -Contain 'GDPR'
        $metadata.tags -split ' ' | Should -Contain 'PSModule'
        $metadata.projectUrl | Should -Match '^https://'
        $metadata.releaseNotes | Should -Match ([regex]::Escape($Version))
    }

    It 'installs from a repository and runs in a fresh process against the fake' {
        . (Join-Path $PSScriptRoot 'Fake.ps1')
        $fake = Start-PdFake
        try {
            Add-PdFakeJob -Fake $fake -DatasetGroupArn 'arn:aws:personalize:us-east-1:123456789012:dataset-group/retail' -Count 2 -Status COMPLETED -NamePrefix 'packaged'
            $installed = Join-Path $Scratch 'installed'
            $script = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Import-Module Microsoft.PowerShell.PSResourceGet
`$name = 'PdPackageTest-' + [guid]::NewGuid().ToString('n').Substring(0, 8)
Register-PSResourceRepository -Name `$name -Uri '$Repository' -Trusted
try {
    `$null = New-Item -ItemType Directory -Force -Path '$installed'
    Save-PSResource -Name PersonalizeDeletion -Repository `$name -Path '$installed' -TrustRepository -Quiet
}
finally { Unregister-PSResourceRepository -Name `$name }
"@
            $save = Invoke-ChildPwsh $script -Environment @{ XDG_DATA_HOME = $Store }
            $save.ExitCode | Should -Be 0 -Because ($save.Output -join "`n")
            $manifest = Join-Path $installed "PersonalizeDeletion/$Version/PersonalizeDeletion.psd1"
            $manifest | Should -Exist
            (Test-ModuleManifest -Path $manifest).Version | Should -Be ([version]$Version)

            $run = Invoke-ChildPwsh @"
`$ErrorActionPreference = 'Stop'
Import-Module '$manifest'
`$jobs = @(Get-PDataDeletionJob -DatasetGroupArn 'arn:aws:personalize:us-east-1:123456789012:dataset-group/retail')
'MODULE=' + (Get-Module PersonalizeDeletion).ModuleBase
'JOBS=' + `$jobs.Count
'TYPE=' + (`$jobs | Select-Object -First 1).GetType().FullName
'GROUPS=' + ((`$jobs.DatasetGroupArn | Sort-Object -Unique) -join ',')
"@ -Environment @{
                AWS_ENDPOINT_URL_PERSONALIZE = $fake.Url
                AWS_ACCESS_KEY_ID            = 'AKIAFAKEDEFAULT00001'
                AWS_SECRET_ACCESS_KEY        = 'fakeSecretDefault0000000000000000000000'
                AWS_REGION                   = 'us-east-1'
                AWS_EC2_METADATA_DISABLED    = 'true'
                AWS_PROFILE                  = $null
                AWS_SHARED_CREDENTIALS_FILE  = (Join-Path $Scratch 'no-credentials')
                AWS_CONFIG_FILE              = (Join-Path $Scratch 'no-config')
            }
            $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
            $run.Output | Should -Contain "MODULE=$(Split-Path $manifest)"
            $run.Output | Should -Contain 'JOBS=2'
            $run.Output | Should -Contain 'TYPE=PersonalizeDeletion.DataDeletionJob'
            $run.Output | Should -Contain 'GROUPS=arn:aws:personalize:us-east-1:123456789012:dataset-group/retail'
        }
        finally {
            Stop-PdFake -Fake $fake
        }
    }
}
