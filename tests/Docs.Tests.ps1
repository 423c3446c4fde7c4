# What the README and about_PersonalizeDeletion tell a newcomer must be true: the IAM policy they show is the one
# policy the repository keeps, and the README's quick start runs as written.

BeforeAll {
    . $PSScriptRoot/common.ps1
    . $PSScriptRoot/ChildProcess.ps1
    Initialize-PdTest

    $script:Readme = Get-Content -Path (Join-Path $PdRepoRoot 'README.md') -Raw
    $script:About = Get-Content -Path (Join-Path $PdRepoRoot 'docs/en-US/about_PersonalizeDeletion.md') -Raw
}

AfterAll {
    Complete-PdTest
}

Describe 'The caller''s IAM policy' {
    It 'is docs/iam-policy.json in the README and in about_PersonalizeDeletion alike (tools/Update-PolicyDocs.ps1 copies it)' {
        $stale = @(& (Join-Path $PdRepoRoot 'tools/Update-PolicyDocs.ps1') -Check)
        $stale | Should -BeNullOrEmpty -Because 'run tools/Update-PolicyDocs.ps1 after changing docs/iam-policy.json'
        $Readme | Should -Match ([regex]::Escape('"personalize:CreateDataDeletionJob"'))
        $About | Should -Match ([regex]::Escape('"personalize:CreateDataDeletionJob"'))
    }

    It 'grants s3:DeleteObject on the staging prefix, and the README says New needs it too' {
        $policy = Get-Content -Path (Join-Path $PdRepoRoot 'docs/iam-policy.json') -Raw | ConvertFrom-Json
        $staging = $policy.Statement | Where-Object { @($_.Action) -contains 's3:DeleteObject' }
        $staging.Resource | Should -Be 'arn:aws:s3:::deletion-staging/requests/*'
        $Readme | Should -Match 's3:DeleteObject` is needed by `New-PDataDeletionJob` as well as by `Wait-PDataDeletionJob -RemoveStagedData`'
        $Readme | Should -Not -Match 'needed only for `Wait-PDataDeletionJob -RemoveStagedData`'
    }
}

Describe 'The README''s quick start' {
    It 'says the CSV needs a USER_ID column, and proves the deletion with -Detailed' {
        $Readme | Should -Match 'The CSV needs a `USER_ID` column'
        $Readme | Should -Match 'Get-PDataDeletionJob -DatasetGroupArn \$deletion\.DatasetGroupArn -Status COMPLETED -Detailed'
    }

    It 'runs as written and its last command shows the records each job deleted' {
        # The quick start's values are the fake's own dataset group, role and bucket; only the folder is chosen here.
        $quickStart = [regex]::Match(($Readme -replace "`r`n", "`n"), '(?ms)^## Quick start\n.*?^```powershell\n(?<script>.*?)^```').Groups['script'].Value
        $quickStart | Should -Match 'New-PDataDeletionJob @deletion -Force'
        $folder = Join-Path $PdTemp 'quick-start'
        $null = New-Item -ItemType Directory -Force -Path $folder
        Set-Content -Path (Join-Path $folder 'erasure-requests.csv') -Value 'USER_ID,requested_on', 'qs-user-1,2026-11-02', 'qs-user-2,2026-11-03'
        $script = Join-Path $folder 'quick-start.ps1'
        Set-Content -Path $script -Value ("`$ErrorActionPreference = 'Stop'`nSet-Location -LiteralPath '$folder'`n" + $quickStart)
        $null = Set-PdFakeConfig -Settings @{ pendingMs = 0; inProgressMs = 0 }

        $result = Start-PdChild -File $script -Environment @{ PSModulePath = (Split-Path $PdModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath } | Wait-PdChild

        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match 'What if: .*Delete 2 user'
        $job = @(Get-PdFakeJob | Where-Object { $_.datasetGroupArn -eq $PdRetailGroup -and $_.status -eq 'COMPLETED' })
        $job.Count | Should -Be 1
        # Wait's table shows the job first, Get-PDataDeletionJob's last: a listing without -Detailed leaves NumDeleted empty.
        $rows = @($result.Output -split "`n" | Where-Object { $_ -match "^$($job[0].jobName)\s" })
        $rows.Count | Should -Be 2 -Because $result.Output
        $rows[-1] | Should -Match "^$($job[0].jobName)\s+COMPLETED\s+$($job[0].numDeleted)\s"
        @(Get-PdFakeS3Object -Bucket 'deletion-staging').Count | Should -Be 0 -Because '-RemoveStagedData removed the staged CSV'
        Test-Path (Join-Path $folder "receipts/$($job[0].jobName).receipt.json") | Should -BeTrue -Because 'the wait keeps a receipt'
    }
}
