<#
.SYNOPSIS
    Imports a built module and writes its commands' parameter metadata as JSON to stdout.
.DESCRIPTION
    tools/New-ModuleHelp.ps1 runs this in a child process so the cmdlet assembly (and whatever load context the
    module's loader creates) never enters the build's own process. Everything the help takes from code comes from
    here: parameter sets and their syntax, types, mandatory/position/pipeline per set, aliases, wildcard support,
    default values the cmdlet class initialises, and the declared output types. Common parameters (including
    -ProgressAction) and hidden (DontShow) parameters are left out; -WhatIf and -Confirm are kept, as PowerShell's
    own help lists them.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$moduleName = Split-Path $ModulePath -Leaf
$module = Import-Module (Join-Path $ModulePath "$moduleName.psd1") -PassThru -Force
$common = [System.Collections.Generic.HashSet[string]]::new([string[]]([System.Management.Automation.Cmdlet]::CommonParameters), [StringComparer]::OrdinalIgnoreCase)
$null = $common.Add('ProgressAction')

function Test-HiddenParameter($Parameter) {
    # DontShow parameters are bound from piped objects only; PowerShell hides them, and so does the help.
    [bool]@($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count
}

function Get-ShortTypeName([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    $Type.Name
}

function Get-CodeDefault($Instance, [string] $Name, [type] $Type) {
    # What the cmdlet class initialises the property to. Null, empty and a value type's zero say nothing a
    # reader can use ("0" for an unlimited timeout would mislead), so those fall back to the docs.
    if ($Type -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
    if (-not $Instance) { return $null }
    $property = $Instance.GetType().GetProperty($Name)
    if (-not $property -or -not $property.CanRead) { return $null }
    $value = $property.GetValue($Instance)
    if ($null -eq $value) { return $null }
    if ($value -is [string]) { if ($value.Length -eq 0) { return $null } else { return $value } }
    if ($value -is [System.Collections.ICollection]) {
        if ($value.Count -eq 0) { return $null }
        return (@($value | ForEach-Object { [System.Convert]::ToString($_, [cultureinfo]::InvariantCulture) }) -join ', ')
    }
    if ($value.GetType().IsValueType -and $value.Equals([Activator]::CreateInstance($value.GetType()))) { return $null }
    [System.Convert]::ToString($value, [cultureinfo]::InvariantCulture)
}

$commands = foreach ($command in (Get-Command -Module $module.Name -CommandType Cmdlet, Function | Sort-Object Name)) {
    $instance = $null
    if ($command -is [System.Management.Automation.CmdletInfo]) {
        $instance = [Activator]::CreateInstance($command.ImplementingType)
    }
    try {
        $parameters = foreach ($parameter in $command.Parameters.Values) {
            if ($common.Contains($parameter.Name) -or (Test-HiddenParameter $parameter)) { continue }
            [ordered]@{
                Name              = $parameter.Name
                Type              = Get-ShortTypeName $parameter.ParameterType
                TypeFullName      = $parameter.ParameterType.FullName
                IsSwitch          = [bool]$parameter.SwitchParameter
                Aliases           = @($parameter.Aliases)
                SupportsWildcards = [bool]@($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
                CodeDefault       = Get-CodeDefault $instance $parameter.Name $parameter.ParameterType
            }
        }
    }
    finally {
        if ($instance -is [IDisposable]) { $instance.Dispose() }
    }

    $sets = foreach ($set in $command.ParameterSets) {
        $syntax = "$($command.Name) $set".Trim()
        foreach ($hidden in @($set.Parameters | Where-Object { Test-HiddenParameter $_ })) {
            # PowerShell's own syntax text keeps them (optional and named: "[-Name <type>]" or "[-Name]").
            $syntax = $syntax -replace (' \[-' + [regex]::Escape($hidden.Name) + '( <[^>]+>)?\]'), ''
        }
        # The order PowerShell itself prints the syntax in (positional first, then mandatory, then the rest).
        $order = @([regex]::Matches($set.ToString(), '(?<=^|[\s\[])-(\w+)') | ForEach-Object { $_.Groups[1].Value })
        $members = foreach ($member in $set.Parameters) {
            if ($common.Contains($member.Name) -or (Test-HiddenParameter $member)) { continue }
            [ordered]@{
                Name                            = $member.Name
                IsMandatory                     = [bool]$member.IsMandatory
                Position                        = if ($member.Position -eq [int]::MinValue) { $null } else { $member.Position }
                ValueFromPipeline               = [bool]$member.ValueFromPipeline
                ValueFromPipelineByPropertyName = [bool]$member.ValueFromPipelineByPropertyName
                Order                           = [array]::IndexOf($order, $member.Name)
            }
        }
        [ordered]@{
            Name       = $set.Name
            IsDefault  = [bool]$set.IsDefault
            Syntax     = $syntax
            Parameters = @($members | Sort-Object { $_.Order })
        }
    }

    [ordered]@{
        Name          = $command.Name
        Verb          = $command.Verb
        Noun          = $command.Noun
        CommandType   = $command.CommandType.ToString()
        OutputTypes   = @($command.OutputType | ForEach-Object { if ($_.Type) { $_.Type.FullName } else { $_.Name } })
        Parameters    = @($parameters)
        ParameterSets = @($sets)
    }
}

ConvertTo-Json -InputObject @($commands) -Depth 8 -Compress
