<#
.SYNOPSIS
    Publishes the built module into a local file repository: <RepositoryPath>/<Module>.<version>.nupkg.
.DESCRIPTION
    build.ps1 -Task Package runs this in a fresh process. It registers a temporary PSResourceGet repository under
    a unique name, publishes the module folder there with Publish-PSResource (exactly what Publish-PSResource
    -Repository PSGallery would upload) and unregisters it again, whatever happens.

    The user's own repository list is never touched: on Linux and macOS PSResourceGet keeps it under
    $XDG_DATA_HOME, which this process points at a temporary folder before PSResourceGet loads; on Windows the
    temporary repository has a unique name and is removed in 'finally'.
.EXAMPLE
    dotnet pwsh -NoProfile -File tools/Publish-LocalRepository.ps1 -ModulePath output/PersonalizeDeletion -RepositoryPath output/repository
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $RepositoryPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$ProgressPreference = 'SilentlyContinue'

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$null = New-Item -ItemType Directory -Force -Path $RepositoryPath
$RepositoryPath = (Resolve-Path -LiteralPath $RepositoryPath).ProviderPath
$moduleName = Split-Path $ModulePath -Leaf
$manifest = Import-PowerShellDataFile (Join-Path $ModulePath "$moduleName.psd1")

$isolatedStore = $null
if (-not $IsWindows) {
    $isolatedStore = Join-Path ([IO.Path]::GetTempPath()) ('pd-psresourceget-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $isolatedStore
    $env:XDG_DATA_HOME = $isolatedStore
}

Import-Module Microsoft.PowerShell.PSResourceGet
$repository = 'PersonalizeDeletionLocal-' + [guid]::NewGuid().ToString('n').Substring(0, 12)
Register-PSResourceRepository -Name $repository -Uri $RepositoryPath -Trusted
try {
    Publish-PSResource -Path $ModulePath -Repository $repository
    $package = Join-Path $RepositoryPath "$moduleName.$($manifest.ModuleVersion).nupkg"
    if (-not (Test-Path -LiteralPath $package)) { throw "Publish-PSResource did not produce $package." }
    Write-Host "Published $package"
}
finally {
    Unregister-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue
    if ($isolatedStore) { Remove-Item -LiteralPath $isolatedStore -Recurse -Force -ErrorAction SilentlyContinue }
}
