BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest

    if (-not ('PdTests.FixedWidthHost' -as [type])) {
        Add-Type -Path (Join-Path $PSScriptRoot 'FixedWidthHost.cs')
    }

    function Show-InConsole {
        <#
        .SYNOPSIS
            Runs a command the way an interactive console does (its output goes to Out-Default) in a console $Columns
            wide; returns the lines the user would read.
        #>
        param([Parameter(Mandatory)] [int] $Columns, [Parameter(Mandatory)] [string] $Command)
        $console = [PdTests.FixedWidthHost]::new($Columns)
        $runspace = [runspacefactory]::CreateRunspace($console)
        $runspace.Open()
        $shell = [powershell]::Create()
        try {
            $shell.Runspace = $runspace
            $null = $shell.AddScript("Import-Module '$(Join-Path $PdModulePath 'PersonalizeDeletion.psd1')'; $Command | Out-Default").Invoke()
            if ($shell.Streams.Error.Count) { throw "The command failed: $($shell.Streams.Error[0])" }
        }
        finally {
            $shell.Dispose()
            $runspace.Dispose()
        }
        # A terminal renders the header's colour sequences as colour, not as characters.
        @(($console.Output -replace '\e\[[0-9;]*m') -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ })
    }

    # Jobs whose values are the widest each column has to show. A name as New-PDataDeletionJob derives it for the retail
    # group (32 characters) on a job running for 30 hours; the longest name a job can have (63) on a job that deleted
    # the most records NumDeleted can count.
    $script:GeneratedName = 'pdel-retail-0123456789abcde-0001'
    $script:LongestName = ('x' * 58) + '-0001'
    Reset-PdFake
    $null = Set-PdFakeConfig -Settings @{ clockOffsetSeconds = -108005 }
    $null = Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Status IN_PROGRESS -NamePrefix 'pdel-retail-0123456789abcde'
    $null = Set-PdFakeConfig -Settings @{ clockOffsetSeconds = 0 }
    $null = Add-PdFakeJob -DatasetGroupArn $PdRetailGroup -Status COMPLETED -NamePrefix ('x' * 58) -NumDeleted ([int]::MaxValue)
    # Described without -Detailed: the plain job table. With -Detailed the jobs are judged, and the table shows Assurance.
    $script:Plain = "Get-PDataDeletionJob -DatasetGroupArn '$PdRetailGroup' | Get-PDataDeletionJob"
    $script:Listing = "Get-PDataDeletionJob -DatasetGroupArn '$PdRetailGroup' -Detailed"
}

AfterAll {
    Complete-PdTest
}

Describe 'The job table, as a console shows it' {
    It 'fits an 80-column console: name, status, records deleted and the UTC creation time, every value whole' {
        $GeneratedName.Length | Should -Be 32
        $LongestName.Length | Should -Be 63
        $lines = Show-InConsole -Columns 80 -Command $Plain

        $lines[0] | Should -Match '^JobName\s+Status\s+NumDeleted\s+CreationDateTime$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 -Because "an 80-column console wraps longer lines: '$_'" }
        $lines -join "`n" | Should -Not -Match '…'
        $lines | Should -Contain ($lines | Where-Object { $_ -match "^$GeneratedName IN_PROGRESS\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$" })
        # The longest name wraps inside its column; the columns after it stay where they are.
        $row = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($line) $line.StartsWith($LongestName.Substring(0, 32)) })
        $lines[$row] | Should -Match "^$($LongestName.Substring(0, 32)) COMPLETED\s+2147483647 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$"
        $lines[$row + 1] | Should -Be $LongestName.Substring(32)
    }

    It 'shows more at 120 columns: the duration and the dataset group' {
        $lines = Show-InConsole -Columns 120 -Command $Plain

        $lines[0] | Should -Match '^JobName\s+Status\s+NumDeleted\s+CreationDateTime\s+Duration\s+DatasetGroup$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 119 }
        $lines -join "`n" | Should -Not -Match '…'
        $lines | Where-Object { $_ -match "^$GeneratedName IN_PROGRESS\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\s+1d 06:0\d:\d\d retail$" } | Should -Not -BeNullOrEmpty
        $lines | Where-Object { $_ -match "^$($LongestName.Substring(0, 32)) COMPLETED\s+2147483647 .+ UTC\s+\d\d:\d\d:\d\d retail$" } | Should -Not -BeNullOrEmpty
    }

    It 'shows judged jobs with their Assurance in an 80-column console, in place of the creation time' {
        $lines = Show-InConsole -Columns 80 -Command $Listing

        $lines[0] | Should -Match '^JobName\s+Status\s+NumDeleted\s+Assurance$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 79 -Because "an 80-column console wraps longer lines: '$_'" }
        $lines -join "`n" | Should -Not -Match '…'
        $lines | Where-Object { $_ -match "^$GeneratedName\s+IN_PROGRESS\s+Unfinished$" } | Should -Not -BeNullOrEmpty
        # The longest name wraps inside its wider column; the columns after it stay where they are.
        $row = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($line) $line.StartsWith($LongestName.Substring(0, 39)) })
        $lines[$row] | Should -Match "^$($LongestName.Substring(0, 39)) COMPLETED\s+2147483647 Verified$"
        $lines[$row + 1] | Should -Be $LongestName.Substring(39)
        # The widest value Assurance has fits its column whole.
        $assurance = @(Invoke-Expression $Listing)[0].Assurance.GetType()
        ([enum]::GetNames($assurance) | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 16
    }

    It 'shows judged jobs with the creation time and the dataset group at 120 columns' {
        $lines = Show-InConsole -Columns 120 -Command $Listing

        $lines[0] | Should -Match '^JobName\s+Status\s+NumDeleted\s+Assurance\s+CreationDateTime\s+DatasetGroup$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 119 }
        $lines -join "`n" | Should -Not -Match '…'
        $lines | Where-Object { $_ -match "^$GeneratedName\s+IN_PROGRESS\s+Unfinished\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC retail$" } | Should -Not -BeNullOrEmpty
    }

    It 'lists the judgement and the staged object''s digest in Format-List' {
        $text = Invoke-Expression $Listing | Where-Object JobName -EQ $GeneratedName | Format-List | Out-String
        foreach ($name in 'StagedSha256', 'StagedBytes', 'Assurance', 'ConcurrentActivity', 'RerunRecommended', 'ModelsToRetrain', 'CampaignsToUpdate', 'ExternalCopies', 'Receipt') {
            $text | Should -Match "(?m)^$name\s+:"
        }
        $text | Should -Match '(?m)^Assurance\s+: Unfinished'
    }
}

Describe 'Jobs written to CSV and JSON' {
    BeforeAll {
        $script:Jobs = @(Invoke-Expression $Listing)
        $script:Running = $Jobs | Where-Object JobName -EQ $GeneratedName
    }

    It 'keeps typed UTC times for scripts, and Duration as text [timespan] reads back' {
        $Running.CreationDateTime | Should -BeOfType [datetime]
        $Running.CreationDateTime.Kind | Should -Be 'Utc'
        $Running.CreationDateTime | Should -BeLessThan ([datetime]::UtcNow.AddHours(-30))
        ($Jobs | Sort-Object CreationDateTime | Select-Object -First 1).JobName | Should -Be $GeneratedName
        $Running.Duration | Should -Match '^1\.06:0\d:\d\d$'
        ([timespan]$Running.Duration).TotalHours | Should -BeGreaterThan 30
    }

    It 'Export-Csv writes ISO 8601 UTC times and the readable duration, whatever the culture' {
        $path = Join-Path $PdTemp 'jobs.csv'
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $Jobs | Export-Csv -Path $path
        }
        finally {
            [cultureinfo]::CurrentCulture = $culture
        }
        $row = Import-Csv -Path $path | Where-Object JobName -EQ $GeneratedName
        $row.CreationDateTime | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
        $row.LastUpdatedDateTime | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$'
        [datetime]::Parse($row.CreationDateTime, [cultureinfo]::InvariantCulture, 'RoundtripKind') | Should -Be $Running.CreationDateTime
        # A running job's duration grows while the test runs: the same readable form, within a few seconds.
        $row.Duration | Should -Match '^1\.06:0\d:\d\d$'
        ([timespan]$row.Duration - [timespan]$Running.Duration).Duration() | Should -BeLessThan ([timespan]::FromSeconds(5))
    }

    It 'ConvertTo-Json writes ISO 8601 UTC times and the duration as one readable string' {
        $json = $Running | ConvertTo-Json
        $json | Should -Match '"CreationDateTime": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"'
        $json | Should -Match '"Duration": "1\.06:0\d:\d\d"'
        $json | Should -Not -Match 'Ticks'
        $selected = $Running | Select-Object JobName, CreationDateTime, Duration | ConvertTo-Json
        $selected | Should -Match '"CreationDateTime": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"'
        $selected | Should -Match '"Duration": "1\.06:0\d:\d\d"'
    }

    It 'Format-List shows the same unambiguous times' {
        $text = $Running | Format-List | Out-String
        $text | Should -Match 'CreationDateTime\s+: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z'
        $text | Should -Match 'Duration\s+: 1\.06:0\d:\d\d'
    }
}
