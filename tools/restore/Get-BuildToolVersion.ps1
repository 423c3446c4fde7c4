<#
.SYNOPSIS
    The version of a package the build or the tests use but no project compiles in (Pester, Markdig, ...), read from
    its one place: a BuildToolPackage item of Directory.Packages.props.
.EXAMPLE
    & ./tools/restore/Get-BuildToolVersion.ps1 -Name Pester
#>
param([Parameter(Mandatory)] [string] $Name)

$ErrorActionPreference = 'Stop'
$props = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'Directory.Packages.props'
$xml = New-Object System.Xml.XmlDocument
$xml.Load($props)
$items = @($xml.SelectNodes('/Project/ItemGroup/BuildToolPackage') | Where-Object { $_.GetAttribute('Include') -eq $Name })
if ($items.Count -ne 1 -or -not $items[0].GetAttribute('Version')) {
    throw "Directory.Packages.props should have one BuildToolPackage '$Name' with a Version; it has $($items.Count)."
}
$items[0].GetAttribute('Version')
