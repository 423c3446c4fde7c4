<#
.SYNOPSIS
    Builds the module as it was at a commit, for bench/Compare-Builds.ps1 -Baseline.
.DESCRIPTION
    Checks the commit out into a temporary git worktree under output/ (ignored, inside the repository), runs that
    commit's own `build.ps1 -Task Build`, copies the built module to <OutputPath>/PersonalizeDeletion and removes
    the worktree again.
.EXAMPLE
    dotnet pwsh bench/New-BaselineBuild.ps1 -Commit e8204c3
#>
param(
    [Parameter(Mandatory)] [string] $Commit,
    [string] $OutputPath = (Join-Path (Split-Path $PSScriptRoot) 'output/baseline')
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
$source = Join-Path $OutputPath 'source'
$module = Join-Path $OutputPath 'PersonalizeDeletion'

function Invoke-Git { & git -C $root @args; if ($LASTEXITCODE -ne 0) { throw "git $($args -join ' ') failed." } }

if (Test-Path $source) { Invoke-Git worktree remove --force $source }
Invoke-Git worktree add --detach $source $Commit
try {
    Push-Location $source
    try {
        & dotnet tool restore | Out-Null
        & dotnet pwsh ./build.ps1 -Task Build
        if ($LASTEXITCODE -ne 0) { throw "The build of $Commit failed." }
    }
    finally { Pop-Location }
    if (Test-Path $module) { Remove-Item $module -Recurse -Force }
    Copy-Item (Join-Path $source 'output/PersonalizeDeletion') -Destination $module -Recurse
    Write-Host "Baseline $Commit built into $module"
}
finally {
    Invoke-Git worktree remove --force $source
}
