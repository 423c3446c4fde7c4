# The module manifest, as written (PersonalizeDeletion.psd1) and as built (output/PersonalizeDeletion), is ready
# for the PowerShell Gallery.

BeforeAll {
    $ErrorActionPreference = 'Stop'
    $script:RepoRoot = Split-Path $PSScriptRoot
    $script:ModulePath = if ($env:PD_MODULE_PATH) { $env:PD_MODULE_PATH } else { Join-Path $script:RepoRoot 'output/PersonalizeDeletion' }
    $script:Source = Import-PowerShellDataFile (Join-Path $script:RepoRoot 'PersonalizeDeletion.psd1')
    $script:BuiltPath = Join-Path $script:ModulePath 'PersonalizeDeletion.psd1'
    $script:Built = Import-PowerShellDataFile $script:BuiltPath
    $script:Cmdlets = @('New-PDataDeletionJob', 'Get-PDataDeletionJob', 'Wait-PDataDeletionJob')

    # The newest '## ' section of CHANGELOG.md, read here independently of build.ps1.
    $lines = Get-Content (Join-Path $script:RepoRoot 'CHANGELOG.md')
    $headings = @(for ($i = 0; $i -lt $lines.Count; $i++) { if ($lines[$i] -match '^## ') { $i } })
    $end = if ($headings.Count -gt 1) { $headings[1] - 1 } else { $lines.Count - 1 }
    $script:NewestSection = (($lines[$headings[0]..$end]) -join "`n").Trim()
    $script:NewestVersion = [regex]::Match($lines[$headings[0]], '^##\s+\[?(\d+\.\d+\.\d+[^\s\]]*)').Groups[1].Value
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest as built' {
        $info = Test-ModuleManifest -Path $BuiltPath
        $info.Name | Should -Be 'PersonalizeDeletion'
        $info.Version | Should -Be ([version]$Source.ModuleVersion)
    }

    It 'names its author, company, copyright and a description of substance' {
        foreach ($key in 'Author', 'CompanyName', 'Copyright') { $Source[$key] | Should -Not -BeNullOrEmpty -Because "$key is shown on the Gallery" }
        $Source.Copyright | Should -Match '\b20\d\d\b'
        $Source.Description.Length | Should -BeGreaterThan 80
        $Source.Description | Should -Match 'Personalize'
    }

    It 'keeps its GUID: a new GUID makes the Gallery treat it as another module' {
        $Source.GUID | Should -Be 'e749cc05-69a3-41b8-a980-c55cb7d976c9'
    }

    It 'has a SemVer ModuleVersion matching the newest CHANGELOG section' {
        $Source.ModuleVersion | Should -Match '^\d+\.\d+\.\d+$'
        $NewestVersion | Should -Be $Source.ModuleVersion
    }

    It 'has Gallery tags without spaces, including the ones people search for' {
        $tags = @($Source.PrivateData.PSData.Tags)
        foreach ($tag in $tags) { $tag | Should -Not -Match '\s' }
        foreach ($tag in 'AWS', 'Personalize', 'GDPR', 'CCPA', 'Privacy', 'DataDeletion', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS') {
            $tags | Should -Contain $tag
        }
    }

    It 'links the project, the license and the help as https URLs' {
        $Source.PrivateData.PSData.ProjectUri | Should -Match '^https://\S+$'
        $Source.PrivateData.PSData.LicenseUri | Should -Match '^https://\S+/LICENSE$'
        $Source.HelpInfoURI | Should -Match '^https://\S+$'
    }

    It 'leaves ReleaseNotes to the build, which fills them from the newest CHANGELOG section' {
        $Source.PrivateData.PSData.ReleaseNotes | Should -BeNullOrEmpty
        $Built.PrivateData.PSData.ReleaseNotes | Should -Be $NewestSection
        $Built.PrivateData.PSData.ReleaseNotes | Should -Match ([regex]::Escape($Source.ModuleVersion))
    }

    It 'exports its cmdlets by name and nothing else' {
        @($Source.CmdletsToExport | Sort-Object) | Should -Be @($Cmdlets | Sort-Object)
        foreach ($key in 'FunctionsToExport', 'VariablesToExport', 'AliasesToExport') {
            $Source.ContainsKey($key) | Should -BeTrue -Because "an explicit $key keeps module discovery fast"
            @($Source[$key]).Count | Should -Be 0 -Because "$key is @()"
        }
    }

    It 'exports exactly those cmdlets once imported' {
        $module = Import-Module $BuiltPath -Force -PassThru
        try {
            @($module.ExportedCommands.Keys | Sort-Object) | Should -Be @($Cmdlets | Sort-Object)
        }
        finally { Remove-Module $module -Force }
    }

    It 'runs on Windows PowerShell 5.1 and PowerShell 7 by declaration' {
        $Source.PowerShellVersion | Should -Be '5.1'
        @($Source.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
    }

    It 'loads its format file, which ships with the module' {
        $Source.FormatsToProcess | Should -Contain 'PersonalizeDeletion.Format.ps1xml'
        foreach ($file in $Source.FormatsToProcess) { Join-Path $ModulePath $file | Should -Exist }
    }
}
