BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest
}

AfterAll {
    Complete-PdTest
}

# On the fake's shared URL a request's region is the one it is signed for, so a call for an eu-west-1 resource
# signed for us-east-1 finds nothing, as at AWS's us-east-1 endpoint.
Describe 'Calls go to the region of the resource' {
    BeforeEach {
        Reset-PdFake
        Set-PdFakeConfig -Settings @{ pendingMs = 300; inProgressMs = 300 } | Out-Null
    }

    It 'New, Wait and Get call eu-west-1 for an eu-west-1 dataset group and job, whatever AWS_REGION says' {
        $env:AWS_REGION | Should -Be 'us-east-1'
        Add-PdFakeUserRecord -DatasetGroupArn $PdEuGroup -UserId 'eu-user' -Count 4 | Out-Null
        $job = 'eu-user' | New-PDataDeletionJob -DatasetGroupArn $PdEuGroup -RoleArn $PdRole -StagingUri $PdStaging -Force |
            Wait-PDataDeletionJob -PollInterval 1
        $job.JobArn | Should -Match '^arn:aws:personalize:eu-west-1:'
        $job.Status | Should -Be 'COMPLETED'
        $job.NumDeleted | Should -Be 4
        (Get-PDataDeletionJob -JobArn $job.JobArn).JobName | Should -Be $job.JobName
        @(Get-PdFakeRequest -Service personalize | Where-Object region -NE 'eu-west-1').Count | Should -Be 0
    }

    It 'a job of one region is not found from another' {
        Add-PdFakeJob -DatasetGroupArn $PdEuGroup -NamePrefix 'eu-only' | Out-Null
        $eu = (Get-PdFakeJob | Where-Object jobName -Like 'eu-only*').dataDeletionJobArn
        $usArn = $eu -replace ':eu-west-1:', ':us-east-1:'
        $null = Get-PDataDeletionJob -JobArn $usArn -ErrorVariable missing -ErrorAction SilentlyContinue
        @($missing).FullyQualifiedErrorId | Should -Be 'DataDeletionJobNotFound,PersonalizeDeletion.Cmdlets.GetPDataDeletionJobCommand'
        (Get-PDataDeletionJob -JobArn $eu).Region | Should -Be 'eu-west-1'
        @(Get-PDataDeletionJob).Count | Should -Be 0
        @(Get-PDataDeletionJob -Region eu-west-1).Count | Should -Be 1
    }
}
