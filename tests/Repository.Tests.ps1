# The repository is self-contained: a clone in a folder with nothing beside it builds, tests and runs its demo.
# Nothing the build, the tests, the demo or the benchmarks use may point outside the repository.

BeforeAll {
    $ErrorActionPreference = 'Stop'
    $script:RepoRoot = (Resolve-Path (Split-Path $PSScriptRoot)).Path
    $script:FakeDll = if ($env:PD_FAKE_DLL) { $env:PD_FAKE_DLL } else { Join-Path $script:RepoRoot 'output/fake/PersonalizeDeletion.Fake.dll' }

    # The files the repository holds: git's list where there is one, else every file outside build output.
    $script:Files = @(
        if (Test-Path (Join-Path $script:RepoRoot '.git')) {
            git -C $script:RepoRoot ls-files --cached --others --exclude-standard | ForEach-Object { Join-Path $script:RepoRoot $_ }
        }
        else {
            Get-ChildItem $script:RepoRoot -Recurse -File |
                Where-Object { $_.FullName -notmatch '[\\/](output|bin|obj)[\\/]' } |
                ForEach-Object FullName
        }
    ) | Where-Object { Test-Path -LiteralPath $_ -PathType Leaf }

    function Test-InsideRepository([string] $Path) {
        $full = [IO.Path]::GetFullPath($Path)
        $root = $script:RepoRoot.TrimEnd([IO.Path]::DirectorySeparatorChar) + [IO.Path]::DirectorySeparatorChar
        $full.StartsWith($root, [StringComparison]::Ordinal) -or $full -eq $script:RepoRoot
    }
}

Describe 'A self-contained repository' {
    It 'carries the Personalize service model with its licence notice and origin' {
        foreach ($name in 'service-2.json', 'paginators-1.json', 'endpoint-rule-set-1.json', 'NOTICE', 'README.md') {
            Join-Path $RepoRoot "tests/model/$name" | Should -Exist
        }
        (Get-Content (Join-Path $RepoRoot 'tests/model/NOTICE') -Raw) | Should -Match 'Apache License, Version 2\.0'
        (Get-Content (Join-Path $RepoRoot 'tests/model/README.md') -Raw) | Should -Match 'botocore'
        $model = Get-Content (Join-Path $RepoRoot 'tests/model/service-2.json') -Raw | ConvertFrom-Json
        $model.metadata.serviceId | Should -Be 'Personalize'
    }

    It 'has no tracked file that names the team-only ../shared folder' {
        $pattern = '\.\.[\\/]+shared[\\/]|\.\.[\\/]+\.\.[\\/]+\.\.[\\/]+shared|["'']shared["''],\s*["'']reference["'']|shared[\\/]reference[\\/]personalize-api'
        $offenders = foreach ($file in $Files) {
            if ($file -match '[\\/]tests[\\/]Repository\.Tests\.ps1$') { continue }
            if ([IO.FileInfo]::new($file).Length -gt 4MB) { continue }
            $hits = Select-String -LiteralPath $file -Pattern $pattern -ErrorAction SilentlyContinue
            foreach ($hit in $hits) { "$($hit.Path.Substring($RepoRoot.Length + 1)):$($hit.LineNumber): $($hit.Line.Trim())" }
        }
        $offenders | Should -BeNullOrEmpty
    }

    It 'has MSBuild files whose every item and import resolves inside the repository' {
        $projects = $Files | Where-Object { $_ -match '\.(csproj|props|targets)$' }
        $projects | Should -Not -BeNullOrEmpty
        $outside = foreach ($project in $projects) {
            $directory = Split-Path $project
            [xml] $xml = Get-Content -LiteralPath $project -Raw
            $nodes = $xml.SelectNodes('//*[@Include or @Project or @Update]')
            foreach ($node in $nodes) {
                foreach ($attribute in 'Include', 'Project', 'Update') {
                    $value = $node.GetAttribute($attribute)
                    # Package names and versions are not paths; a path has a separator or a file extension.
                    if (-not $value -or $node.LocalName -in 'PackageReference', 'PackageVersion', 'PackageDownload', 'Using', 'InternalsVisibleTo') { continue }
                    if ($value -notmatch '[\\/]' -and $value -notmatch '\.\w+$') { continue }
                    if ($value -match '\$\(') { $value = $value -replace '\$\(MSBuildThisFileDirectory\)', '' }
                    if ($value -match '\$\(') { "$($project.Substring($RepoRoot.Length + 1)): $attribute='$value' uses a property this test cannot resolve"; continue }
                    $path = Join-Path $directory ($value -replace '\*.*$', '')
                    if (-not (Test-InsideRepository $path)) { "$($project.Substring($RepoRoot.Length + 1)): $attribute='$value'" }
                }
            }
        }
        $outside | Should -BeNullOrEmpty
    }

    It 'has no build, test, demo or benchmark script that climbs above the repository root' {
        $scripts = $Files | Where-Object { $_ -match '\.(ps1|psm1|sh)$' -or $_ -match '[\\/]\.ci[\\/]run$' }
        $climbing = foreach ($script in $scripts) {
            $text = Get-Content -LiteralPath $script -Raw
            # A relative path with '..' that, taken from the script's folder, leaves the repository.
            foreach ($match in [regex]::Matches($text, '(?:\.\.[\\/]){1,}[\w.-]+')) {
                $target = Join-Path (Split-Path $script) $match.Value
                if (-not (Test-InsideRepository $target)) { "$($script.Substring($RepoRoot.Length + 1)): $($match.Value)" }
            }
        }
        $climbing | Should -BeNullOrEmpty
    }

    It 'starts the built fake from a folder with nothing around it: its model comes with it' {
        $FakeDll | Should -Exist
        $alone = Join-Path ([IO.Path]::GetTempPath()) ("pd-alone-" + [guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $alone
        try {
            Copy-Item (Join-Path (Split-Path $FakeDll) '*') -Destination $alone -Recurse
            $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
            $startInfo.Arguments = '"{0}" --port 0' -f (Join-Path $alone 'PersonalizeDeletion.Fake.dll')
            $startInfo.WorkingDirectory = $alone
            $startInfo.UseShellExecute = $false
            $startInfo.RedirectStandardOutput = $true
            $startInfo.RedirectStandardError = $true
            $startInfo.RedirectStandardInput = $true
            $process = [System.Diagnostics.Process]::Start($startInfo)
            $stderr = $process.StandardError.ReadToEndAsync()
            try {
                $line = $process.StandardOutput.ReadLineAsync()
                $started = $line.Wait([TimeSpan]::FromSeconds(60))
            }
            finally {
                if (-not $process.HasExited) { $process.Kill() }
                $process.WaitForExit()
                $process.Dispose()
            }
            $started | Should -BeTrue -Because 'the fake prints LISTENING once it serves'
            $line.Result | Should -Match '^LISTENING http://127\.0\.0\.1:\d+$' -Because $stderr.Result
        }
        finally {
            Remove-Item $alone -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}

# The habits of a maintained module: one place for each tool version, a CI workflow that runs what the README says,
# and a build that fails on an analyzer finding.
Describe 'The habits of a maintained module' {
    BeforeAll {
        $script:PackagesProps = Join-Path $RepoRoot 'Directory.Packages.props'
        $script:BuildTools = @(
            ([xml](Get-Content -LiteralPath $PackagesProps -Raw)).SelectNodes('/Project/ItemGroup/BuildToolPackage') |
                ForEach-Object { [pscustomobject]@{ Name = $_.GetAttribute('Include'); Version = $_.GetAttribute('Version') } }
        )

        # The README's commands: the sh blocks at its top, `dotnet tool restore && dotnet pwsh ./build.ps1 -Task X`.
        $readme = Get-Content -LiteralPath (Join-Path $RepoRoot 'README.md') -Raw
        $script:ReadmeCommands = @([regex]::Matches($readme, '(?m)^dotnet tool restore && (dotnet pwsh \./build\.ps1 .+)$') | ForEach-Object { $_.Groups[1].Value.Trim() })

        function Get-PdBuildCall {
            <#
            .SYNOPSIS
                The build.ps1 calls in a shell line, each as a hashtable of its parameters, read with PowerShell's own
                parser (the workflow's steps run in bash and in pwsh; `dotnet pwsh ./build.ps1 ...` reads the same in both).
            #>
            param([string] $Line)
            foreach ($command in $Line -split '&&') {
                $tokens = $null; $errors = $null
                $ast = [System.Management.Automation.Language.Parser]::ParseInput($command.Trim(), [ref]$tokens, [ref]$errors)
                $errors | Should -BeNullOrEmpty -Because "'$command' must parse"
                $call = $ast.Find({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
                if (-not $call) { continue }
                $elements = @($call.CommandElements | ForEach-Object { $_.Extent.Text })
                $script = [array]::IndexOf($elements, './build.ps1')
                if ($elements[0] -ne 'dotnet' -or $elements[1] -ne 'pwsh' -or $script -ne 2) { continue }
                $parameters = [ordered]@{}
                for ($i = 3; $i -lt $elements.Count; $i++) {
                    $elements[$i] | Should -Match '^-\w+$' -Because "build.ps1 takes named parameters ('$command')"
                    $name = $elements[$i].Substring(1)
                    $parameters[$name] = if ($i + 1 -lt $elements.Count -and $elements[$i + 1] -notmatch '^-') { $elements[++$i] } else { $true }
                }
                $parameters
            }
        }

        function Import-PdYamlDotNet {
            $version = & (Join-Path $RepoRoot 'tools/restore/Get-BuildToolVersion.ps1') -Name YamlDotNet
            $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
            $framework = if ($PSVersionTable.PSEdition -eq 'Core') { 'netstandard2.0' } else { 'net47' }
            $dll = [IO.Path]::Combine($packages, 'yamldotnet', $version, 'lib', $framework, 'YamlDotNet.dll')
            $dll | Should -Exist -Because 'tools/restore/Restore.csproj downloads YamlDotNet for this test'
            Add-Type -LiteralPath $dll
        }

        function ConvertFrom-PdYamlNode($Node) {
            if ($Node -is [YamlDotNet.RepresentationModel.YamlMappingNode]) {
                $map = [ordered]@{}
                foreach ($entry in $Node.Children) { $map[$entry.Key.Value] = ConvertFrom-PdYamlNode $entry.Value }
                return $map
            }
            if ($Node -is [YamlDotNet.RepresentationModel.YamlSequenceNode]) { return , @($Node.Children | ForEach-Object { ConvertFrom-PdYamlNode $_ }) }
            $Node.Value
        }
    }

    It 'writes each build and test tool''s version once, in Directory.Packages.props' {
        $BuildTools.Name | Should -Contain 'Pester'
        $BuildTools.Name | Should -Contain 'Markdig'
        $copies = foreach ($tool in $BuildTools) {
            $version = [regex]::Escape($tool.Version)
            foreach ($file in $Files) {
                if ($file -eq $PackagesProps -or $file -match '[\\/]tests[\\/]model[\\/]' -or [IO.FileInfo]::new($file).Length -gt 4MB) { continue }
                $text = Get-Content -LiteralPath $file -Raw
                # A second copy: the file names the tool and spells out its version.
                if ($text -and $text -match "(?<![\d.])$version(?![\d.])" -and $text -match [regex]::Escape($tool.Name)) {
                    "$($file.Substring($RepoRoot.Length + 1)): $($tool.Name) $($tool.Version)"
                }
            }
        }
        $copies | Should -BeNullOrEmpty -Because 'build.ps1, tools/ and tests/ read versions from Directory.Packages.props (tools/restore/Get-BuildToolVersion.ps1)'
        foreach ($tool in $BuildTools) { & (Join-Path $RepoRoot 'tools/restore/Get-BuildToolVersion.ps1') -Name $tool.Name | Should -Be $tool.Version }
    }

    It 'pins the PowerShell it runs (the local dotnet tool) at the version the xunit tests host' {
        $tool = (Get-Content -LiteralPath (Join-Path $RepoRoot '.config/dotnet-tools.json') -Raw | ConvertFrom-Json).tools.powershell.version
        $sdk = ([xml](Get-Content -LiteralPath $PackagesProps -Raw)).SelectSingleNode('/Project/ItemGroup/PackageVersion[@Include="Microsoft.PowerShell.SDK"]').GetAttribute('Version')
        $tool | Should -Be $sdk
    }

    Context 'CI workflow (.github/workflows/ci.yml)' {
        BeforeAll {
            Import-PdYamlDotNet
            $yaml = [YamlDotNet.RepresentationModel.YamlStream]::new()
            $yaml.Load([IO.StringReader]::new((Get-Content -LiteralPath (Join-Path $RepoRoot '.github/workflows/ci.yml') -Raw)))
            $script:Workflow = ConvertFrom-PdYamlNode $yaml.Documents[0].RootNode
            $script:Jobs = $Workflow['jobs']

            # build.ps1's parameters and the values its ValidateSets allow, from its own param block.
            $buildAst = [System.Management.Automation.Language.Parser]::ParseFile((Join-Path $RepoRoot 'build.ps1'), [ref]$null, [ref]$null)
            $script:BuildParameters = @{}
            foreach ($parameter in $buildAst.ParamBlock.Parameters) {
                $set = $parameter.Attributes | Where-Object { $_.TypeName.Name -eq 'ValidateSet' } | ForEach-Object { $_.PositionalArguments.Value }
                $BuildParameters[$parameter.Name.VariablePath.UserPath] = @($set)
            }
        }

        It 'parses, runs on pushes to main and on pull requests, and has jobs' {
            $Workflow['on'].Keys | Should -Contain 'push'
            $Workflow['on'].Keys | Should -Contain 'pull_request'
            @($Jobs.Keys).Count | Should -BeGreaterThan 1
            $ReadmeCommands | Should -Not -BeNullOrEmpty -Because 'the README starts with its demo and test commands'
        }

        It 'runs in every job, after dotnet tool restore, the README''s commands through build.ps1 and nothing else' {
            $readmeTasks = @($ReadmeCommands | ForEach-Object { (Get-PdBuildCall $_).Task } | Sort-Object -Unique)
            $readmeTasks | Should -Be @('Demo', 'Test')
            foreach ($name in $Jobs.Keys) {
                $runs = @($Jobs[$name]['steps'] | Where-Object { $_.Contains('run') } | ForEach-Object { $_['run'] })
                $restore = [array]::FindIndex([string[]]$runs, [Predicate[string]] { param($run) $run -match '^\s*dotnet tool restore\s*$' })
                $restore | Should -BeGreaterOrEqual 0 -Because "job $name restores the pinned pwsh"
                $calls = @(for ($i = 0; $i -lt $runs.Count; $i++) {
                    foreach ($call in Get-PdBuildCall $runs[$i]) {
                        $i | Should -BeGreaterThan $restore -Because "job $name restores the tools before it builds"
                        $call
                    }
                })
                @($calls | ForEach-Object { $_.Task } | Sort-Object -Unique) | Should -Be $readmeTasks -Because "job $name runs the README's tasks"
                foreach ($call in $calls) {
                    foreach ($key in $call.Keys) {
                        $BuildParameters.Keys | Should -Contain $key -Because "job $name passes -$key to build.ps1"
                        if ($BuildParameters[$key].Count) { $BuildParameters[$key] | Should -Contain $call[$key] -Because "job $name passes -$key $($call[$key])" }
                    }
                }
            }
        }

        It 'covers Windows PowerShell 5.1, and pwsh 7.4 and the pinned pwsh on Windows, Linux and macOS' {
            $pinned = (Get-Content -LiteralPath (Join-Path $RepoRoot '.config/dotnet-tools.json') -Raw | ConvertFrom-Json).tools.powershell.version
            $pinnedMinor = ([version]$pinned).ToString(2)
            $matrixJobs = @($Jobs.Values | Where-Object { $_.Contains('strategy') })
            $matrixJobs | Should -HaveCount 1
            $matrix = $matrixJobs[0]['strategy']['matrix']
            @($matrix['os'] | Sort-Object) | Should -Be @('macos-latest', 'ubuntu-latest', 'windows-latest')
            @($matrix['pwsh'] | Sort-Object) | Should -Be @('7.4', $pinnedMinor)
            $matrixJobs[0]['runs-on'] | Should -Be '${{ matrix.os }}'
            # 7.4 runs the Pester suite in a pwsh 7.4 that the job installs; the pinned one is `dotnet pwsh` itself.
            $steps = @($matrixJobs[0]['steps'])
            $install = @($steps | Where-Object { $_.Contains('run') -and $_['run'] -match 'dotnet tool install PowerShell --version 7\.4\.\S* --tool-path (\S+)' })
            $install | Should -HaveCount 1
            $install[0]['if'] | Should -Be "matrix.pwsh == '7.4'"
            $toolPath = [regex]::Match($install[0]['run'], '--tool-path (\S+)').Groups[1].Value
            $tests = @($steps | Where-Object { $_.Contains('run') } | ForEach-Object { foreach ($call in Get-PdBuildCall $_['run']) { [pscustomobject]@{ If = $_['if']; Call = $call } } } | Where-Object { $_.Call.Task -eq 'Test' })
            ($tests | Where-Object If -EQ "matrix.pwsh == '7.4'").Call.TestHost | Should -Be "$toolPath/pwsh"
            ($tests | Where-Object If -EQ "matrix.pwsh == '$pinnedMinor'").Call.Contains('TestHost') | Should -BeFalse

            $desktop = @($Jobs.Values | Where-Object { $_['runs-on'] -eq 'windows-latest' -and -not $_.Contains('strategy') })
            $desktop | Should -HaveCount 1
            @($desktop[0]['steps'] | Where-Object { $_.Contains('run') } | ForEach-Object { Get-PdBuildCall $_['run'] } | Where-Object { $_.Task -eq 'Test' }).TestHost | Should -Be 'powershell'
        }
    }

    It 'fails the build on an analyzer finding and names the rule' {
        # A probe inside output/ inherits Directory.Build.props, Directory.Packages.props and .editorconfig as any
        # project of the repository does.
        $probe = Join-Path $RepoRoot 'output/analyzer-probe'
        if (Test-Path -LiteralPath $probe) { Remove-Item -LiteralPath $probe -Recurse -Force }
        $null = New-Item -ItemType Directory -Path $probe
        Set-Content -LiteralPath (Join-Path $probe 'Probe.csproj') -Value @'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
</Project>
'@
        Set-Content -LiteralPath (Join-Path $probe 'Finding.cs') -Value @'
using System.Globalization;

namespace Probe
{
    public static class Finding
    {
        static int s_calls;

        public static string Describe(int value)
        {
            s_calls++;
            return value.ToString() + s_calls;
        }
    }
}
'@
        $output = & dotnet build (Join-Path $probe 'Probe.csproj') -nologo -v q 2>&1 | Out-String
        $LASTEXITCODE | Should -Not -Be 0 -Because $output
        $output | Should -Match 'error CA1305' -Because 'the .NET analyzers are errors (AnalysisMode Recommended, warnings as errors)'
        $output | Should -Match 'error IDE0040' -Because '.editorconfig''s code style is enforced in the build'
        $output | Should -Match 'error IDE0005' -Because 'unused usings fail the build'
        $output | Should -Not -Match 'error CS\d' -Because 'the probe is valid C#: only the analyzers object'
    }
}
