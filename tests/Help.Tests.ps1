# Help of the BUILT module, measured against the cmdlets' own metadata (Get-Command), and the help generator's
# refusal of docs that are out of step with the code.

BeforeDiscovery {
    $script:CommandNames = (Import-PowerShellDataFile (Join-Path (Split-Path $PSScriptRoot) 'PersonalizeDeletion.psd1')).CmdletsToExport
}

BeforeAll {
    $ErrorActionPreference = 'Stop'
    $script:RepoRoot = Split-Path $PSScriptRoot
    $script:ModulePath = if ($env:PD_MODULE_PATH) { $env:PD_MODULE_PATH } else { Join-Path $script:RepoRoot 'output/PersonalizeDeletion' }
    Import-Module (Join-Path $script:ModulePath 'PersonalizeDeletion.psd1') -Force
    $script:Common = [string[]]([System.Management.Automation.Cmdlet]::CommonParameters) + 'ProgressAction'

    function Test-HiddenParameter($Parameter) {
        # DontShow parameters (Wait-PDataDeletionJob's counts carried from New's output) are bound from piped
        # objects only; PowerShell leaves them out of syntax and completion, and so does the help.
        [bool]@($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count
    }

    function Get-PublicParameter([string] $Name) {
        (Get-Command $Name).Parameters.Values | Where-Object Name -NotIn $script:Common | Where-Object { -not (Test-HiddenParameter $_) }
    }

    function Get-ExpectedView($Command, [string] $Name) {
        # Required/position as in the default set (or the first set that has the parameter); pipeline over all sets.
        $entries = @(foreach ($set in $Command.ParameterSets) { foreach ($p in $set.Parameters) { if ($p.Name -eq $Name) { [pscustomobject]@{ Set = $set.Name; IsDefault = $set.IsDefault; P = $p } } } })
        $primary = @(@($entries | Where-Object IsDefault) + $entries)[0].P
        [pscustomobject]@{
            Required       = $primary.IsMandatory
            Position       = if ($primary.Position -eq [int]::MinValue) { 'named' } else { [string]$primary.Position }
            ByValue        = [bool]@($entries | Where-Object { $_.P.ValueFromPipeline }).Count
            ByPropertyName = [bool]@($entries | Where-Object { $_.P.ValueFromPipelineByPropertyName }).Count
        }
    }
}

Describe 'Help of <_>' -ForEach $CommandNames {
    BeforeAll {
        $script:Name = $_
        $script:Command = Get-Command $script:Name
        $script:Help = Get-Help $script:Name -Full
        $script:Documented = @($script:Help.parameters.parameter)
    }

    It 'comes from the module''s MAML file, named after the cmdlet assembly' {
        Split-Path $Command.HelpFile -Leaf | Should -Be 'PersonalizeDeletion.dll-Help.xml'
        Test-Path (Join-Path $Command.Module.ModuleBase 'en-US/PersonalizeDeletion.dll-Help.xml') | Should -BeTrue
    }

    It 'has a written synopsis, not the generated syntax line' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))\s"
    }

    It 'has a description' {
        ($Help.description.Text -join ' ').Length | Should -BeGreaterThan 100
    }

    It 'has at least three examples, each with code and an explanation' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 3
        foreach ($example in $examples) {
            $example.code | Should -Match $Name.Split('-')[1]
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'documents every public parameter, with a description' {
        foreach ($parameter in Get-PublicParameter $Name) {
            $entry = $Documented | Where-Object name -EQ $parameter.Name
            $entry | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) is a parameter of $Name"
            ($entry.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
        }
    }

    It 'documents no parameter the cmdlet does not have, and no common parameter' {
        $public = @((Get-PublicParameter $Name).Name)
        foreach ($entry in $Documented) {
            $entry.name | Should -BeIn $public
        }
        $Documented.name | Should -Not -Contain 'ProgressAction'
    }

    It 'shows each parameter''s real type, required, position, pipeline input, aliases and wildcards' {
        foreach ($parameter in Get-PublicParameter $Name) {
            $entry = $Documented | Where-Object name -EQ $parameter.Name
            $view = Get-ExpectedView $Command $parameter.Name
            $because = "of -$($parameter.Name)"
            $entry.type.name | Should -Be $parameter.ParameterType.FullName -Because $because
            $entry.required | Should -Be $view.Required.ToString().ToLowerInvariant() -Because $because
            $entry.position | Should -Be $view.Position -Because $because
            $entry.pipelineInput -match '\bByValue\b' | Should -Be $view.ByValue -Because $because
            $entry.pipelineInput -match '\bByPropertyName\b' | Should -Be $view.ByPropertyName -Because $because
            $expectedAliases = if ($parameter.Aliases.Count) { ($parameter.Aliases | Sort-Object) -join ',' } else { 'none' }
            (($entry.aliases -split '\s*,\s*' | Sort-Object) -join ',') | Should -Be $expectedAliases -Because $because
            $wildcards = [bool]@($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
            $entry.globbing | Should -Be $wildcards.ToString().ToLowerInvariant() -Because $because
        }
    }

    It 'shows one syntax per parameter set, with that set''s parameters and mandatory ones' {
        $items = @($Help.syntax.syntaxItem)
        $items.Count | Should -Be @($Command.ParameterSets).Count
        for ($i = 0; $i -lt $items.Count; $i++) {
            $set = $Command.ParameterSets[$i]
            $codeNames = @($set.Parameters | Where-Object Name -NotIn $Common | Where-Object { -not (Test-HiddenParameter $_) } | ForEach-Object Name | Sort-Object)
            @($items[$i].parameter.name | Sort-Object) | Should -Be $codeNames -Because "set $($set.Name)"
            $codeRequired = @($set.Parameters | Where-Object IsMandatory | ForEach-Object Name | Sort-Object)
            @($items[$i].parameter | Where-Object required -EQ 'true' | ForEach-Object name | Sort-Object) | Should -Be $codeRequired -Because "set $($set.Name)"
        }
    }

    It 'answers Get-Help -Examples and -Parameter *' {
        @((Get-Help $Name -Examples).examples.example).Count | Should -BeGreaterOrEqual 3
        @(Get-Help $Name -Parameter *).Count | Should -Be @(Get-PublicParameter $Name).Count
        (Get-Help $Name -Parameter Region).name | Should -Be 'Region'
    }

    It 'opens its own https page with -Online (the first related link)' {
        $uri = @($Help.relatedLinks.navigationLink)[0].uri
        $uri | Should -Match "^https://\S+/$([regex]::Escape($Name))\.md$"
        { [uri]::new($uri) } | Should -Not -Throw
    }
}

Describe 'about_PersonalizeDeletion' {
    BeforeAll {
        $script:About = Get-Help about_PersonalizeDeletion | Out-String
        $script:AboutFile = Join-Path $ModulePath 'en-US/about_PersonalizeDeletion.help.txt'
    }

    It 'is found by Get-Help, in the usual about_ layout' {
        $About | Should -Match '(?m)^TOPIC\s*$'
        $About | Should -Match '(?m)^SHORT DESCRIPTION\s*$'
        $About | Should -Match '(?m)^LONG DESCRIPTION\s*$'
        $About | Should -Match 'CreateDataDeletionJob'
    }

    It 'is wrapped at 80 columns (a single unbreakable word aside)' {
        foreach ($line in Get-Content $AboutFile) {
            if ($line.Trim() -match '\s') { $line.Length | Should -BeLessOrEqual 80 -Because "'$line'" }
        }
    }

    It 'covers the topics a data engineer needs before deleting' {
        foreach ($topic in 'WHAT A DELETION JOB REMOVES', 'WHAT IT DOES NOT REMOVE', 'HOW LONG IT TAKES', 'PERMISSIONS OF THE CALLER', 'EXACTLY ONCE', 'RUNBOOKS', 'TROUBLESHOOTING') {
            $About | Should -Match ([regex]::Escape($topic)) -Because 'about_PersonalizeDeletion explains it'
        }
    }
}

Describe 'The help generator' {
    BeforeAll {
        $script:Generator = Join-Path $RepoRoot 'tools/New-ModuleHelp.ps1'
        $script:Docs = Join-Path $RepoRoot 'docs/en-US'

        # The built module's commands, exported once (in a child, as the generator does) for every run below.
        $script:Metadata = Join-Path ([IO.Path]::GetTempPath()) ('pd-help-metadata-' + [guid]::NewGuid().ToString('n') + '.json')
        Push-Location $RepoRoot
        try { $exported = dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $RepoRoot 'tools/help/Export-CommandMetadata.ps1') -ModulePath $script:ModulePath }
        finally { Pop-Location }
        if ($LASTEXITCODE -ne 0) { throw "Export-CommandMetadata failed: $exported" }
        [IO.File]::WriteAllText($script:Metadata, ($exported -join "`n"))

        function Invoke-Generator([scriptblock] $Change) {
            # A copy of the docs, changed by $Change, turned into help in a scratch folder.
            $scratch = Join-Path ([IO.Path]::GetTempPath()) ('pd-help-' + [guid]::NewGuid().ToString('n'))
            $docs = Join-Path $scratch 'docs'
            $null = New-Item -ItemType Directory -Path $docs
            Copy-Item (Join-Path $script:Docs '*.md') $docs
            try {
                & $Change $docs
                & $script:Generator -ModulePath $script:ModulePath -DocsPath $docs -OutputPath (Join-Path $scratch 'out') -CommandMetadataPath $script:Metadata
                Get-ChildItem (Join-Path $scratch 'out') | ForEach-Object Name
            }
            finally { Remove-Item $scratch -Recurse -Force }
        }

        function Edit-Page([string] $Docs, [string] $Page, [string] $Pattern, [string] $Replacement) {
            $path = Join-Path $Docs $Page
            $text = [IO.File]::ReadAllText($path)
            $changed = [regex]::Replace($text, $Pattern, $Replacement)
            if ($changed -eq $text) { throw "The pattern '$Pattern' did not change $Page." }
            [IO.File]::WriteAllText($path, $changed)
        }
    }

    AfterAll {
        Remove-Item $script:Metadata -ErrorAction SilentlyContinue
    }

    It 'writes the MAML file and the about topic from the docs as they are' {
        Invoke-Generator {} | Sort-Object | Should -Be @('about_PersonalizeDeletion.help.txt', 'PersonalizeDeletion.dll-Help.xml')
    }

    It 'fails when a cmdlet has no page' {
        { Invoke-Generator { param($docs) Remove-Item (Join-Path $docs 'Wait-PDataDeletionJob.md') } } |
            Should -Throw '*Wait-PDataDeletionJob: no help page*'
    }

    It 'fails when a parameter of the cmdlet is not documented' {
        { Invoke-Generator { param($docs) Edit-Page $docs 'Get-PDataDeletionJob.md' '(?s)### -Detailed\r?\n.*?(?=### )' '' } } |
            Should -Throw '*Get-PDataDeletionJob: misses parameter -Detailed*'
    }

    It 'fails when a page documents a parameter the cmdlet does not have' {
        $bogus = "### -Bogus`nNot a parameter.`n`n``````yaml`nType: String`nParameter Sets: (All)`nAliases:`n`nRequired: False`nPosition: Named`nDefault value: None`nAccept pipeline input: False`nAccept wildcard characters: False`n```````n`n"
        { Invoke-Generator { param($docs) Edit-Page $docs 'Wait-PDataDeletionJob.md' '### -Timeout' ($bogus + '### -Timeout') } } |
            Should -Throw '*Wait-PDataDeletionJob: documents parameter -Bogus, which the cmdlet does not have*'
    }

    It 'fails when a page has no example' {
        { Invoke-Generator { param($docs) Edit-Page $docs 'Get-PDataDeletionJob.md' '(?s)(## EXAMPLES\r?\n).*?(?=## PARAMETERS)' '$1' } } |
            Should -Throw '*Get-PDataDeletionJob: has no example*'
    }

    It 'fails when a parameter''s yaml contradicts the code' {
        { Invoke-Generator { param($docs) Edit-Page $docs 'Get-PDataDeletionJob.md' '(?s)(### -Name\r?\n.*?Accept wildcard characters: )True' '${1}False' } } |
            Should -Throw "*-Name: yaml 'Accept wildcard characters: False' but the code says True*"
    }

    It 'fails when the SYNTAX block differs from what PowerShell prints' {
        { Invoke-Generator { param($docs) Edit-Page $docs 'Wait-PDataDeletionJob.md' '\[-Any\] ' '' } } |
            Should -Throw '*Wait-PDataDeletionJob: SYNTAX block differs from the code*'
    }
}
