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
            foreach ($argument in (Join-Path $alone 'PersonalizeDeletion.Fake.dll'), '--port', '0') { $startInfo.ArgumentList.Add($argument) }
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
                if (-not $process.HasExited) { $process.Kill($true) }
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

# The habits of a maintained module: one place for each tool version.
Describe 'The habits of a maintained module' {
    BeforeAll {
        $script:PackagesProps = Join-Path $RepoRoot 'Directory.Packages.props'
        $script:BuildTools = @(
            ([xml](Get-Content -LiteralPath $PackagesProps -Raw)).SelectNodes('/Project/ItemGroup/BuildToolPackage') |
                ForEach-Object { [pscustomobject]@{ Name = $_.GetAttribute('Include'); Version = $_.GetAttribute('Version') } }
        )
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
}
