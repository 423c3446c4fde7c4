BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest

    $script:CommandId = 'PersonalizeDeletion.Cmdlets.WaitPDataDeletionJobCommand'
    $script:Submit = @{ DatasetGroupArn = $PdRetailGroup; RoleArn = $PdRole; StagingUri = $PdStaging; Force = $true }
}

AfterAll {
    Complete-PdTest
}

Describe 'Wait-PDataDeletionJob: failures no poll can get past end the wait' {
    BeforeEach {
        Reset-PdFake
    }

    It 'ends on rejected credentials instead of polling until the timeout' {
        $null = Set-PdFakeConfig -Settings @{ pendingMs = 600000 }
        $job = 'u1' | New-PDataDeletionJob @Submit
        $reached = $false
        try {
            $null = $job | Wait-PDataDeletionJob -AccessKey $PdDefaultAccessKey -SecretKey 'not-the-secret' -Timeout 3 -PollInterval 1 -ErrorAction SilentlyContinue
            $reached = $true
        }
        catch {
            $failure = $_
        }
        $reached | Should -BeFalse
        $failure.FullyQualifiedErrorId | Should -Be "InvalidCredentials,$CommandId"
        $failure.Exception.Message | Should -Not -Match 'Canonical'
        @(Get-PdFakeRequest -Operation ListDataDeletionJobs).Count | Should -Be 1
    }

    It 'ends when the endpoint never answers' {
        $null = Set-PdFakeConfig -Settings @{ pendingMs = 600000 }
        $job = 'u1' | New-PDataDeletionJob @Submit
        { Wait-PDataDeletionJob -JobArn $job.JobArn -EndpointUrl 'http://127.0.0.1:9' -Timeout 3 -PollInterval 1 -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId "ServiceUnreachable,$CommandId"
    }

    It 'waits out a poll that fails after the SDK''s retries: one bad round is not the end' {
        $null = Set-PdFakeConfig -Settings @{ pendingMs = 2000; inProgressMs = 500 }
        $job = 'u1' | New-PDataDeletionJob @Submit
        # More server errors in a row than the SDK retries, so a round's listing fails.
        Add-PdFakeFault -Operation ListDataDeletionJobs -Kind error500 -Count 8
        $output = $job | Wait-PDataDeletionJob -PollInterval 1 -ErrorVariable errors -Verbose 4>&1
        ($output | Where-Object { $_.PSObject.TypeNames -contains 'PersonalizeDeletion.DataDeletionJob' }).Status | Should -Be 'COMPLETED'
        $errors.Count | Should -Be 0
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'Could not learn the state'
    }
}

Describe 'Wait-PDataDeletionJob -Timeout and -PollInterval' {
    It 'refuses <Parameter> <Value> with a message that says the range' -TestCases @(
        @{ Parameter = 'Timeout'; Value = 0; Range = '1 to 604800 seconds \(at most 7 days\)'; Advice = 'Leave -Timeout out' }
        @{ Parameter = 'Timeout'; Value = 604801; Range = '1 to 604800 seconds \(at most 7 days\)'; Advice = 'Leave -Timeout out' }
        @{ Parameter = 'PollInterval'; Value = 0; Range = '1 to 86400 seconds \(at most a day\)'; Advice = 'once a minute' }
        @{ Parameter = 'PollInterval'; Value = 86401; Range = '1 to 86400 seconds \(at most a day\)'; Advice = 'once a minute' }
    ) {
        $arguments = @{ JobArn = 'arn:aws:personalize:us-east-1:123456789012:data-deletion-job/x'; $Parameter = $Value }
        $failure = { Wait-PDataDeletionJob @arguments } | Should -Throw -ErrorId "ParameterArgumentValidationError,$CommandId" -PassThru
        $failure.Exception.Message | Should -Match $Range
        $failure.Exception.Message | Should -Match $Advice
    }

    It 'states both ranges in its help' {
        (Get-Help Wait-PDataDeletionJob -Parameter Timeout).description.Text -join ' ' | Should -Match '1 to 604800'
        (Get-Help Wait-PDataDeletionJob -Parameter PollInterval).description.Text -join ' ' | Should -Match '1 to 86400'
    }
}

Describe 'Wait-PDataDeletionJob -Verbose' {
    It 'names where each setting came from: a region bound from the piped job is not the -Region parameter' {
        Reset-PdFake
        $null = Set-PdFakeConfig -Settings @{ pendingMs = 100; inProgressMs = 100 }
        $job = 'u1' | New-PDataDeletionJob @Submit
        $verbose = $job | Wait-PDataDeletionJob -PollInterval 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $text = $verbose.Message -join "`n"
        $text | Should -Match 'Region: us-east-1 \(Region property of the piped object\)'
        $text | Should -Not -Match '-Region parameter'
        $text | Should -Match 'Credentials: environment variables'

        $verbose = Wait-PDataDeletionJob -JobArn $job.JobArn -Region us-east-1 -PollInterval 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Region: us-east-1 \(-Region parameter\)'
    }
}
