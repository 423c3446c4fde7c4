# Functions of tools/New-ModuleHelp.ps1: reading platyPS-layout markdown with Markdig, checking it against the
# commands' metadata, and writing MAML and about_ text. Dot-sourced; defines functions only.

$script:MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$script:CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'
$script:CommandHelpSections = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')
$script:AboutWidth = 80
$script:MarkdownPipeline = $null

function Import-Markdig {
    param([Parameter(Mandatory)] [string] $Version)
    if ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Markdig' }) { return }
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $framework = if ($PSVersionTable.PSEdition -eq 'Core') { 'net8.0' } else { 'net462' }
    $dll = Join-Path $packages "markdig/$Version/lib/$framework/Markdig.dll"
    if (-not (Test-Path -LiteralPath $dll)) {
        throw "Markdig $Version is not restored ($dll is missing); run 'dotnet restore tools/restore/Restore.csproj'."
    }
    Add-Type -Path $dll
}

function Read-MarkdownDocument {
    param([Parameter(Mandatory)] [string] $Path)
    if (-not $script:MarkdownPipeline) {
        $builder = [Markdig.MarkdownPipelineBuilder]::new()
        $builder = [Markdig.MarkdownExtensions]::UseYamlFrontMatter($builder)
        # Tables are parsed only so they can be refused by name: help text has no table rendering.
        $builder = [Markdig.MarkdownExtensions]::UsePipeTables($builder, $null)
        $script:MarkdownPipeline = $builder.Build()
    }
    $text = [IO.File]::ReadAllText($Path)
    , [Markdig.Markdown]::Parse($text, $script:MarkdownPipeline, $null)
}

# ---- inline and block text ------------------------------------------------------------------------------------

function ConvertFrom-MarkdownInline {
    # Plain text of an inline container: code spans and emphasis lose their marks, links keep their target.
    param($Inline)
    if ($null -eq $Inline) { return '' }
    $builder = [Text.StringBuilder]::new()
    foreach ($node in $Inline) { Add-InlineText -Builder $builder -Node $node }
    $builder.ToString()
}

function Add-InlineText {
    param([Text.StringBuilder] $Builder, $Node)
    if ($Node -is [Markdig.Syntax.Inlines.LiteralInline]) { $null = $Builder.Append($Node.Content.ToString()) }
    elseif ($Node -is [Markdig.Syntax.Inlines.CodeInline]) { $null = $Builder.Append($Node.Content) }
    elseif ($Node -is [Markdig.Syntax.Inlines.LineBreakInline]) { $null = $Builder.Append($(if ($Node.IsHard) { "`n" } else { ' ' })) }
    elseif ($Node -is [Markdig.Syntax.Inlines.HtmlEntityInline]) { $null = $Builder.Append($Node.Transcoded.ToString()) }
    elseif ($Node -is [Markdig.Syntax.Inlines.AutolinkInline]) { $null = $Builder.Append($Node.Url) }
    elseif ($Node -is [Markdig.Syntax.Inlines.LinkInline]) {
        $label = ConvertFrom-MarkdownInline $Node
        $url = [string]$Node.Url
        if ($Node.IsAutoLink -or $label -eq $url -or -not ($url -match '^https?://')) { $null = $Builder.Append($label) }
        else { $null = $Builder.Append("$label ($url)") }
    }
    elseif ($Node -is [Markdig.Syntax.Inlines.HtmlInline]) { throw "inline HTML ('$($Node.Tag)') cannot be shown in console help." }
    elseif ($Node -is [Markdig.Syntax.Inlines.ContainerInline]) { foreach ($child in $Node) { Add-InlineText -Builder $Builder -Node $child } }
    else { throw "unsupported markdown inline '$($Node.GetType().Name)'." }
}

function Get-MarkdownLink {
    # Every link of a block tree, in order, as Text/Uri pairs.
    param($Block)
    if ($Block -is [Markdig.Syntax.LeafBlock]) { Get-InlineLink $Block.Inline }
    if ($Block -is [Markdig.Syntax.ContainerBlock]) {
        foreach ($child in $Block) { Get-MarkdownLink $child }
    }
}

function Get-InlineLink {
    param($Inline)
    if ($null -eq $Inline) { return }
    foreach ($node in $Inline) {
        if ($node -is [Markdig.Syntax.Inlines.LinkInline]) {
            [pscustomobject]@{ Text = (ConvertFrom-MarkdownInline $node); Uri = [string]$node.Url }
        }
        elseif ($node -is [Markdig.Syntax.Inlines.AutolinkInline]) {
            [pscustomobject]@{ Text = [string]$node.Url; Uri = [string]$node.Url }
        }
        elseif ($node -is [Markdig.Syntax.Inlines.ContainerInline]) { Get-InlineLink $node }
    }
}

function Get-CodeBlockText {
    param($Block)
    $group = $Block.Lines
    $lines = for ($i = 0; $i -lt $group.Count; $i++) { $group.Lines[$i].Slice.ToString() }
    (@($lines) -join "`n").TrimEnd()
}

function ConvertTo-HelpParagraph {
    # Blocks -> the paragraphs of a maml:description (strings; code keeps its lines, lists get their markers).
    param([object[]] $Blocks, [string] $Indent = '')
    foreach ($block in $Blocks) {
        if ($block -is [Markdig.Syntax.HeadingBlock] -or $block -is [Markdig.Syntax.ParagraphBlock]) {
            $Indent + (ConvertFrom-MarkdownInline $block.Inline)
        }
        elseif ($block -is [Markdig.Syntax.CodeBlock]) {
            (Get-CodeBlockText $block) -split "`n" | ForEach-Object { "$Indent    $_" } | Join-String -Separator "`n"
        }
        elseif ($block -is [Markdig.Syntax.ListBlock]) {
            $number = if ($block.IsOrdered) { [int]$block.OrderedStart } else { 0 }
            foreach ($item in $block) {
                $marker = if ($block.IsOrdered) { "$number. " } else { '- ' }
                $number++
                $parts = @(ConvertTo-HelpParagraph -Blocks @($item) -Indent ($Indent + '  '))
                if ($parts.Count -gt 0) {
                    $Indent + $marker + $parts[0].TrimStart()
                    $parts | Select-Object -Skip 1
                }
            }
        }
        elseif ($block -is [Markdig.Syntax.QuoteBlock]) { ConvertTo-HelpParagraph -Blocks @($block) -Indent $Indent }
        elseif ($block -is [Markdig.Syntax.ThematicBreakBlock] -or $block -is [Markdig.Syntax.LinkReferenceDefinitionGroup]) { }
        else { throw "unsupported markdown block '$($block.GetType().Name)' at line $($block.Line + 1) (tables and HTML cannot be shown in console help)." }
    }
}

# ---- command pages --------------------------------------------------------------------------------------------

function Read-CommandHelpMarkdown {
    <# One platyPS-layout page, split into its parts. Structural problems are collected in .Problems. #>
    param([Parameter(Mandatory)] [string] $Path)
    $document = Read-MarkdownDocument -Path $Path
    $help = [pscustomobject]@{
        Path        = $Path
        FrontMatter = @{}
        Title       = $null
        Synopsis    = @()
        Syntax      = [System.Collections.Generic.List[object]]::new()
        Description = @()
        Examples    = [System.Collections.Generic.List[object]]::new()
        Parameters  = [ordered]@{}
        Inputs      = [System.Collections.Generic.List[object]]::new()
        Outputs     = [System.Collections.Generic.List[object]]::new()
        Notes       = @()
        Links       = [System.Collections.Generic.List[object]]::new()
        Problems    = [System.Collections.Generic.List[string]]::new()
    }

    $sections = [ordered]@{}
    $current = $null
    foreach ($block in $document) {
        if ($block -is [Markdig.Extensions.Yaml.YamlFrontMatterBlock]) {
            foreach ($line in ((Get-CodeBlockText $block) -split "`n")) {
                if ($line -match '^\s*([^:#][^:]*):\s*(.*)$') { $help.FrontMatter[$Matches[1].Trim()] = $Matches[2].Trim() }
            }
        }
        elseif ($block -is [Markdig.Syntax.HeadingBlock] -and $block.Level -eq 1) {
            $help.Title = ConvertFrom-MarkdownInline $block.Inline
        }
        elseif ($block -is [Markdig.Syntax.HeadingBlock] -and $block.Level -eq 2) {
            $current = (ConvertFrom-MarkdownInline $block.Inline).Trim().ToUpperInvariant()
            if ($current -notin $script:CommandHelpSections) { $help.Problems.Add("unknown section '## $current' (expected $($script:CommandHelpSections -join ', ')).") }
            if ($sections.Contains($current)) { $help.Problems.Add("section '## $current' appears twice.") }
            $sections[$current] = [System.Collections.Generic.List[object]]::new()
        }
        elseif ($null -eq $current) {
            $help.Problems.Add("text before the first '##' section (line $($block.Line + 1)).")
        }
        else {
            $sections[$current].Add($block)
        }
    }
    foreach ($name in $script:CommandHelpSections) {
        if (-not $sections.Contains($name)) { $help.Problems.Add("missing section '## $name'."); $sections[$name] = [System.Collections.Generic.List[object]]::new() }
    }

    $help.Synopsis = @(ConvertTo-HelpParagraph -Blocks $sections['SYNOPSIS'])
    $help.Description = @(ConvertTo-HelpParagraph -Blocks $sections['DESCRIPTION'])
    $help.Notes = @(ConvertTo-HelpParagraph -Blocks $sections['NOTES'])

    # A cmdlet with a single parameter set may show its syntax without a '###' heading.
    $syntaxBlocks = @($sections['SYNTAX'])
    $unnamed = @(for ($i = 0; $i -lt $syntaxBlocks.Count -and -not ($syntaxBlocks[$i] -is [Markdig.Syntax.HeadingBlock] -and $syntaxBlocks[$i].Level -eq 3); $i++) { $syntaxBlocks[$i] })
    if ($unnamed.Count -gt 0) {
        if ($unnamed.Count -eq 1 -and $unnamed[0] -is [Markdig.Syntax.CodeBlock]) {
            $help.Syntax.Add([pscustomobject]@{ SetName = $null; Text = Get-CodeBlockText $unnamed[0] })
        }
        else { $help.Problems.Add("'## SYNTAX' may hold one code block without a '###' heading, and nothing else before its first '###'.") }
        $sections['SYNTAX'] = [System.Collections.Generic.List[object]]::new([object[]]@($syntaxBlocks | Select-Object -Skip $unnamed.Count))
    }
    foreach ($group in (Split-MarkdownByHeading -Blocks $sections['SYNTAX'] -Section 'SYNTAX' -Help $help)) {
        $code = @($group.Blocks | Where-Object { $_ -is [Markdig.Syntax.CodeBlock] })
        if ($code.Count -ne 1) { $help.Problems.Add("syntax '### $($group.Title)' needs exactly one code block."); continue }
        $help.Syntax.Add([pscustomobject]@{ SetName = ($group.Title -replace '\s*\(Default\)\s*$', '').Trim(); Text = Get-CodeBlockText $code[0] })
    }

    foreach ($group in (Split-MarkdownByHeading -Blocks $sections['EXAMPLES'] -Section 'EXAMPLES' -Help $help)) {
        # Code blocks before the first paragraph are the example; everything after is its explanation.
        $code = [System.Collections.Generic.List[string]]::new()
        $rest = [System.Collections.Generic.List[object]]::new()
        foreach ($block in $group.Blocks) {
            if ($rest.Count -eq 0 -and $block -is [Markdig.Syntax.CodeBlock]) { $code.Add((Get-CodeBlockText $block)) } else { $rest.Add($block) }
        }
        if ($code.Count -eq 0) { $help.Problems.Add("example '### $($group.Title)' has no code block."); continue }
        $help.Examples.Add([pscustomobject]@{ Title = $group.Title; Code = ($code -join "`n`n"); Remarks = @(ConvertTo-HelpParagraph -Blocks $rest) })
    }

    foreach ($group in (Split-MarkdownByHeading -Blocks $sections['PARAMETERS'] -Section 'PARAMETERS' -Help $help)) {
        if ($group.Title -eq 'CommonParameters') { continue }
        if ($group.Title -notmatch '^-(\w+)$') { $help.Problems.Add("parameter heading '### $($group.Title)' is not '### -Name'."); continue }
        $name = $Matches[1]
        $yaml = @($group.Blocks | Where-Object { $_ -is [Markdig.Syntax.FencedCodeBlock] -and $_.Info -eq 'yaml' } | ForEach-Object { ConvertFrom-ParameterYaml (Get-CodeBlockText $_) })
        $text = @($group.Blocks | Where-Object { -not ($_ -is [Markdig.Syntax.FencedCodeBlock] -and $_.Info -eq 'yaml') })
        if ($help.Parameters.Contains($name)) { $help.Problems.Add("parameter -$name is documented twice.") }
        $help.Parameters[$name] = [pscustomobject]@{ Name = $name; Description = @(ConvertTo-HelpParagraph -Blocks $text); Yaml = $yaml }
    }

    foreach ($part in @(@{ Section = 'INPUTS'; List = $help.Inputs }, @{ Section = 'OUTPUTS'; List = $help.Outputs })) {
        foreach ($group in (Split-MarkdownByHeading -Blocks $sections[$part.Section] -Section $part.Section -Help $help)) {
            $part.List.Add([pscustomobject]@{ Type = $group.Title; Description = @(ConvertTo-HelpParagraph -Blocks $group.Blocks) })
        }
    }

    foreach ($block in $sections['RELATED LINKS']) {
        foreach ($link in @(Get-MarkdownLink $block)) { $help.Links.Add($link) }
    }
    $help
}

function Split-MarkdownByHeading {
    # A section's blocks grouped under its '###' headings.
    param([object[]] $Blocks, [string] $Section, $Help)
    $group = $null
    foreach ($block in $Blocks) {
        if ($block -is [Markdig.Syntax.HeadingBlock] -and $block.Level -eq 3) {
            if ($group) { $group }
            $group = [pscustomobject]@{ Title = (ConvertFrom-MarkdownInline $block.Inline).Trim(); Blocks = [System.Collections.Generic.List[object]]::new() }
        }
        elseif ($null -eq $group) {
            $Help.Problems.Add("'## $Section' has content before its first '###' heading (line $($block.Line + 1)).")
        }
        else { $group.Blocks.Add($block) }
    }
    if ($group) { $group }
}

function ConvertFrom-ParameterYaml {
    param([string] $Text)
    $values = @{}
    foreach ($line in ($Text -split "`n")) {
        if ($line -match '^\s*([^:]+):\s*(.*)$') { $values[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    $values
}

# ---- code metadata helpers ------------------------------------------------------------------------------------

function Get-ParameterSetMember {
    # The sets a parameter belongs to, each with its per-set attributes (ParameterSet, Member).
    param($Command, [string] $Name)
    foreach ($set in $Command.ParameterSets) {
        foreach ($member in $set.Parameters) {
            if ($member.Name -eq $Name) { [pscustomobject]@{ ParameterSet = $set; Member = $member } }
        }
    }
}

function Get-PrimaryParameterView {
    <#
    What a parameter's own entry in help shows: required and position as in the default parameter set (or the
    first set that has the parameter), pipeline input as the union over its sets (any of them binds from it).
    #>
    param($Command, $Parameter)
    $entries = @(Get-ParameterSetMember -Command $Command -Name $Parameter.Name)
    $primary = @($entries | Where-Object { $_.ParameterSet.IsDefault }) + $entries | Select-Object -First 1
    [pscustomobject]@{
        Required          = [bool]$primary.Member.IsMandatory
        Position          = $primary.Member.Position
        ByValue           = [bool]@($entries | Where-Object { $_.Member.ValueFromPipeline }).Count
        ByPropertyName    = [bool]@($entries | Where-Object { $_.Member.ValueFromPipelineByPropertyName }).Count
        Sets              = @($entries | ForEach-Object { $_.ParameterSet.Name })
        InAllSets         = $entries.Count -eq @($Command.ParameterSets).Count
    }
}

function Format-PipelineInput {
    param([bool] $ByValue, [bool] $ByPropertyName)
    $kinds = @(if ($ByValue) { 'ByValue' }; if ($ByPropertyName) { 'ByPropertyName' })
    if ($kinds.Count -eq 0) { 'False' } else { "True ($($kinds -join ', '))" }
}

function ConvertFrom-PipelineInputText {
    param([string] $Text)
    [pscustomobject]@{
        ByValue        = $Text -match '^\s*True\b.*\bByValue\b'
        ByPropertyName = $Text -match '^\s*True\b.*\bByPropertyName\b'
    }
}

function Get-DefaultValueText {
    param($Parameter, $DocParameter)
    if ($null -ne $Parameter.CodeDefault) { return [string]$Parameter.CodeDefault }
    foreach ($yaml in @($DocParameter.Yaml)) {
        if ($yaml.ContainsKey('Default value') -and $yaml['Default value']) { return $yaml['Default value'] }
    }
    'None'
}

function Test-CommandHelp {
    <# The problems of one page measured against the command's metadata (strings; none when in step). #>
    param($Command, $Help, [string] $ModuleName, [string] $HelpFileName)
    foreach ($problem in $Help.Problems) { $problem }

    if ($Help.Title -ne $Command.Name) { "the page title '# $($Help.Title)' is not '# $($Command.Name)'." }
    $front = $Help.FrontMatter
    if ($front['external help file'] -ne $HelpFileName) { "front matter 'external help file' must be '$HelpFileName'." }
    if ($front['Module Name'] -ne $ModuleName) { "front matter 'Module Name' must be '$ModuleName'." }
    if ($front['schema'] -ne '2.0.0') { "front matter 'schema' must be '2.0.0'." }
    if (-not ($front['online version'] -match '^https://\S+$')) { "front matter 'online version' must be an https URL (Get-Help -Online opens it)." }
    if (@($Help.Synopsis).Count -eq 0) { 'SYNOPSIS is empty.' }
    if (@($Help.Description).Count -eq 0) { 'DESCRIPTION is empty.' }
    if ($Help.Examples.Count -eq 0) { 'has no example.' }

    # Syntax: exactly what PowerShell prints for each parameter set (Get-Command -Syntax), whitespace aside.
    $single = @($Command.ParameterSets).Count -eq 1
    if (@($Help.Syntax | Where-Object { $null -eq $_.SetName }).Count -gt 0 -and -not $single) {
        "SYNTAX has a block without a '###' heading, but the cmdlet has several parameter sets; name each."
    }
    foreach ($set in $Command.ParameterSets) {
        $documented = @($Help.Syntax | Where-Object { $_.SetName -eq $set.Name -or ($single -and $null -eq $_.SetName) })
        $expected = ($set.Syntax -replace '\s+', ' ').Trim()
        $heading = if ($single) { "a code block (a '### $($set.Name)' heading is optional)" } else { "a '### $($set.Name)' block" }
        if ($documented.Count -eq 0) { "SYNTAX has no $heading; expected:`n      $expected" }
        elseif ((($documented[0].Text -replace '\s+', ' ').Trim()) -cne $expected) { "SYNTAX $(if ($single) { 'block' } else { "'### $($set.Name)'" }) differs from the code; expected:`n      $expected" }
    }
    foreach ($entry in $Help.Syntax) {
        if ($null -ne $entry.SetName -and $entry.SetName -notin @($Command.ParameterSets | ForEach-Object Name)) { "SYNTAX documents parameter set '$($entry.SetName)', which the cmdlet does not have." }
    }

    $codeNames = @($Command.Parameters.Name)
    foreach ($name in $codeNames) {
        if (-not $Help.Parameters.Contains($name)) { "misses parameter -$name (add '### -$name' under PARAMETERS)." }
    }
    foreach ($name in $Help.Parameters.Keys) {
        if ($name -notin $codeNames) { "documents parameter -$name, which the cmdlet does not have." }
    }

    foreach ($parameter in $Command.Parameters) {
        if (-not $Help.Parameters.Contains($parameter.Name)) { continue }
        $doc = $Help.Parameters[$parameter.Name]
        if (@($doc.Description).Count -eq 0) { "-$($parameter.Name) has no description." }
        $yamls = @($doc.Yaml)
        if ($yamls.Count -eq 0) { "-$($parameter.Name) has no yaml block."; continue }
        $view = Get-PrimaryParameterView -Command $Command -Parameter $parameter
        $covered = [System.Collections.Generic.List[string]]::new()
        foreach ($yaml in $yamls) {
            foreach ($key in 'Type', 'Parameter Sets', 'Aliases', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters') {
                if (-not $yaml.ContainsKey($key)) { "-$($parameter.Name): the yaml block has no '$key'." }
            }
            $setText = [string]$yaml['Parameter Sets']
            $sets = if ($setText -eq '(All)') {
                if (-not $view.InAllSets) { "-$($parameter.Name): 'Parameter Sets: (All)' but it is only in $($view.Sets -join ', ')." }
                $view.Sets
            }
            else { @($setText -split '\s*,\s*' | Where-Object { $_ }) }
            $entries = @(Get-ParameterSetMember -Command $Command -Name $parameter.Name | Where-Object { $_.ParameterSet.Name -in $sets })
            foreach ($set in $sets) {
                if ($set -notin $view.Sets) { "-$($parameter.Name): the yaml names parameter set '$set', which does not have the parameter." }
                $covered.Add($set)
            }

            $aliases = if ($yaml['Aliases'] -in @('None', '')) { @() } else { @([string]$yaml['Aliases'] -split '\s*,\s*') }
            if ($yaml['Type'] -ne $parameter.Type) { "-$($parameter.Name): yaml 'Type: $($yaml['Type'])' but the code says $($parameter.Type)." }
            if ((@($aliases | Sort-Object) -join ',') -ne (@($parameter.Aliases | Sort-Object) -join ',')) {
                "-$($parameter.Name): yaml 'Aliases: $($yaml['Aliases'])' but the code says $(if (@($parameter.Aliases).Count) { $parameter.Aliases -join ', ' } else { 'None' })."
            }
            $required = [string]$yaml['Required'] -eq 'True'
            foreach ($entry in $entries) {
                if ($entry.Member.IsMandatory -ne $required) { "-$($parameter.Name): yaml 'Required: $($yaml['Required'])' but in set $($entry.ParameterSet.Name) the code says $($entry.Member.IsMandatory)." }
                $position = if ($null -eq $entry.Member.Position) { 'Named' } else { [string]$entry.Member.Position }
                if ($yaml['Position'] -ne $position) { "-$($parameter.Name): yaml 'Position: $($yaml['Position'])' but in set $($entry.ParameterSet.Name) the code says $position." }
            }
            $pipeline = ConvertFrom-PipelineInputText ([string]$yaml['Accept pipeline input'])
            $byValue = [bool]@($entries | Where-Object { $_.Member.ValueFromPipeline }).Count
            $byName = [bool]@($entries | Where-Object { $_.Member.ValueFromPipelineByPropertyName }).Count
            if ($pipeline.ByValue -ne $byValue -or $pipeline.ByPropertyName -ne $byName) {
                "-$($parameter.Name): yaml 'Accept pipeline input: $($yaml['Accept pipeline input'])' but the code says $(Format-PipelineInput $byValue $byName)."
            }
            if (([string]$yaml['Accept wildcard characters'] -eq 'True') -ne [bool]$parameter.SupportsWildcards) {
                "-$($parameter.Name): yaml 'Accept wildcard characters: $($yaml['Accept wildcard characters'])' but the code says $($parameter.SupportsWildcards)."
            }
            if ($null -ne $parameter.CodeDefault -and $yaml['Default value'] -ne $parameter.CodeDefault) {
                "-$($parameter.Name): yaml 'Default value: $($yaml['Default value'])' but the cmdlet initialises it to $($parameter.CodeDefault)."
            }
        }
        foreach ($set in $view.Sets) {
            if ($set -notin $covered) { "-$($parameter.Name): no yaml block covers parameter set '$set'." }
        }
    }

    foreach ($type in @($Command.OutputTypes)) {
        if ($type -notin @($Help.Outputs.Type)) { "OUTPUTS does not list '### $type', the cmdlet's [OutputType]." }
    }
}

# ---- MAML -----------------------------------------------------------------------------------------------------

function Write-MamlParagraph {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraph)
    $Writer.WriteStartElement('maml', 'description', $script:MamlNamespace)
    foreach ($text in $Paragraph) { $Writer.WriteElementString('maml', 'para', $script:MamlNamespace, $text) }
    $Writer.WriteEndElement()
}

function Write-MamlParameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, [bool] $Required, $Position, [string] $PipelineInput, [string[]] $Description, [string] $DefaultValue, [switch] $InSyntax)
    $Writer.WriteStartElement('command', 'parameter', $script:CommandNamespace)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', ([bool]$Parameter.SupportsWildcards).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $PipelineInput)
    $Writer.WriteAttributeString('position', $(if ($null -eq $Position) { 'named' } else { [string]$Position }))
    $Writer.WriteAttributeString('aliases', $(if (@($Parameter.Aliases).Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $script:MamlNamespace, $Parameter.Name)
    Write-MamlParagraph -Writer $Writer -Paragraph $Description
    if (-not ($InSyntax -and $Parameter.IsSwitch)) {
        $Writer.WriteStartElement('command', 'parameterValue', $script:CommandNamespace)
        $Writer.WriteAttributeString('required', (-not $Parameter.IsSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Parameter.Type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $script:DevNamespace)
    $Writer.WriteElementString('maml', 'name', $script:MamlNamespace, $Parameter.TypeFullName)
    $Writer.WriteElementString('maml', 'uri', $script:MamlNamespace, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $script:DevNamespace, $DefaultValue)
    $Writer.WriteEndElement()
}

function Write-MamlHelp {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [object[]] $Help)
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($item in $Help) {
            $command = $item.Command
            $doc = $item.Help
            $writer.WriteStartElement('command', 'command', $script:CommandNamespace)
            $writer.WriteAttributeString('xmlns', 'maml', $null, $script:MamlNamespace)
            $writer.WriteAttributeString('xmlns', 'command', $null, $script:CommandNamespace)
            $writer.WriteAttributeString('xmlns', 'dev', $null, $script:DevNamespace)

            $writer.WriteStartElement('command', 'details', $script:CommandNamespace)
            $writer.WriteElementString('command', 'name', $script:CommandNamespace, $command.Name)
            $writer.WriteElementString('command', 'verb', $script:CommandNamespace, $command.Verb)
            $writer.WriteElementString('command', 'noun', $script:CommandNamespace, $command.Noun)
            Write-MamlParagraph -Writer $writer -Paragraph $doc.Synopsis
            $writer.WriteEndElement()

            Write-MamlParagraph -Writer $writer -Paragraph $doc.Description

            $writer.WriteStartElement('command', 'syntax', $script:CommandNamespace)
            foreach ($set in $command.ParameterSets) {
                $writer.WriteStartElement('command', 'syntaxItem', $script:CommandNamespace)
                $writer.WriteElementString('maml', 'name', $script:MamlNamespace, $command.Name)
                foreach ($member in $set.Parameters) {
                    $parameter = $command.Parameters | Where-Object Name -EQ $member.Name
                    Write-MamlParameter -Writer $writer -Parameter $parameter -Required $member.IsMandatory -Position $member.Position `
                        -PipelineInput (Format-PipelineInput $member.ValueFromPipeline $member.ValueFromPipelineByPropertyName) `
                        -Description $doc.Parameters[$member.Name].Description -DefaultValue (Get-DefaultValueText $parameter $doc.Parameters[$member.Name]) -InSyntax
                }
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()

            # Parameters in the page's order: authors put the ones that matter first.
            $writer.WriteStartElement('command', 'parameters', $script:CommandNamespace)
            foreach ($name in $doc.Parameters.Keys) {
                $parameter = $command.Parameters | Where-Object Name -EQ $name
                $view = Get-PrimaryParameterView -Command $command -Parameter $parameter
                Write-MamlParameter -Writer $writer -Parameter $parameter -Required $view.Required -Position $view.Position `
                    -PipelineInput (Format-PipelineInput $view.ByValue $view.ByPropertyName) `
                    -Description $doc.Parameters[$name].Description -DefaultValue (Get-DefaultValueText $parameter $doc.Parameters[$name])
            }
            $writer.WriteEndElement()

            foreach ($part in @(@{ Outer = 'inputTypes'; Inner = 'inputType'; Items = $doc.Inputs }, @{ Outer = 'returnValues'; Inner = 'returnValue'; Items = $doc.Outputs })) {
                $writer.WriteStartElement('command', $part.Outer, $script:CommandNamespace)
                foreach ($entry in $part.Items) {
                    $writer.WriteStartElement('command', $part.Inner, $script:CommandNamespace)
                    $writer.WriteStartElement('dev', 'type', $script:DevNamespace)
                    $writer.WriteElementString('maml', 'name', $script:MamlNamespace, $entry.Type)
                    $writer.WriteEndElement()
                    Write-MamlParagraph -Writer $writer -Paragraph $entry.Description
                    $writer.WriteEndElement()
                }
                $writer.WriteEndElement()
            }

            $writer.WriteStartElement('maml', 'alertSet', $script:MamlNamespace)
            $writer.WriteStartElement('maml', 'alert', $script:MamlNamespace)
            foreach ($text in $doc.Notes) { $writer.WriteElementString('maml', 'para', $script:MamlNamespace, $text) }
            $writer.WriteEndElement()
            $writer.WriteEndElement()

            $writer.WriteStartElement('command', 'examples', $script:CommandNamespace)
            foreach ($example in $doc.Examples) {
                $writer.WriteStartElement('command', 'example', $script:CommandNamespace)
                $writer.WriteElementString('maml', 'title', $script:MamlNamespace, "-------------------------- $($example.Title) --------------------------")
                $writer.WriteElementString('dev', 'code', $script:DevNamespace, $example.Code)
                $writer.WriteStartElement('dev', 'remarks', $script:DevNamespace)
                foreach ($text in $example.Remarks) { $writer.WriteElementString('maml', 'para', $script:MamlNamespace, $text) }
                $writer.WriteEndElement()
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()

            # The online version first: Get-Help -Online opens the first link that has a URI.
            $writer.WriteStartElement('command', 'relatedLinks', $script:CommandNamespace)
            $links = @([pscustomobject]@{ Text = 'Online Version:'; Uri = $doc.FrontMatter['online version'] }) + @($doc.Links)
            foreach ($link in $links) {
                $writer.WriteStartElement('maml', 'navigationLink', $script:MamlNamespace)
                $writer.WriteElementString('maml', 'linkText', $script:MamlNamespace, $link.Text)
                # Links between pages (Get-PDataDeletionJob.md) are named, not opened: only absolute URLs are URIs.
                $writer.WriteElementString('maml', 'uri', $script:MamlNamespace, $(if ($link.Uri -match '^https?://') { $link.Uri } else { '' }))
                $writer.WriteEndElement()
            }
            $writer.WriteEndElement()

            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
}

# ---- about_ topics --------------------------------------------------------------------------------------------

function Format-WrappedText {
    <# Wraps text at $Width columns; a word longer than a line (a URL) gets a line of its own. #>
    param([string] $Text, [int] $Indent, [int] $HangingIndent = $Indent, [int] $Width = $script:AboutWidth)
    $first = $true
    foreach ($paragraph in ($Text -split "`n")) {
        $line = ''
        $pad = ' ' * $(if ($first) { $Indent } else { $HangingIndent })
        foreach ($word in ($paragraph -split '\s+' | Where-Object { $_ })) {
            if ($line -and ($pad.Length + $line.Length + 1 + $word.Length) -gt $Width) {
                $pad + $line
                $first = $false
                $pad = ' ' * $HangingIndent
                $line = $word
            }
            elseif ($line) { $line += " $word" }
            else { $line = $word }
        }
        if ($line) { $pad + $line; $first = $false }
    }
}

function ConvertTo-AboutLine {
    param([object[]] $Blocks, [int] $Indent)
    foreach ($block in $Blocks) {
        if ($block -is [Markdig.Syntax.HeadingBlock]) {
            $text = ConvertFrom-MarkdownInline $block.Inline
            if ($block.Level -eq 2) { $text.ToUpperInvariant() }
            else { (' ' * $Indent) + $text; (' ' * $Indent) + ('-' * $text.Length) }
        }
        elseif ($block -is [Markdig.Syntax.ParagraphBlock]) {
            Format-WrappedText -Text (ConvertFrom-MarkdownInline $block.Inline) -Indent $Indent
            ''
        }
        elseif ($block -is [Markdig.Syntax.CodeBlock]) {
            foreach ($line in ((Get-CodeBlockText $block) -split "`n")) {
                $padded = (' ' * ($Indent + 4)) + $line
                if ($padded.Length -gt $script:AboutWidth) { throw "code line longer than $($script:AboutWidth) columns once indented: '$line'." }
                $padded.TrimEnd()
            }
            ''
        }
        elseif ($block -is [Markdig.Syntax.ListBlock]) {
            $number = if ($block.IsOrdered) { [int]$block.OrderedStart } else { 0 }
            foreach ($item in $block) {
                $marker = if ($block.IsOrdered) { "$number. " } else { '- ' }
                $number++
                $hanging = $Indent + $marker.Length
                $lines = @(ConvertTo-AboutLine -Blocks @($item) -Indent $hanging)
                # The item's first line carries the marker in place of its indentation.
                if ($lines.Count -gt 0) { (' ' * $Indent) + $marker + $lines[0].Substring([Math]::Min($hanging, $lines[0].Length)) }
                $lines | Select-Object -Skip 1 | Where-Object { $_ -ne '' }
            }
            ''
        }
        elseif ($block -is [Markdig.Syntax.QuoteBlock]) { ConvertTo-AboutLine -Blocks @($block) -Indent ($Indent + 2) }
        elseif ($block -is [Markdig.Syntax.ThematicBreakBlock] -or $block -is [Markdig.Syntax.LinkReferenceDefinitionGroup] -or $block -is [Markdig.Extensions.Yaml.YamlFrontMatterBlock]) { }
        else { throw "unsupported markdown block '$($block.GetType().Name)' at line $($block.Line + 1) (tables and HTML cannot be shown as help text)." }
    }
}

function ConvertTo-AboutHelpText {
    <# about_*.md (platyPS about layout: '# about_X', '## SHORT DESCRIPTION', '## LONG DESCRIPTION', ...) -> help.txt. #>
    param([Parameter(Mandatory)] [string] $Path)
    $name = [IO.Path]::GetFileNameWithoutExtension($Path)
    $document = Read-MarkdownDocument -Path $Path
    $blocks = @($document | Where-Object { $_ -isnot [Markdig.Extensions.Yaml.YamlFrontMatterBlock] })
    if ($blocks.Count -eq 0 -or -not ($blocks[0] -is [Markdig.Syntax.HeadingBlock] -and $blocks[0].Level -eq 1)) { throw "must start with '# $name'." }
    $title = ConvertFrom-MarkdownInline $blocks[0].Inline
    if ($title -ne $name) { throw "title '# $title' does not match the file name ($name)." }
    $headings = @($blocks | Where-Object { $_ -is [Markdig.Syntax.HeadingBlock] -and $_.Level -eq 2 } | ForEach-Object { (ConvertFrom-MarkdownInline $_.Inline).ToUpperInvariant() })
    foreach ($required in 'SHORT DESCRIPTION', 'LONG DESCRIPTION') {
        if ($required -notin $headings) { throw "missing section '## $required'." }
    }

    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('TOPIC')
    $lines.Add("    $name")
    $lines.Add('')
    foreach ($line in (ConvertTo-AboutLine -Blocks ($blocks | Select-Object -Skip 1) -Indent 4)) {
        # One blank line between blocks, a blank line before every section heading.
        if ($line -eq '' -and ($lines.Count -eq 0 -or $lines[$lines.Count - 1] -eq '')) { continue }
        if ($line -cmatch '^[^\s]' -and $lines.Count -gt 0 -and $lines[$lines.Count - 1] -ne '') { $lines.Add('') }
        $lines.Add($line)
    }
    while ($lines.Count -gt 0 -and $lines[$lines.Count - 1] -eq '') { $lines.RemoveAt($lines.Count - 1) }
    ($lines -join "`n") + "`n"
}
