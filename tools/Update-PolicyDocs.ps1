<#
.SYNOPSIS
    Copies the caller's IAM policy, docs/iam-policy.json, into the pages that show it: README.md and
    docs/en-US/about_PersonalizeDeletion.md. The JSON file is the one place to change the policy; run this after.
.DESCRIPTION
    On each page, the policy is the fenced json block that grants iam:PassRole (the page's other policies do not).
    -Check changes nothing and lists the pages whose copy differs (tests/Docs.Tests.ps1 fails on any).
#>
[CmdletBinding()]
param([switch] $Check)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
$policy = ([IO.File]::ReadAllText((Join-Path $root 'docs/iam-policy.json')) -replace "`r`n", "`n").TrimEnd("`n")
$null = $policy | ConvertFrom-Json

foreach ($page in 'README.md', 'docs/en-US/about_PersonalizeDeletion.md') {
    $path = Join-Path $root $page
    $text = [IO.File]::ReadAllText($path) -replace "`r`n", "`n"
    $blocks = [regex]::Matches($text, '(?ms)^```json\n(?<policy>.*?)\n```$') | Where-Object { $_.Groups['policy'].Value -match '"iam:PassRole"' }
    if (@($blocks).Count -ne 1) { throw "$page shows $(@($blocks).Count) caller policies (json blocks granting iam:PassRole); expected one." }
    $shown = $blocks[0].Groups['policy']
    if ($shown.Value -ceq $policy) { continue }
    if ($Check) { $page; continue }
    $updated = $text.Substring(0, $shown.Index) + $policy + $text.Substring($shown.Index + $shown.Length)
    [IO.File]::WriteAllText($path, $updated, [Text.UTF8Encoding]::new($false))
    Write-Verbose "Updated the policy in $page."
}
