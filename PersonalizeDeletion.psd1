@{
    RootModule             = 'PersonalizeDeletion.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = 'e749cc05-69a3-41b8-a980-c55cb7d976c9'
    Author                 = 'PersonalizeDeletion contributors'
    CompanyName            = 'PersonalizeDeletion'
    Copyright              = '(c) 2026 PersonalizeDeletion contributors. Licensed under the Apache License 2.0.'
    Description            = 'Erase users from Amazon Personalize: stage user IDs in S3 safely, submit data deletion jobs exactly once, and wait for them. For GDPR and CCPA "forget me" requests, interactive or unattended.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    TypesToProcess         = @('PersonalizeDeletion.Types.ps1xml')
    FormatsToProcess       = @('PersonalizeDeletion.Format.ps1xml')
    CmdletsToExport        = @('New-PDataDeletionJob', 'Get-PDataDeletionJob', 'Wait-PDataDeletionJob')
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    HelpInfoURI            = 'https://github.com/personalize-deletion/PersonalizeDeletion/blob/main/docs/en-US/about_PersonalizeDeletion.md'
    PrivateData            = @{
        PSData = @{
            Tags         = @('AWS', 'Personalize', 'GDPR', 'CCPA', 'Privacy', 'DataDeletion', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/personalize-deletion/PersonalizeDeletion/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/personalize-deletion/PersonalizeDeletion'
            ReleaseNotes = ''
        }
    }
}
