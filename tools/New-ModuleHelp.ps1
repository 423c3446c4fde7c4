<#
.SYNOPSIS
    Turns docs/<culture>/*.md (platyPS page layout) into the module's MAML help and about_ topic.
.DESCRIPTION
    Writes <OutputPath>/<Module>.dll-Help.xml and about_*.help.txt. Syntax and every parameter attribute (type,
    required, position, pipeline input, aliases, wildcards, and the default value where the cmdlet class sets
    one) come from the BUILT cmdlets, read in a child process (tools/help/Export-CommandMetadata.ps1) so that
    nothing of the module loads into the caller's process. Descriptions, examples, inputs, outputs, notes and
    links come from the markdown, parsed with Markdig.

    The markdown must agree with the code: the generator throws (listing every problem at once) when a cmdlet
    has no page, a page documents a parameter the cmdlet lacks or misses one it has, a page has no example, a
    SYNTAX block differs from what PowerShell prints for the cmdlet, a parameter's yaml block contradicts the
    code, or [OutputType] is not listed under OUTPUTS.
.EXAMPLE
    ./tools/New-ModuleHelp.ps1 -ModulePath output/PersonalizeDeletion -DocsPath docs/en-US -OutputPath output/PersonalizeDeletion/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputPath,
    # The assembly whose name PowerShell derives the help file name from (<assembly>-Help.xml).
    [string] $AssemblyName = 'PersonalizeDeletion.dll',
    # The one place for the version is Directory.Packages.props.
    [string] $MarkdigVersion = (& (Join-Path $PSScriptRoot 'restore/Get-BuildToolVersion.ps1') -Name Markdig),
    # The JSON tools/help/Export-CommandMetadata.ps1 wrote for this module, when the caller exported it once for
    # several runs (the tests of the generator); without it the exporter runs here, in a child process.
    [string] $CommandMetadataPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$DocsPath = (Resolve-Path -LiteralPath $DocsPath).ProviderPath
$ModuleName = Split-Path $ModulePath -Leaf
$HelpFileName = "$AssemblyName-Help.xml"

. (Join-Path $PSScriptRoot 'help/MarkdownHelp.ps1')

Import-Markdig -Version $MarkdigVersion

# ---- code: the built module's metadata, from a child process (started now, read after the docs are parsed) ---
$exportProcess = $null
if (-not $CommandMetadataPath) {
    $exporter = Join-Path $PSScriptRoot 'help/Export-CommandMetadata.ps1'
    $pwshHost = [Environment]::ProcessPath
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwshHost)
    # Running as a dotnet tool (dotnet pwsh), the child is the same PowerShell started the same way.
    if ([IO.Path]::GetFileNameWithoutExtension($pwshHost) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($argument in '-NoProfile', '-NonInteractive', '-File', $exporter, '-ModulePath', $ModulePath) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.Environment['NO_COLOR'] = '1'
    $exportProcess = [System.Diagnostics.Process]::Start($start)
    $exportOutput = $exportProcess.StandardOutput.ReadToEndAsync()
    $exportErrors = $exportProcess.StandardError.ReadToEndAsync()
}

# ---- docs: parse every page meanwhile --------------------------------------------------------------------------
$problems = [System.Collections.Generic.List[string]]::new()
$pages = @{}
foreach ($file in Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File) {
    if ($file.BaseName -like 'about_*') { continue }
    try { $pages[$file.BaseName] = Read-CommandHelpMarkdown -Path $file.FullName }
    catch { $problems.Add("$($file.Name): $($_.Exception.Message)") ; $pages[$file.BaseName] = $null }
}

$aboutPages = @(Get-ChildItem -LiteralPath $DocsPath -Filter 'about_*.md' -File)
$abouts = foreach ($page in $aboutPages) {
    try {
        [pscustomobject]@{ Name = $page.BaseName; Text = ConvertTo-AboutHelpText -Path $page.FullName }
    }
    catch {
        $problems.Add("$($page.Name): $($_.Exception.Message)")
    }
}

if ($exportProcess) {
    $exportProcess.WaitForExit()
    if ($exportProcess.ExitCode -ne 0) {
        throw "Could not read the commands of $ModulePath (exit code $($exportProcess.ExitCode)):`n$($exportErrors.GetAwaiter().GetResult())$($exportOutput.GetAwaiter().GetResult())"
    }
    $metadata = $exportOutput.GetAwaiter().GetResult()
    $exportProcess.Dispose()
}
else {
    $metadata = [IO.File]::ReadAllText((Resolve-Path -LiteralPath $CommandMetadataPath).ProviderPath)
}
$commands = @(ConvertFrom-Json -InputObject $metadata)
if ($commands.Count -eq 0) { throw "The module at $ModulePath exports no commands." }

# ---- check the docs against the code ---------------------------------------------------------------------------
$helps = foreach ($command in $commands) {
    if (-not $pages.ContainsKey($command.Name)) {
        $problems.Add("$($command.Name): no help page; expected $(Join-Path $DocsPath "$($command.Name).md").")
        continue
    }
    $doc = $pages[$command.Name]
    if ($null -eq $doc) { continue }
    foreach ($problem in (Test-CommandHelp -Command $command -Help $doc -ModuleName $ModuleName -HelpFileName $HelpFileName)) {
        $problems.Add("$($command.Name): $problem")
    }
    [pscustomobject]@{ Command = $command; Help = $doc }
}

$exported = @($commands.Name)
foreach ($page in Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File) {
    if ($page.BaseName -notlike 'about_*' -and $page.BaseName -notin $exported) {
        $problems.Add("$($page.Name): documents '$($page.BaseName)', which the module does not export.")
    }
}

if ($problems.Count -gt 0) {
    throw "Help for $ModuleName is out of step with the code ($($problems.Count) problem(s)):`n  - " + ($problems -join "`n  - ")
}

# ---- write ----------------------------------------------------------------------------------------------------
$null = New-Item -ItemType Directory -Force -Path $OutputPath
$mamlPath = Join-Path $OutputPath $HelpFileName
Write-MamlHelp -Path $mamlPath -Help $helps
foreach ($about in $abouts) {
    $target = Join-Path $OutputPath "$($about.Name).help.txt"
    [IO.File]::WriteAllText($target, $about.Text, [Text.UTF8Encoding]::new($false))
}
Write-Verbose "Wrote $mamlPath and $(@($abouts).Count) about topic(s)."
