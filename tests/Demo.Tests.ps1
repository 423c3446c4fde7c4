BeforeAll {
    . $PSScriptRoot/common.ps1
}

Describe 'The demo' {
    It 'runs end to end on the fake, exits 0, shows COMPLETED jobs and ends with a receipt and the model to retrain' {
        # The same script build.ps1 -Task Demo runs, on the module and fake this test run already built.
        $demo = Join-Path $PdRepoRoot 'tools/Demo.ps1'
        $fake = if ($env:PD_FAKE_DLL) { $env:PD_FAKE_DLL } else { Join-Path $PdRepoRoot 'output/fake/PersonalizeDeletion.Fake.dll' }
        Push-Location $PdRepoRoot
        try {
            $output = dotnet pwsh -NoProfile -NonInteractive -File $demo -ModulePath $PdModulePath -FakePath $fake 2>&1 | Out-String
            $exit = $LASTEXITCODE
        }
        finally {
            Pop-Location
        }
        $exit | Should -Be 0 -Because $output
        $output | Should -Match 'What if: .*Delete 6 user'
        $output | Should -Match 'InvalidUserId'
        $output | Should -Match 'COMPLETED'
        $output | Should -Match 'Objects left in the staging bucket: 0'
        $output | Should -Match 'already submitted'
        # NumDeleted counts records: the six users' interactions and user rows seeded in tests/recordings/datasets.json.
        $output | Should -Match 'Done: 1 job\(s\) COMPLETED for 6 user\(s\), 36 record\(s\) deleted'
        # It ends with the model left to retrain, said in the one summary warning, and the receipt.
        $output | Should -Match 'WARNING: 1 completed data deletion job\(s\) leave work to do\. 1 model\(s\) to retrain, .*: retail-recs\.'
        $output | Should -Match 'New-PERSSolutionVersion -SolutionArn <SolutionArn> -TrainingMode FULL'
        $output | Should -Match 'Next: retrain retail-recs and update retail-live \(Assurance RetrainModels\)'
        $receipt = [regex]::Match($output, '(?s)== What the auditor gets.*?(?=\r?\nDone:)').Value
        $receipt | Should -Match '"assurance": "RetrainModels"'
        $receipt | Should -Match '"userCount": 6'
        $receipt | Should -Match '"stagedSha256": "[0-9a-f]{64}"'
        $receipt | Should -Match '"callerArn": "arn:aws:iam::123456789012:user/'
        # The receipt names no one who asked to be forgotten (the demo's requests, tests/recordings/datasets.json).
        foreach ($user in 'user-1001', 'user-1002', 'jürgen', 'Smith, John', 'quote', 'xxxxxxxxxx') {
            $receipt | Should -Not -Match ([regex]::Escape($user))
        }
        # It tells the story, not the fake's settings.
        $output | Should -Not -Match 'pendingMs|inProgressMs|failJobNamePattern|clockOffsetSeconds'
    }
}
