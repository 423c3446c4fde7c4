BeforeAll {
    . $PSScriptRoot/common.ps1
    Initialize-PdTest

    $script:Common = @{ DatasetGroupArn = $PdRetailGroup; RoleArn = $PdRole; StagingUri = $PdStaging; Force = $true }
    $script:CommandId = 'PersonalizeDeletion.Cmdlets.NewPDataDeletionJobCommand'

    function Get-CreateRequest { @(Get-PdPersonalizeRequest -Operation CreateDataDeletionJob) }
    function Get-StagedObject { @(Get-PdFakeS3Object -Bucket 'deletion-staging') }
    function Get-StagedText([string] $Key) { [Text.Encoding]::UTF8.GetString((Get-PdFakeS3ObjectContent -Bucket 'deletion-staging' -Key $Key)) }
    function Get-StagedBytes([string] $Key) { [byte[]](Get-PdFakeS3ObjectContent -Bucket 'deletion-staging' -Key $Key) }
    function New-LargeUserIdFile([string] $Name, [scriptblock] $WriteLines, [string] $Header = "USER_ID`n") {
        # A file too large to build as a string array; $WriteLines writes the lines after the header to $writer.
        $path = Join-Path $PdTemp $Name
        $writer = [IO.StreamWriter]::new($path, $false, [Text.UTF8Encoding]::new($false))
        try { $writer.Write($Header); & $WriteLines $writer } finally { $writer.Dispose() }
        $path
    }
    function Invoke-NewInChild([string] $Script) {
        # What-if lines and host prompts show only in a separate process; <New> stands for the command and its target.
        $module = Join-Path $PdModulePath 'PersonalizeDeletion.psd1'
        $new = "New-PDataDeletionJob -DatasetGroupArn '$PdRetailGroup' -RoleArn '$PdRole' -StagingUri '$PdStaging'"
        Invoke-PdChildPwsh ("Import-Module '$module'; " + $Script.Replace('<New>', $new))
    }
    function ConvertTo-CsvBytes([string[]] $Id) {
        # What the service must receive: USER_ID header, LF endings, RFC 4180 quoting, UTF-8 without BOM.
        $rows = foreach ($value in $Id) { if ($value -match '[,"]' -or $value -ne $value.Trim()) { '"' + $value.Replace('"', '""') + '"' } else { $value } }
        [Text.UTF8Encoding]::new($false).GetBytes((@('USER_ID') + $rows | ForEach-Object { "$_`n" }) -join '')
    }
}

AfterAll {
    Complete-PdTest
}

Describe 'New-PDataDeletionJob' {
    BeforeEach {
        Reset-PdFake
    }

    Context 'user IDs from the pipeline' {
        It 'stages the valid unique IDs byte for byte and submits one job' {
            $tricky = @('plain', 'Smith, John', 'say "hi"', 'müller.jürgen@example.com', '東京-ユーザー', ('x' * 256), ' padded ')
            $job = $tricky | New-PDataDeletionJob @Common

            $job.PSObject.TypeNames[0] | Should -Be 'PersonalizeDeletion.DataDeletionJob'
            $job.Status | Should -Be 'PENDING'
            $job.UserCount | Should -Be 7
            $job.DuplicateCount | Should -Be 0
            $job.RejectedCount | Should -Be 0
            $job.StagedObject | Should -Match '^s3://deletion-staging/requests/pdel-.*-001\.csv$'

            $objects = Get-StagedObject
            $objects.Count | Should -Be 1
            $bytes = Get-StagedBytes $objects[0].key
            [Convert]::ToBase64String($bytes) | Should -Be ([Convert]::ToBase64String((ConvertTo-CsvBytes $tricky)))
            $bytes[0..2] | Should -Not -Be @(0xEF, 0xBB, 0xBF)

            $create = Get-CreateRequest
            $create.Count | Should -Be 1
            $create[0].Json.datasetGroupArn | Should -Be $PdRetailGroup
            $create[0].Json.roleArn | Should -Be $PdRole
            $create[0].Json.dataSource.dataLocation | Should -Be "s3://deletion-staging/$($objects[0].key)"
            $create[0].Json.jobName | Should -Match '^pdel-retail-[0-9a-f]{20}$'
        }

        It 'stages with SSE-S3, the dataset group''s account as expected bucket owner, and staging metadata' {
            $null = 'a', 'b' | New-PDataDeletionJob @Common
            $object = (Get-StagedObject)[0]
            # What was sent, not what is stored: S3 (and the fake) encrypt with AES256 when nothing is asked for.
            $writes = @(Get-PdFakeRequest -Service s3 | Where-Object operation -In 'PutObject', 'CreateMultipartUpload')
            $writes.Count | Should -BeGreaterThan 0
            $writes | ForEach-Object { $_.headers.'x-amz-server-side-encryption' | Should -BeExactly 'AES256' }
            $writes | ForEach-Object { $_.headers.PSObject.Properties.Name | Should -Not -Contain 'x-amz-server-side-encryption-aws-kms-key-id' }
            $object.expectedBucketOwner | Should -Be $PdAccount
            $object.metadata.'staged-by' | Should -Be 'PersonalizeDeletion'
            @(Get-PdFakeRequest -Service s3 | Where-Object { $_.headers.'x-amz-expected-bucket-owner' -ne $PdAccount }).Count | Should -Be 0
        }

        It 'honours -ExpectedBucketOwner' {
            Add-PdFakeBucket -Name 'partner-staging' -Owner '210987654321'
            $null = 'a' | New-PDataDeletionJob @Common -StagingUri 's3://partner-staging/in/' -ExpectedBucketOwner '210987654321'
            (Get-PdFakeS3Object -Bucket 'partner-staging')[0].expectedBucketOwner | Should -Be '210987654321'
        }

        It 'reports rejected IDs as InvalidUserId, submits the rest, and counts duplicates once' {
            $input = @('good-1', '', '   ', ('y' * 257), "line`nbreak", "tab`there", 'good-2', 'good-1', 'good-2', 'good-3')
            $job = $input | New-PDataDeletionJob @Common -ErrorVariable rejected -ErrorAction SilentlyContinue
            $rejected.Count | Should -Be 5
            $rejected | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be "InvalidUserId,$CommandId" }
            $rejected | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'InvalidData' }
            $job.UserCount | Should -Be 3
            $job.DuplicateCount | Should -Be 2
            $job.RejectedCount | Should -Be 5
            ($job.UserCount + $job.DuplicateCount + $job.RejectedCount) | Should -Be $input.Count
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`ngood-1`ngood-2`ngood-3`n"
        }

        It 'never puts a user ID in an error unless -Debug' {
            $null = 'secret-person', ('z' * 300) | New-PDataDeletionJob @Common -ErrorVariable rejected -ErrorAction SilentlyContinue
            $rejected[0].ToString() | Should -Not -Match 'zzzz'
            "$($rejected[0].TargetObject)" | Should -Not -Match 'zzzz'
        }

        It 'binds Import-Csv rows by their USER_ID column' {
            $csv = New-PdUserIdFile -Name 'export.csv' -Line @('"USER_ID","EMAIL"', '"u-1","a@example.com"', '"u-2","b@example.com"')
            $job = Import-Csv $csv | New-PDataDeletionJob @Common
            $job.UserCount | Should -Be 2
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`nu-1`nu-2`n"
        }

        It 'takes every user ID property of a row: USER_ID and UserIds together lose neither' {
            $job = [pscustomobject]@{ USER_ID = 'one'; UserIds = @('two', 'three') } | New-PDataDeletionJob @Common
            $job.UserCount | Should -Be 3
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`none`ntwo`nthree`n"
        }

        It 'reports a piped object it cannot read as UnrecognizedInputObject and submits nothing for it' {
            $null = (Get-Date), 'kept' | New-PDataDeletionJob @Common -ErrorVariable unread -ErrorAction SilentlyContinue
            @($unread).FullyQualifiedErrorId | Should -Be "UnrecognizedInputObject,$CommandId"
            $unread[0].Exception.Message | Should -Match 'Input #1 \(DateTime\)'
            (Get-CreateRequest).Count | Should -Be 1
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`nkept`n"
        }

        It 'ignores Region, ST and other AWS parameter columns on rows of user IDs: one job, sent where the command line says' {
            # CCPA exports carry a state column (ST is also -SessionToken's alias) and often a Region column.
            $csv = New-PdUserIdFile -Name 'ccpa.csv' -Line @('USER_ID,ST,Region,Credential', 'c-1,CA,eu-west-1,x', 'c-2,NY,us-west-2,y', 'c-3,CA,eu-west-1,z')
            $jobs = Import-Csv $csv | New-PDataDeletionJob @Common -WarningVariable warned -ErrorVariable failed
            @($jobs).Count | Should -Be 1
            $jobs.UserCount | Should -Be 3
            $warned.Count | Should -Be 0
            $failed.Count | Should -Be 0
            @(Get-PdFakeRequest -Service s3 | Where-Object operation -EQ 'PutObject').region | Should -Be 'us-east-1'
            @(Get-PdFakeRequest -Service s3 | Where-Object operation -EQ 'PutObject').sessionToken | Should -Be $false
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`nc-1`nc-2`nc-3`n"
        }

        It 'applies AWS parameters carried by a piped object that names data to that object, as by-property-name binding would' {
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'eu/list-1.csv' -Content "USER_ID`nx`n" -Region 'eu-west-1'
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'eu/list-2.csv' -Content "USER_ID`ny`n" -Region 'eu-west-1'
            $all = @(
                [pscustomobject]@{ DataLocation = 's3://customer-data/eu/list-1.csv'; Region = 'eu-west-1' }
                [pscustomobject]@{ DataLocation = 's3://customer-data/eu/list-2.csv'; Region = 'eu-west-1' }
            ) | New-PDataDeletionJob -DatasetGroupArn $PdEuGroup -RoleArn $PdRole -Force -WarningVariable warned -Verbose 4>&1
            $jobs = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $verbose = ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n"
            @(Get-PdFakeRequest -Service s3 | Where-Object operation -EQ 'HeadObject').region | Sort-Object -Unique | Should -Be 'eu-west-1'
            @($jobs).Count | Should -Be 2
            # -Verbose names where the region came from: the piped object, not the command line.
            $verbose | Should -Match 'Region: eu-west-1 \(Region property of the piped object\)'
            $verbose | Should -Not -Match '-Region parameter'
            # Each object's batch ends once, when the target changes: no empty batch in between ("nothing came in").
            $warned.Count | Should -Be 0
        }

        It 'stages rows with a DatasetGroupArn column as one batch per group, and creates the jobs only at the end' {
            $csv = New-PdUserIdFile -Name 'by-group.csv' -Line @('USER_ID,DatasetGroupArn', "r-1,$PdRetailGroup", "r-2,$PdRetailGroup", "m-1,$PdMediaGroup")
            $jobs = Import-Csv $csv | New-PDataDeletionJob -RoleArn $PdRole -StagingUri $PdStaging -Force
            @($jobs).Count | Should -Be 2
            ($jobs | Where-Object DatasetGroupArn -EQ $PdRetailGroup).UserCount | Should -Be 2
            ($jobs | Where-Object DatasetGroupArn -EQ $PdMediaGroup).UserCount | Should -Be 1
            # Both uploads were finished before the first job was created.
            $log = @(Get-PdFakeRequest)
            $firstCreate = [array]::IndexOf($log.operation, 'CreateDataDeletionJob')
            @($log[$firstCreate..($log.Count - 1)] | Where-Object operation -In 'PutObject', 'UploadPart', 'CompleteMultipartUpload').Count | Should -Be 0
        }

        It 'creates no job for earlier groups when a later row stops the command' {
            $rows = @(
                [pscustomobject]@{ USER_ID = 'r-1'; DatasetGroupArn = $PdRetailGroup }
                [pscustomobject]@{ USER_ID = 'm-1'; DatasetGroupArn = $PdMediaGroup }
                [pscustomobject]@{ USER_ID = 'x-1'; DatasetGroupArn = 'not-an-arn' }
            )
            $failure = { $rows | New-PDataDeletionJob -RoleArn $PdRole -StagingUri $PdStaging -Force -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidDatasetGroupArn,$CommandId"
            @(Get-CreateRequest).Count | Should -Be 0
            @(Get-StagedObject).Count | Should -Be 0
        }

        It 'takes whole numbers and GUIDs as user IDs, piped or by name, and reports fractions' {
            $guid = [guid]'0f8fad5b-d9cb-469f-a165-70867728950e'
            $job = 1001..1003 | New-PDataDeletionJob @Common
            $job.UserCount | Should -Be 3
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`n1001`n1002`n1003`n"
            Reset-PdFake
            $job = New-PDataDeletionJob @Common -UserId 42, ([long]9007199254740993), $guid, 1.5 -ErrorVariable unread -ErrorAction SilentlyContinue
            $job.UserCount | Should -Be 3
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`n42`n9007199254740993`n0f8fad5b-d9cb-469f-a165-70867728950e`n"
            @($unread).FullyQualifiedErrorId | Should -Be "UnrecognizedInputObject,$CommandId"
            "$($unread[0].TargetObject)" | Should -Be 'input #4'
        }

        It 'reads a USER_ID property by the same rule: numbers and GUIDs are IDs, other objects are reported, never their type name' {
            $rows = @(
                [pscustomobject]@{ USER_ID = 42 }
                [pscustomobject]@{ USER_ID = [guid]'0f8fad5b-d9cb-469f-a165-70867728950e' }
                [pscustomobject]@{ USER_ID = @{ nested = 'x' } }
                [pscustomobject]@{ USER_ID = 'text' }
            )
            $job = $rows | New-PDataDeletionJob @Common -ErrorVariable unread -ErrorAction SilentlyContinue
            $job.UserCount | Should -Be 3
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`n42`n0f8fad5b-d9cb-469f-a165-70867728950e`ntext`n"
            @($unread).FullyQualifiedErrorId | Should -Be "UnrecognizedInputObject,$CommandId"
            "$($unread[0].TargetObject)" | Should -Be 'input #3'
            $unread[0].Exception.Message | Should -Match 'Hashtable\) in a USER_ID property is not a user ID'
        }

        It 'reports a piped $null as InvalidUserId at its position, and counts positions past it' {
            $job = 'a', $null, 'b', '' | New-PDataDeletionJob @Common -ErrorVariable rejected -ErrorAction SilentlyContinue
            $job.UserCount | Should -Be 2
            $job.RejectedCount | Should -Be 2
            @($rejected).FullyQualifiedErrorId | Should -Be @("InvalidUserId,$CommandId", "InvalidUserId,$CommandId")
            @($rejected.TargetObject) | Should -Be @('input #2', 'input #4')
        }

        It 'takes -UserId by name, and an s3:// string given by name stays a user ID' {
            $job = New-PDataDeletionJob @Common -UserId 'a', 's3://looks/like-a-uri', 'c'
            $job.UserCount | Should -Be 3
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`na`ns3://looks/like-a-uri`nc`n"
        }

        It 'submits one staged file to three dataset groups: uploaded once, three jobs' {
            Add-PdFakeDatasetGroup -Name 'books'
            $books = 'arn:aws:personalize:us-east-1:123456789012:dataset-group/books'
            $jobs = 'u1', 'u2', 'u3' | New-PDataDeletionJob @Common -DatasetGroupArn $PdRetailGroup, $PdMediaGroup, $books
            @($jobs).Count | Should -Be 3
            ($jobs.DatasetGroupArn | Sort-Object) | Should -Be (@($PdRetailGroup, $PdMediaGroup, $books) | Sort-Object)
            @($jobs.DataLocation | Sort-Object -Unique).Count | Should -Be 1
            @(Get-StagedObject).Count | Should -Be 1
            @(Get-PdFakeRequest -Service s3 | Where-Object operation -In 'PutObject', 'UploadPart').Count | Should -Be 1
            @(Get-PdFakeRequest -Operation DescribeDatasetGroup).Count | Should -Be 3
            @(Get-CreateRequest).Count | Should -Be 3
        }

        It 'splits at -MaxUsersPerJob into several files and jobs, losing and repeating nothing' {
            $ids = 1..25 | ForEach-Object { "user-$_" }
            $jobs = $ids | New-PDataDeletionJob @Common -MaxUsersPerJob 10
            @($jobs).Count | Should -Be 3
            ($jobs.UserCount | Measure-Object -Sum).Sum | Should -Be 25
            $objects = Get-StagedObject | Sort-Object key
            $objects.Count | Should -Be 3
            $all = foreach ($object in $objects) {
                $lines = (Get-StagedText $object.key).TrimEnd("`n") -split "`n"
                $lines[0] | Should -BeExactly 'USER_ID'
                $lines | Select-Object -Skip 1
            }
            $all | Should -Be $ids
        }
    }

    Context 'local files and S3 locations' {
        It 'reads local CSV files by -Path, with wildcards, and from Get-ChildItem' {
            $a = New-PdUserIdFile -Name 'week-a.csv' -Line @('USER_ID', 'a1', '"a,2"')
            $null = New-PdUserIdFile -Name 'week-b.csv' -Line @('USER_ID', 'b1') -Bom
            $job = New-PDataDeletionJob @Common -Path (Join-Path $PdTemp 'week-*.csv')
            $job.UserCount | Should -Be 3
            Reset-PdFake
            $job = Get-ChildItem $PdTemp -Filter 'week-*.csv' | New-PDataDeletionJob @Common
            $job.UserCount | Should -Be 3
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`na1`n`"a,2`"`nb1`n"
        }

        It 'reads the USER_ID column of a multi-column export given to -Path, as Import-Csv would' {
            $file = New-PdUserIdFile -Name 'export-multi.csv' -Line @('EMAIL,USER_ID,NAME', 'a@example.com,u-1,Ann', '"b,c@example.com","u-2","Bo ""B"""', 'c@example.com,u-1,Cy')
            $job = New-PDataDeletionJob @Common -Path $file
            $job.UserCount | Should -Be 2
            $job.DuplicateCount | Should -Be 1
            $staged = Get-StagedText (Get-StagedObject)[0].key
            $staged | Should -BeExactly "USER_ID`nu-1`nu-2`n"
            Reset-PdFake
            $null = Import-Csv $file | New-PDataDeletionJob @Common
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly $staged
        }

        It 'submits the files given on the command line even when the pipeline is empty' {
            $file = New-PdUserIdFile -Name 'empty-pipe.csv' -Line @('USER_ID', 'e1', 'e2')
            $job = @() | New-PDataDeletionJob @Common -Path $file
            $job.UserCount | Should -Be 2
        }

        It 'takes -LiteralPath and piped Resolve-Path names literally: a name with brackets is that file' {
            $bracket = New-PdUserIdFile -Name 'req[1].csv' -Line @('USER_ID', 'bracketed')
            $null = New-PdUserIdFile -Name 'req1.csv' -Line @('USER_ID', 'plain')
            $job = New-PDataDeletionJob @Common -LiteralPath $bracket
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`nbracketed`n"
            Reset-PdFake
            $job = Resolve-Path -LiteralPath $bracket | New-PDataDeletionJob @Common
            $job.UserCount | Should -Be 1
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`nbracketed`n"
        }

        It 'stops with AmbiguousUserIdFilePath when a -Path pattern names a file but matches another' {
            $bracket = New-PdUserIdFile -Name 'amb[1].csv' -Line @('USER_ID', 'bracketed')
            $null = New-PdUserIdFile -Name 'amb1.csv' -Line @('USER_ID', 'plain')
            $failure = { New-PDataDeletionJob @Common -Path $bracket -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "AmbiguousUserIdFilePath,$CommandId"
            $failure.Exception.Message | Should -Match '-LiteralPath'
            @(Get-PdFakeRequest -Service s3).Count | Should -Be 0
            @(Get-CreateRequest).Count | Should -Be 0
        }

        It 'a folder given as a file is UserIdFileNotFound, saying it is a folder' {
            $folder = Join-Path $PdTemp 'requests-folder'
            $null = New-Item -ItemType Directory -Path $folder -Force
            foreach ($case in @({ New-PDataDeletionJob @Common -Path $folder -ErrorAction Stop }, { New-PDataDeletionJob @Common -LiteralPath $folder -ErrorAction Stop })) {
                $failure = $case | Should -Throw -PassThru
                $failure.FullyQualifiedErrorId | Should -Be "UserIdFileNotFound,$CommandId"
                $failure.Exception.Message | Should -Match 'is a folder'
            }
            @(Get-PdFakeRequest -Service s3).Count | Should -Be 0
        }

        It 'stages a large file byte for byte, in 5 MiB parts of one multipart upload' {
            $pad = 'x' * 240
            $path = New-LargeUserIdFile 'multipart-file.csv' { param($writer) for ($i = 0; $i -lt 32000; $i++) { $writer.Write("user-$i-$pad`n") } }
            $job = New-PDataDeletionJob @Common -Path $path

            # 8 MB: one full 5 MiB part and the 2.8 MB rest.
            $job.UserCount | Should -Be 32000
            $staged = Get-StagedObject
            @($staged).Count | Should -Be 1
            [Convert]::ToBase64String((Get-StagedBytes $staged[0].key)) | Should -BeExactly ([Convert]::ToBase64String([IO.File]::ReadAllBytes($path)))
            @(Get-PdFakeRequest -Service s3 -Operation UploadPart).Count | Should -Be 2
            @(Get-PdFakeRequest -Service s3 -Operation CompleteMultipartUpload).Count | Should -Be 1
            @(Get-PdFakeMultipartUpload).Count | Should -Be 0
        }

        It 'stages a file that is mostly blank lines by its IDs, each once, in one object' {
            # 700 IDs around 7 MB of blank lines: the file's size is no measure of what it holds.
            $path = New-LargeUserIdFile 'sparse.csv' {
                param($writer)
                for ($i = 0; $i -lt 600; $i++) { $writer.Write("short-$i`n") }
                $writer.Write([string]::new("`n", 7MB))
                for ($i = 600; $i -lt 700; $i++) { $writer.Write("short-$i`n") }
            }
            $job = New-PDataDeletionJob @Common -Path $path

            $job.UserCount | Should -Be 700
            $staged = Get-StagedObject
            @($staged).Count | Should -Be 1
            Get-StagedText $staged[0].key | Should -BeExactly ('USER_ID' + -join (0..699 | ForEach-Object { "`nshort-$_" }) + "`n")
            @(Get-PdFakeRequest -Service s3 -Operation UploadPart).Count | Should -Be 0
            @(Get-PdFakeRequest -Service s3 -Operation PutObject).Count | Should -Be 1
            @(Get-PdFakeMultipartUpload).Count | Should -Be 0
        }

        It 'judges an Export-Csv file by its rows, not its bytes: 6.2 MB of quoted CR LF lines fit one PutObject' {
            # The lines are 13 bytes, the rows they become 10.
            $path = New-LargeUserIdFile 'exported.csv' -Header "`"USER_ID`"`r`n" { param($writer) for ($i = 0; $i -lt 480000; $i++) { $writer.Write('"q-{0:D7}"' -f $i); $writer.Write("`r`n") } }
            # Longer than a 5 MiB part, which its rows are not.
            (Get-Item $path).Length | Should -BeGreaterThan 5MB
            $job = New-PDataDeletionJob @Common -Path $path

            $job.UserCount | Should -Be 480000
            @(Get-PdFakeRequest -Service s3 -Operation UploadPart).Count | Should -Be 0
            @(Get-PdFakeRequest -Service s3 -Operation PutObject).Count | Should -Be 1
            (Get-StagedObject)[0].size | Should -Be (8 + 480000 * 10)
        }

        It 'accounts for every line of a file read in many batches: rejects by line in order, duplicates once, text exact' {
            # 2,000 rows: the file is taken 512 IDs at a time, so problems, repeats and non-ASCII IDs sit on both
            # sides of batch edges, and a file ID repeats one piped before it.
            $lines = [Collections.Generic.List[string]]::new()
            $lines.Add('USER_ID')
            $expected = [Collections.Generic.List[string]]::new()
            $expected.Add('piped-1')
            for ($i = 1; $i -le 2000; $i++) {
                $line = switch ($i) {
                    { $_ -in 512, 513, 1500 } { '"  "' ; break }
                    700 { 'u699'; break }
                    1025 { 'u1023'; break }
                    1024 { 'piped-1'; break }
                    { $_ % 97 -eq 0 } { "`u{e9}l`u{e8}ve-$i"; break }
                    { $_ % 101 -eq 0 } { "`"a,`"`"$i`"`"`""; break }
                    default { "u$i" }
                }
                $lines.Add($line)
                if ($i -notin 512, 513, 1500, 700, 1025, 1024) {
                    $expected.Add($(if ($i % 97 -eq 0) { "`u{e9}l`u{e8}ve-$i" } elseif ($i % 101 -eq 0) { "a,`"$i`"" } else { "u$i" }))
                }
            }
            $file = New-PdUserIdFile -Name 'batches.csv' -Line $lines
            $script:verbose = @()
            $job = 'piped-1' | New-PDataDeletionJob @Common -Path $file -ErrorVariable rejected -ErrorAction SilentlyContinue -Verbose 4>&1 |
                ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $script:verbose += , $_.Message } else { $_ } }
            $job.UserCount | Should -Be $expected.Count
            $rejected.FullyQualifiedErrorId | Should -Be (@("InvalidUserId,$CommandId") * 3)
            $rejected.TargetObject | Should -Be @("$($file):513", "$($file):514", "$($file):1501")
            $script:verbose | Should -Contain "2001 user ID(s) received: $($expected.Count) to submit, 3 duplicate(s) submitted once, 3 rejected."
            $staged = (Get-StagedText (Get-StagedObject)[0].key).TrimEnd("`n") -split "`n" | Select-Object -Skip 1
            $parsed = "USER_ID`n$($staged -join "`n")" | ConvertFrom-Csv
            $parsed.USER_ID | Should -BeExactly $expected
        }

        It 'reports the rejected lines before a line that breaks the file, then stops with nothing staged' {
            $file = New-PdUserIdFile -Name 'broken.csv' -Line @('USER_ID', 'ok-1', '"  "', 'ok-2', '"unclosed')
            $rejected = $null
            $stop = $null
            try { New-PDataDeletionJob @Common -Path $file -ErrorVariable rejected -ErrorAction SilentlyContinue } catch { $stop = $_ }
            # -ErrorVariable also keeps the terminating error's exception; the records are what the user saw.
            $errors = @(@($rejected | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) + $stop)
            $errors.FullyQualifiedErrorId | Should -Be @("InvalidUserId,$CommandId", "InvalidUserIdFile,$CommandId")
            $errors[0].TargetObject | Should -Be "$($file):3"
            $errors[1].Exception.Message | Should -Match 'Line 5 '
            @(Get-CreateRequest).Count | Should -Be 0
            @(Get-StagedObject).Count | Should -Be 0
        }

        It 'takes a piped s3:// string as a data location: its own job, no staging, no copy' {
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'gdpr/batch-7.csv' -Content "USER_ID`nx`ny`n"
            $job = 's3://customer-data/gdpr/batch-7.csv' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force
            $job.DataLocation | Should -Be 's3://customer-data/gdpr/batch-7.csv'
            $job.StagedObject | Should -BeNullOrEmpty
            (Get-CreateRequest)[0].Json.dataSource.dataLocation | Should -Be 's3://customer-data/gdpr/batch-7.csv'
            @(Get-PdFakeRequest -Service s3 | Where-Object operation -In 'PutObject', 'CreateMultipartUpload').Count | Should -Be 0
        }

        It 'takes -DataLocation folders and Get-S3Object-like objects, one job each' {
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'gdpr/2026-11/a.csv' -Content "USER_ID`nx`n"
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'gdpr/2026-11/b.csv' -Content "USER_ID`ny`n"
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'single.csv' -Content "USER_ID`nz`n"
            $jobs = @(
                [pscustomobject]@{ DataLocation = 's3://customer-data/gdpr/2026-11/' }
                [pscustomobject]@{ BucketName = 'customer-data'; Key = 'single.csv'; Size = 9 }
            ) | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force
            @($jobs).Count | Should -Be 2
            ($jobs.DataLocation | Sort-Object) | Should -Be @('s3://customer-data/gdpr/2026-11/', 's3://customer-data/single.csv')
        }

        It 'mixes IDs, files and locations in one call' {
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'm.csv' -Content "USER_ID`nm`n"
            $file = New-PdUserIdFile -Name 'mix.csv' -Line @('USER_ID', 'f1')
            $jobs = @('id1', 's3://customer-data/m.csv', 'id2') | New-PDataDeletionJob @Common -Path $file
            @($jobs).Count | Should -Be 2
            ($jobs | Where-Object StagedObject).UserCount | Should -Be 3
            $lines = (Get-StagedText (Get-StagedObject)[0].key).TrimEnd("`n") -split "`n"
            $lines[0] | Should -BeExactly 'USER_ID'
            ($lines | Select-Object -Skip 1 | Sort-Object) | Should -Be @('f1', 'id1', 'id2')
        }
    }

    Context 'input that is evidently not user IDs' {
        It 'stops at the header of a CSV file''s piped text with CsvTextPipedAsUserIds: no S3 call, no Personalize call' {
            $file = New-PdUserIdFile -Name 'requests-text.csv' -Line @('USER_ID,EMAIL', 'u-1,a@example.com', 'u-2,b@example.com')
            $failure = { Get-Content $file | New-PDataDeletionJob @Common -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "CsvTextPipedAsUserIds,$CommandId"
            $failure.CategoryInfo.Category | Should -Be 'InvalidData'
            $failure.TargetObject | Should -Be 'input #1'
            $failure.Exception.Message | Should -Match 'Import-Csv'
            $failure.Exception.Message | Should -Match '-Path'
            $failure.Exception.Message | Should -Not -Match 'a@example'
            @(Get-PdFakeRequest -Service s3).Count | Should -Be 0
            @(Get-PdFakeRequest -Service personalize).Count | Should -Be 0
        }

        It 'stops at a header that comes after other IDs, and takes back the upload already under way' {
            # A first file's lines (6 MB: one 5 MiB part goes out), then a second file's header: the same mistake.
            $pad = 'h' * 200
            $lines = [Collections.Generic.List[string]]::new()
            for ($i = 0; $i -lt 30000; $i++) { $lines.Add("$pad-$i") }
            $lines.Add('"user_id"')
            $lines.Add('second-file-id')
            $failure = { $lines | New-PDataDeletionJob @Common -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "CsvTextPipedAsUserIds,$CommandId"
            $failure.TargetObject | Should -Be 'input #30001'
            $failure.Exception.Message | Should -Match 'what was staged of the input before it is removed'
            @(Get-PdFakeRequest -Service s3 -Operation CreateMultipartUpload).Count | Should -Be 1
            @(Get-PdFakeRequest -Service s3 -Operation AbortMultipartUpload).Count | Should -Be 1
            @(Get-PdFakeMultipartUpload).Count | Should -Be 0
            @(Get-StagedObject).Count | Should -Be 0
            @(Get-CreateRequest).Count | Should -Be 0
        }

        It 'stages user IDs that merely contain a comma or USER_ID' {
            $job = 'Smith, John', 'user_id_42', 'u-1,a@example.com' | New-PDataDeletionJob @Common
            $job.UserCount | Should -Be 3
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`n`"Smith, John`"`nuser_id_42`n`"u-1,a@example.com`"`n"
        }

        It 'stops at a piped file name with FilePathPipedAsUserId, resolved from the current location; by name it is an ID' {
            $null = New-PdUserIdFile -Name 'piped-name.csv' -Line @('USER_ID', 'p-1')
            Push-Location $PdTemp
            try {
                $failure = { 'u-0', './piped-name.csv' | New-PDataDeletionJob @Common -ErrorAction Stop } | Should -Throw -PassThru
            }
            finally { Pop-Location }
            $failure.FullyQualifiedErrorId | Should -Be "FilePathPipedAsUserId,$CommandId"
            $failure.TargetObject | Should -Be './piped-name.csv'
            $failure.Exception.Message | Should -Match ([regex]::Escape((Join-Path $PdTemp 'piped-name.csv')))
            $failure.Exception.Message | Should -Match "-Path '\./piped-name\.csv'"
            @(Get-StagedObject).Count | Should -Be 0
            @(Get-PdFakeMultipartUpload).Count | Should -Be 0
            @(Get-CreateRequest).Count | Should -Be 0

            Push-Location $PdTemp
            try { $job = New-PDataDeletionJob @Common -UserId './piped-name.csv' }
            finally { Pop-Location }
            $job.UserCount | Should -Be 1
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`n./piped-name.csv`n"
        }

        It 'stops at a piped folder name, saying to give its files' {
            $folder = Join-Path $PdTemp 'piped-folder'
            $null = New-Item -ItemType Directory -Path $folder -Force
            $failure = { $folder | New-PDataDeletionJob @Common -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "FilePathPipedAsUserId,$CommandId"
            $failure.Exception.Message | Should -Match 'names the folder'
            @(Get-PdFakeRequest -Service s3).Count | Should -Be 0
        }

        It 'gives one UserIdColumnMissing for Import-Csv rows without USER_ID, naming the columns; renamed, they go through' {
            $csv = New-PdUserIdFile -Name 'customers.csv' -Line @('CustomerId,Email', 'c-1,a@example.com', 'c-2,b@example.com', 'c-3,c@example.com')
            $errors = $null
            $failure = $null
            try { Import-Csv $csv | New-PDataDeletionJob @Common -ErrorVariable errors -ErrorAction Stop } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -Be "UserIdColumnMissing,$CommandId"
            # One error for three rows (-ErrorVariable holds a terminating error's exception).
            @($errors).Count | Should -Be 1
            $failure.Exception.Message | Should -Match 'its columns: CustomerId, Email'
            $failure.Exception.Message | Should -Not -Match 'example\.com'
            @(Get-PdFakeRequest -Service s3).Count | Should -Be 0
            @(Get-CreateRequest).Count | Should -Be 0

            $job = Import-Csv $csv | Select-Object @{ Name = 'USER_ID'; Expression = { $_.CustomerId } } | New-PDataDeletionJob @Common
            $job.UserCount | Should -Be 3
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`nc-1`nc-2`nc-3`n"
        }

        It 'takes a customer export''s FullName column for a name, not a file: UserIdColumnMissing, and the name is not repeated' {
            $csv = New-PdUserIdFile -Name 'people.csv' -Line @('FullName,Email', 'Jane Q. Doe,jane@example.com')
            $failure = $null
            try { Import-Csv $csv | New-PDataDeletionJob @Common -ErrorAction Stop } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -Be "UserIdColumnMissing,$CommandId"
            $failure.Exception.Message | Should -Match 'its columns: FullName, Email'
            ($failure | Out-String) + "$($failure.TargetObject)" | Should -Not -Match 'Jane|Doe|example\.com'
            @(Get-PdFakeRequest -Service s3).Count | Should -Be 0
        }

        It 'reads a -Path file whose header is user_id, as Import-Csv binds it, and stages the header USER_ID' {
            $file = New-PdUserIdFile -Name 'lower-header.csv' -Line @('email,user_id', 'a@example.com,l-1', 'b@example.com,l-2')
            $job = New-PDataDeletionJob @Common -Path $file
            $job.UserCount | Should -Be 2
            Get-StagedText (Get-StagedObject)[0].key | Should -BeExactly "USER_ID`nl-1`nl-2`n"
        }

        It 'refuses a data location whose header a job would refuse, reading only its first bytes' {
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'exported.csv' -Content ("`"USER_ID`"`n" + ("`"q-{0}`"`n" * 2000))
            $failure = { New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force -DataLocation 's3://customer-data/exported.csv' -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "DataLocationHeaderInvalid,$CommandId"
            $failure.CategoryInfo.Category | Should -Be 'InvalidData'
            $failure.TargetObject | Should -Be 's3://customer-data/exported.csv'
            $failure.Exception.Message | Should -Match 'Export-Csv'
            $get = @(Get-PdFakeRequest -Service s3 -Operation GetObject)
            $get.Count | Should -Be 1
            $get[0].headers.range | Should -Be 'bytes=0-1023'
            @(Get-CreateRequest).Count | Should -Be 0
        }

        It 'reads every CSV of a data location folder and names the one a job would refuse' {
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'gdpr/a.csv' -Content "USER_ID`nx`n"
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'gdpr/b.csv' -Content "USER_ID,EMAIL`ny,y@example.com`n"
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'gdpr/notes.txt' -Content 'not read'
            $failure = { 's3://customer-data/gdpr/' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "DataLocationHeaderInvalid,$CommandId"
            $failure.Exception.Message | Should -Match 's3://customer-data/gdpr/b\.csv \(under s3://customer-data/gdpr/\): its header has 2 columns'
            @(Get-PdFakeRequest -Service s3 -Operation GetObject).path | Sort-Object | Should -Be @('/customer-data/gdpr/a.csv', '/customer-data/gdpr/b.csv')
            @(Get-CreateRequest).Count | Should -Be 0
        }
    }

    Context 'staging: the folder, a refused upload, the progress bar' {
        BeforeAll {
            if (-not ('PdRecordingHost' -as [type])) {
                # A host that records progress records and prompts in the order they come, and answers Yes.
                Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

public sealed class PdRecordingHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly PdRecordingUI _ui = new PdRecordingUI();
    public List<string> Events { get { return _ui.Events; } }
    public override CultureInfo CurrentCulture { get { return CultureInfo.InvariantCulture; } }
    public override CultureInfo CurrentUICulture { get { return CultureInfo.InvariantCulture; } }
    public override Guid InstanceId { get { return _id; } }
    public override string Name { get { return "PdRecordingHost"; } }
    public override PSHostUserInterface UI { get { return _ui; } }
    public override Version Version { get { return new Version(1, 0); } }
    public override void EnterNestedPrompt() { throw new NotSupportedException(); }
    public override void ExitNestedPrompt() { throw new NotSupportedException(); }
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }
}

public sealed class PdRecordingUI : PSHostUserInterface
{
    public readonly List<string> Events = new List<string>();
    public override PSHostRawUserInterface RawUI { get { return null; } }
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) { throw new NotSupportedException(); }
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) { lock (Events) { Events.Add("PROMPT " + message); } return 0; }
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) { throw new NotSupportedException(); }
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) { throw new NotSupportedException(); }
    public override string ReadLine() { throw new NotSupportedException(); }
    public override SecureString ReadLineAsSecureString() { throw new NotSupportedException(); }
    public override void Write(string value) { }
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
    public override void WriteDebugLine(string message) { }
    public override void WriteErrorLine(string value) { }
    public override void WriteLine(string value) { }
    public override void WriteProgress(long sourceId, ProgressRecord record) { lock (Events) { Events.Add("PROGRESS " + record.ActivityId + " " + record.RecordType + " " + record.StatusDescription); } }
    public override void WriteVerboseLine(string message) { }
    public override void WriteWarningLine(string message) { }
}
'@
            }

            function Invoke-NewInRecordingHost([string] $Script) {
                # Runs <New> in a runspace whose host records progress and prompts; returns the events in order.
                $recording = [PdRecordingHost]::new()
                $runspace = [runspacefactory]::CreateRunspace($recording)
                $runspace.Open()
                $ps = [powershell]::Create()
                try {
                    $ps.Runspace = $runspace
                    $new = "New-PDataDeletionJob -DatasetGroupArn '$PdRetailGroup' -RoleArn '$PdRole' -StagingUri '$PdStaging'"
                    $null = $ps.AddScript("Import-Module '$(Join-Path $PdModulePath 'PersonalizeDeletion.psd1')'; " + $Script.Replace('<New>', $new)).Invoke()
                    $ps.Streams.Error | ForEach-Object { throw $_ }
                    , $recording.Events.ToArray()
                }
                finally {
                    $ps.Dispose()
                    $runspace.Dispose()
                }
            }
        }

        It 'refuses a -StagingUri that names an object with InvalidStagingUri; without the slash a folder is fine' {
            $failure = { 'a' | New-PDataDeletionJob @Common -StagingUri 's3://deletion-staging/requests/today.csv' -ErrorAction Stop } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -Be "InvalidStagingUri,$CommandId"
            $failure.Exception.Message | Should -Match "-StagingUri 's3://deletion-staging/requests/'"
            @(Get-PdFakeRequest).Count | Should -Be 0

            $job = 'a' | New-PDataDeletionJob @Common -StagingUri 's3://deletion-staging/requests'
            $job.StagedObject | Should -Match '^s3://deletion-staging/requests/pdel-'
        }

        It 'with an -ExpectedBucketOwner that does not own the bucket: StagingUploadFailed, and no word about objects never written' {
            Add-PdFakeBucket -Name 'partner-staging' -Owner '210987654321'
            $failure = $null
            try { 'a' | New-PDataDeletionJob @Common -StagingUri 's3://partner-staging/in/' -ExpectedBucketOwner '111111111111' -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop }
            catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -Be "StagingUploadFailed,$CommandId"
            $warned.Count | Should -Be 0
            @(Get-PdFakeS3Object -Bucket 'partner-staging').Count | Should -Be 0
            @(Get-PdFakeRequest -Service s3 -Operation DeleteObject).Count | Should -Be 0
        }

        It 'completes the staging bar before it asks, and never reads 0 bytes uploaded' {
            $events = Invoke-NewInRecordingHost "'a', 'b' | <New>"
            $prompt = [array]::FindIndex($events, [Predicate[string]] { param($e) $e.StartsWith('PROMPT ') })
            $prompt | Should -BeGreaterThan 0 -Because 'the job is confirmed through the host'
            $staging = @($events[0..($prompt - 1)] | Where-Object { $_ -like 'PROGRESS 2 *' })
            $staging[-1] | Should -BeLike 'PROGRESS 2 Completed *'
            @($events | Where-Object { $_ -match ' 0 bytes uploaded' }).Count | Should -Be 0
            @(Get-CreateRequest).Count | Should -Be 1
        }

        It 'completes the staging bar before -WhatIf says what it would do' {
            $events = Invoke-NewInRecordingHost "'a', 'b' | <New> -WhatIf"
            @($events | Where-Object { $_ -like 'PROGRESS 2 Completed *' }).Count | Should -Be 1
            @(Get-PdFakeRequest -Service s3).Count | Should -Be 0
        }
    }

    Context '-WhatIf and confirmation' {
        It '-WhatIf uploads and creates nothing, and says how many users would go from which group' {
            $null = 'a', 'b', 'a', '' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -WhatIf -InformationVariable info -ErrorAction SilentlyContinue
            # The What-if text goes to the host (the next test reads it); the information stream carries nothing,
            # so no user ID either.
            @($info).Count | Should -Be 0
            @(Get-PdFakeRequest -Service s3).Count | Should -Be 0
            @(Get-CreateRequest).Count | Should -Be 0
            @(Get-StagedObject).Count | Should -Be 0
        }

        It '-WhatIf text names the dataset group and the number of users, and how many jobs -MaxUsersPerJob makes' {
            # Both commands in one child process: a child costs seconds.
            $output = Invoke-NewInChild "'a','b','c','b' | <New> -WhatIf; 'NEXT'; 1..7 | <New> -MaxUsersPerJob 3 -WhatIf"
            $plain, $split = $output -split 'NEXT'
            $plain | Should -Match 'What if: .*Delete 3 user\(s\).*1 duplicate'
            $plain | Should -Match 'dataset group retail'
            $plain | Should -Not -Match 'jobs of at most'
            $split | Should -Match 'Delete 7 user\(s\) staged under s3://\S+ in 3 jobs of at most 3 users'
            @(Get-CreateRequest).Count | Should -Be 0
            @(Get-PdFakeRequest -Service s3).Count | Should -Be 0
        }

        It 'in a host that cannot ask, and without -Force, stops with ConfirmationNotPossible and leaves nothing' {
            $output = Invoke-NewInChild "try { 'a' | <New> -ErrorAction Stop } catch { 'ID=' + `$_.FullyQualifiedErrorId; 'MSG=' + `$_.Exception.Message }"
            $output | Should -Match 'ID=ConfirmationNotPossible,PersonalizeDeletion.Cmdlets.NewPDataDeletionJobCommand'
            $output | Should -Match 'MSG=.*add -Force'
            @(Get-CreateRequest).Count | Should -Be 0
            @(Get-StagedObject).Count | Should -Be 0
        }

        It 'declares ConfirmImpact High so it asks before deleting unless -Force' {
            $metadata = [System.Management.Automation.CommandMetadata]::new((Get-Command New-PDataDeletionJob))
            $metadata.ConfirmImpact | Should -Be 'High'
            $metadata.SupportsShouldProcess | Should -BeTrue
        }

        It 'proceeds without -Force when the caller says -Confirm:$false, like Remove-Item' {
            $null = 'a' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -StagingUri $PdStaging -Confirm:$false
            @(Get-CreateRequest).Count | Should -Be 1
        }
    }

    Context 'exactly once' {
        It 're-running the same command returns the existing job with a warning' {
            $first = 'p1', 'p2' | New-PDataDeletionJob @Common
            $second = 'p1', 'p2' | New-PDataDeletionJob @Common -WarningVariable warned -WarningAction SilentlyContinue
            $second.JobArn | Should -Be $first.JobArn
            $warned.Count | Should -Be 1
            "$warned" | Should -Match 'already submitted'
            @(Get-PdFakeJob).Count | Should -Be 1
            # The second staging is not read by any job: it is removed again.
            @(Get-StagedObject).Count | Should -Be 1
        }

        It 'a connection dropped after Create did its work leaves exactly one job' {
            Add-PdFakeFault -Operation CreateDataDeletionJob -Kind drop-after -Count 1
            $job = 'd1' | New-PDataDeletionJob @Common -WarningAction SilentlyContinue
            $job.JobArn | Should -Not -BeNullOrEmpty
            @(Get-PdFakeJob).Count | Should -Be 1
            @(Get-CreateRequest).Count | Should -BeGreaterThan 1
        }

        It 'a re-run whose earlier job FAILED submits the users again as -2, then -3, with a warning' {
            Set-PdFakeConfig -Settings @{ failJobNamePattern = '^pdel-retail-[0-9a-f]{20}(-2)?$'; failureReason = 'Access denied reading the CSV'; pendingMs = 1; inProgressMs = 1 }
            $first = 'f1', 'f2' | New-PDataDeletionJob @Common | Wait-PDataDeletionJob -PollInterval 1 -ErrorAction SilentlyContinue
            $first.Status | Should -Be 'FAILED'
            $second = 'f1', 'f2' | New-PDataDeletionJob @Common -WarningVariable warned -WarningAction SilentlyContinue
            $second.JobName | Should -Be "$($first.JobName)-2"
            "$warned" | Should -Match 'FAILED \(Access denied reading the CSV\)'
            $null = $second | Wait-PDataDeletionJob -PollInterval 1 -ErrorAction SilentlyContinue
            $third = 'f1', 'f2' | New-PDataDeletionJob @Common -WarningVariable warned -WarningAction SilentlyContinue
            $third.JobName | Should -Be "$($first.JobName)-3"
            $third.UserCount | Should -Be 2
            "$warned" | Should -Match "$($first.JobName) for these same users FAILED"
            "$warned" | Should -Match "$($first.JobName)-2 for these same users FAILED"
            @(Get-PdFakeJob).Count | Should -Be 3
            # Each attempt reads its own staging, which is kept: none is removed as unused.
            @(Get-StagedObject).Count | Should -Be 3
            $fourth = 'f1', 'f2' | New-PDataDeletionJob @Common -WarningVariable warned -WarningAction SilentlyContinue
            $fourth.JobArn | Should -Be $third.JobArn
            "$warned" | Should -Match 'already submitted'
        }

        It 'a -JobName whose job FAILED is JobNameInUse, saying it failed' {
            Set-PdFakeConfig -Settings @{ failJobNamePattern = '^ticket-44$'; pendingMs = 1; inProgressMs = 1 }
            $null = 'g1' | New-PDataDeletionJob @Common -JobName 'ticket-44' | Wait-PDataDeletionJob -PollInterval 1 -ErrorAction SilentlyContinue
            $null = 'g1' | New-PDataDeletionJob @Common -JobName 'ticket-44' -ErrorVariable clash -ErrorAction SilentlyContinue
            $clash[0].FullyQualifiedErrorId | Should -Be "JobNameInUse,$CommandId"
            $clash[0].Exception.Message | Should -Match 'FAILED'
            @(Get-PdFakeJob).Count | Should -Be 1
        }

        It 'a data location overwritten with new users gets a new job; unchanged, it is the same job' {
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'daily/to-delete.csv' -Content "USER_ID`nmonday`n"
            $monday = New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force -DataLocation 's3://customer-data/daily/to-delete.csv'
            $again = New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force -DataLocation 's3://customer-data/daily/to-delete.csv' -WarningVariable warned -WarningAction SilentlyContinue
            $again.JobArn | Should -Be $monday.JobArn
            "$warned" | Should -Match 'already submitted'
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'daily/to-delete.csv' -Content "USER_ID`ntuesday`n"
            $tuesday = New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force -DataLocation 's3://customer-data/daily/to-delete.csv' -WarningVariable warned
            $tuesday.JobArn | Should -Not -Be $monday.JobArn
            $warned.Count | Should -Be 0
            # A folder is known by every CSV under it: one more file is new users.
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'weekly/a.csv' -Content "USER_ID`na`n"
            $week = New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force -DataLocation 's3://customer-data/weekly/'
            Set-PdFakeS3Object -Bucket 'customer-data' -Key 'weekly/b.csv' -Content "USER_ID`nb`n"
            $more = New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force -DataLocation 's3://customer-data/weekly/'
            $more.JobArn | Should -Not -Be $week.JobArn
            @(Get-PdFakeJob).Count | Should -Be 4
        }

        It 'a -JobName taken by a different request is JobNameInUse' {
            $null = 'first' | New-PDataDeletionJob @Common -JobName 'gdpr-ticket-42'
            $null = 'other' | New-PDataDeletionJob @Common -JobName 'gdpr-ticket-42' -ErrorVariable clash -ErrorAction SilentlyContinue
            $clash[0].FullyQualifiedErrorId | Should -Be "JobNameInUse,$CommandId"
            @(Get-PdFakeJob).Count | Should -Be 1
        }

        It 'the same -JobName with the same data is recognised as a re-run' {
            $first = 'same' | New-PDataDeletionJob @Common -JobName 'gdpr-ticket-43'
            $again = 'same' | New-PDataDeletionJob @Common -JobName 'gdpr-ticket-43' -WarningAction SilentlyContinue
            $again.JobArn | Should -Be $first.JobArn
        }
    }

    Context 'limits and failures' {
        It 'waits out the PENDING quota (LimitExceeded) and goes on' {
            # A real job that stays PENDING for two seconds fills a quota of one (the service's is five): the back-off
            # itself, on a clock, is the engine's to test (DeletionRequestTests).
            Set-PdFakeConfig -Settings @{ pendingLimit = 1; pendingMs = 2000; inProgressMs = 500 }
            $null = 'queued' | New-PDataDeletionJob @Common
            $job = 'late' | New-PDataDeletionJob @Common
            $job.Status | Should -Be 'PENDING'
            $creates = Get-CreateRequest
            @($creates | Where-Object errorCode -EQ 'LimitExceededException').Count | Should -BeGreaterThan 0
            $creates[-1].status | Should -Be 200
        }

        It 'splits input above the 50 MB per job cap into several files and jobs' {
            $path = New-LargeUserIdFile 'huge.csv' { param($writer) $pad = 'p' * 190; for ($i = 0; $i -lt 265000; $i++) { $writer.Write("$pad-$i`n") } }
            $jobs = New-PDataDeletionJob @Common -Path $path
            @($jobs).Count | Should -Be 2
            ($jobs.UserCount | Measure-Object -Sum).Sum | Should -Be 265000
            Get-StagedObject | ForEach-Object { $_.size | Should -BeLessOrEqual 50000000 }
        }

        It 'an S3 failure in the middle of the upload leaves no job and no open multipart upload' {
            $path = New-LargeUserIdFile 'multipart.csv' { param($writer) for ($i = 0; $i -lt 120000; $i++) { $writer.Write("user-with-a-fairly-long-identifier-$i-$('q' * 100)`n") } }
            Add-PdFakeFault -Operation 's3:UploadPart' -Kind error500 -Count -1
            { New-PDataDeletionJob @Common -Path $path -ErrorAction Stop } | Should -Throw -ErrorId "StagingUploadFailed,$CommandId"
            @(Get-CreateRequest).Count | Should -Be 0
            @(Get-PdFakeMultipartUpload).Count | Should -Be 0
            @(Get-StagedObject).Count | Should -Be 0
        }

        It 'stopping the pipeline during the upload aborts it and creates nothing' {
            $path = New-LargeUserIdFile 'stop.csv' { param($writer) for ($i = 0; $i -lt 120000; $i++) { $writer.Write("stop-me-$i-$('s' * 100)`n") } }
            Add-PdFakeFault -Operation 's3:UploadPart' -Kind delay -DelayMs 120000 -Count -1

            $ps = [powershell]::Create()
            $null = $ps.AddScript({
                    param($ModulePath, $Arguments)
                    Import-Module $ModulePath
                    New-PDataDeletionJob @Arguments
                }).AddArgument((Join-Path $PdModulePath 'PersonalizeDeletion.psd1')).AddArgument(@{ DatasetGroupArn = $PdRetailGroup; RoleArn = $PdRole; StagingUri = $PdStaging; Force = $true; Path = $path })
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not @(Get-PdFakeRequest -Service s3 -Operation UploadPart).Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            @(Get-PdFakeRequest -Service s3 -Operation UploadPart).Count | Should -BeGreaterThan 0
            # Each part upload hangs for two minutes; the stop must cancel it rather than wait.
            $ps.BeginStop($null, $null).AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(30)) | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Dispose()
            @(Get-CreateRequest).Count | Should -Be 0
            @(Get-PdFakeMultipartUpload).Count | Should -Be 0
        }
    }

    Context 'bad input creates nothing' {
        It '<Case> is <ErrorId>' -TestCases @(
            @{ Case = 'IDs without -StagingUri'; ErrorId = 'StagingUriRequired'; Run = { 'a' | New-PDataDeletionJob -DatasetGroupArn $PdRetailGroup -RoleArn $PdRole -Force -ErrorAction Stop } }
            @{ Case = 'a malformed -StagingUri'; ErrorId = 'InvalidS3Uri'; Run = { 'a' | New-PDataDeletionJob @Common -StagingUri 'https://bucket/prefix/' -ErrorAction Stop } }
            @{ Case = 'a malformed data location'; ErrorId = 'InvalidS3Uri'; Run = { New-PDataDeletionJob @Common -DataLocation 's3://UPPER/x.csv' -ErrorAction Stop } }
            @{ Case = 'a malformed dataset group ARN'; ErrorId = 'InvalidDatasetGroupArn'; Run = { 'a' | New-PDataDeletionJob @Common -DatasetGroupArn 'retail' -ErrorAction Stop } }
            @{ Case = 'a malformed role ARN'; ErrorId = 'InvalidRoleArn'; Run = { 'a' | New-PDataDeletionJob @Common -RoleArn 'arn:aws:iam::123:user/x' -ErrorAction Stop } }
            @{ Case = 'a missing file'; ErrorId = 'UserIdFileNotFound'; Run = { New-PDataDeletionJob @Common -Path (Join-Path $PdTemp 'nope.csv') -ErrorAction Stop } }
            @{ Case = 'a file with another header'; ErrorId = 'InvalidUserIdFileHeader'; Run = { New-PDataDeletionJob @Common -Path (New-PdUserIdFile -Name 'bad.csv' -Line @('ID', 'a')) -ErrorAction Stop } }
            @{ Case = 'a tag with the aws: prefix'; ErrorId = 'InvalidTag'; Run = { 'a' | New-PDataDeletionJob @Common -Tag @{ 'aws:owner' = 'x' } -ErrorAction Stop } }
            @{ Case = 'a tag value over 256 characters'; ErrorId = 'InvalidTag'; Run = { 'a' | New-PDataDeletionJob @Common -Tag @{ owner = 'v' * 257 } -ErrorAction Stop } }
            @{ Case = 'an invalid -JobName'; ErrorId = 'InvalidJobName'; Run = { 'a' | New-PDataDeletionJob @Common -JobName '-leading-dash' -ErrorAction Stop } }
            @{ Case = 'an unknown dataset group'; ErrorId = 'DatasetGroupNotFound'; Run = { 'a' | New-PDataDeletionJob @Common -DatasetGroupArn 'arn:aws:personalize:us-east-1:123456789012:dataset-group/ghost' -ErrorAction Stop } }
            @{ Case = 'a dataset group that is not ACTIVE'; ErrorId = 'DatasetGroupNotActive'; Run = { 'a' | New-PDataDeletionJob @Common -DatasetGroupArn $PdPendingGroup -ErrorAction Stop } }
        ) {
            { & $Run } | Should -Throw -ErrorId "$ErrorId,$CommandId"
            @(Get-CreateRequest).Count | Should -Be 0
            @(Get-StagedObject).Count | Should -Be 0
            @(Get-PdFakeMultipartUpload).Count | Should -Be 0
        }

        It 'a bad file after good IDs aborts what was staged and creates nothing' {
            $bad = New-PdUserIdFile -Name 'wrong-header.csv' -Line @('"EMAIL"', 'a@example.com')
            { @([pscustomobject]@{ USER_ID = 'fine' }, [pscustomobject]@{ FullName = $bad }) | New-PDataDeletionJob @Common -ErrorAction Stop } |
                Should -Throw -ErrorId "InvalidUserIdFileHeader,$CommandId"
            @(Get-CreateRequest).Count | Should -Be 0
            @(Get-StagedObject).Count | Should -Be 0
        }

        It 'tags follow the model: sent as tagKey/tagValue pairs' {
            $null = 'a' | New-PDataDeletionJob @Common -Tag @{ ticket = 'GDPR-42'; team = 'privacy office' }
            $tags = (Get-CreateRequest)[0].Json.tags
            ($tags | Sort-Object tagKey).tagKey | Should -Be @('team', 'ticket')
            ($tags | Where-Object tagKey -EQ 'ticket').tagValue | Should -Be 'GDPR-42'
        }

        It 'warns and creates nothing when every ID was rejected' {
            $null = '', ' ' | New-PDataDeletionJob @Common -ErrorAction SilentlyContinue -WarningVariable warned
            "$warned" | Should -Match 'no job was created'
            @(Get-CreateRequest).Count | Should -Be 0
            @(Get-StagedObject).Count | Should -Be 0
        }
    }
}
