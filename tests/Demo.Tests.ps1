BeforeAll {
    . $PSScriptRoot/common.ps1
}

Describe 'The demo' {
    It 'runs end to end on the fake, exits 0 and shows COMPLETED jobs' {
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
        # It tells the story, not the fake's settings.
        $output | Should -Not -Match 'pendingMs|inProgressMs|failJobNamePattern|clockOffsetSeconds'
    }
}
