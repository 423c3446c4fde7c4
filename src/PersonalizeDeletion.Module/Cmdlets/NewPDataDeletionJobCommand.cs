using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deletes users from Amazon Personalize dataset groups: stages their IDs in S3 and submits data deletion jobs, exactly once.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PDataDeletionJob", DefaultParameterSetName = DefaultParameterSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DataDeletionJob))]
    public sealed class NewPDataDeletionJobCommand : PersonalizeCmdletBase
    {
        public const string DefaultParameterSet = "Default";

        private const int MaxTags = 50;

        // Attempts of one request whose earlier jobs FAILED (the names end -2 ... -5); after that a person should look.
        private const int MaxAttempts = 5;

        // S3 allows 2 KB of user metadata; beyond this the groups are not recorded and -RemoveStagedData keeps the file.
        private const int MaxGroupsMetadataLength = 1500;
        private static readonly TimeSpan FirstQuotaRetry = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan MaxQuotaRetry = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);
        private static readonly System.Text.RegularExpressions.Regex TagPattern =
            new System.Text.RegularExpressions.Regex(@"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private readonly Stopwatch _progressClock = Stopwatch.StartNew();
        private bool _userIdBoundByName;
        private bool _whatIf;
        private List<KeyValuePair<string, string>>? _tags;
        private DeletionBatch? _batch;

        // Batches whose input has all been read and staged, waiting for the end of the input to be submitted.
        private readonly List<DeletionBatch> _staged = new List<DeletionBatch>();
        private long _inputNumber;
        private bool _commandLineInputsAdded;
        private bool _connectionOverride;
        private string? _commandLineConnectionKey;
        private HashSet<string> _commandLine = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// User IDs, and everything else that comes down the pipeline. The cmdlet binds piped objects itself
        /// (see <see cref="PipelineInput"/>): PowerShell's binder looks up every unbound
        /// ValueFromPipelineByPropertyName parameter and alias on every piped object, which made a million piped
        /// strings cost ten times what Measure-Object takes for them.
        /// </summary>
        [Parameter(ParameterSetName = DefaultParameterSet, ValueFromPipeline = true)]
        [Alias("USER_ID", "UserIds")]
        [AllowEmptyString]
        [AllowNull]
        [AllowEmptyCollection]
        public object?[]? UserId { get; set; }

        [Parameter(ParameterSetName = DefaultParameterSet)]
        [Alias("FullName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        [Parameter(ParameterSetName = DefaultParameterSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[]? LiteralPath { get; set; }

        [Parameter(ParameterSetName = DefaultParameterSet)]
        [Alias("S3Uri", "DataSource")]
        [ValidateNotNullOrEmpty]
        public string[]? DataLocation { get; set; }

        /// <summary>With -Key: an S3 object as AWS.Tools' Get-S3Object emits it.</summary>
        [Parameter(ParameterSetName = DefaultParameterSet)]
        [ValidateNotNullOrEmpty]
        public string? BucketName { get; set; }

        [Parameter(ParameterSetName = DefaultParameterSet)]
        [ValidateNotNullOrEmpty]
        public string? Key { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetGroupArnCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] DatasetGroupArn { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string RoleArn { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? StagingUri { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JobName { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Hashtable? Tag { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ExpectedBucketOwner { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int MaxUsersPerJob { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        // The AWS parameters again, without ValueFromPipelineByPropertyName for the reason given on UserId;
        // PipelineInput reads the same names from piped objects, so behaviour is unchanged.
        [Parameter]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public new string? Region { get => base.Region; set => base.Region = value; }

        [Parameter]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public new string? ProfileName { get => base.ProfileName; set => base.ProfileName = value; }

        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        public new string? ProfileLocation { get => base.ProfileLocation; set => base.ProfileLocation = value; }

        [Parameter]
        [Alias("AK")]
        public new string? AccessKey { get => base.AccessKey; set => base.AccessKey = value; }

        [Parameter]
        [Alias("SK", "SecretAccessKey")]
        public new string? SecretKey { get => base.SecretKey; set => base.SecretKey = value; }

        [Parameter]
        [Alias("ST")]
        public new string? SessionToken { get => base.SessionToken; set => base.SessionToken = value; }

        [Parameter]
        public new object? Credential { get => base.Credential; set => base.Credential = value; }

        [Parameter]
        public new string? EndpointUrl { get => base.EndpointUrl; set => base.EndpointUrl = value; }

        protected override void BeginProcessing()
        {
            _userIdBoundByName = MyInvocation.BoundParameters.ContainsKey(nameof(UserId));
            _commandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            _whatIf = (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf) && whatIf is SwitchParameter w && w.IsPresent)
                || (GetVariableValue("WhatIfPreference") is object preference && LanguagePrimitives.IsTrue(preference));

            if (JobName is not null && !JobNamer.IsValid(JobName))
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("InvalidJobName", ErrorCategory.InvalidArgument,
                    new ArgumentException($"'{JobName}' is not a valid job name: 1-63 characters, letters, digits, '-' and '_', starting with a letter or digit."), JobName));
            }

            if (ExpectedBucketOwner is not null && !IsAccountId(ExpectedBucketOwner))
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("InvalidExpectedBucketOwner", ErrorCategory.InvalidArgument,
                    new ArgumentException($"'{ExpectedBucketOwner}' is not an AWS account ID (12 digits)."), ExpectedBucketOwner));
            }

            _tags = ParseTags(Tag);
        }

        protected override void ProcessRecord()
        {
            try
            {
                if (UserId is null)
                {
                    DeletionBatch batch = CurrentBatch();
                    if (_userIdBoundByName || MyInvocation.ExpectingInput)
                    {
                        // A piped $null (or -UserId $null): not a user ID, and reported as one that was not submitted.
                        AddText(batch, null);
                    }

                    AddCommandLineInputs();
                    return;
                }

                foreach (object? item in UserId)
                {
                    object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
                    if (value is string text || value is null)
                    {
                        AddText(CurrentBatch(), (string?)value);
                        continue;
                    }

                    if (NumberOrGuidText(value) is string number)
                    {
                        AddLiteralUserId(CurrentBatch(), number);
                        continue;
                    }

                    // An object: read it the way ValueFromPipelineByPropertyName would have bound it.
                    using (PipelineInput input = PipelineInput.Read(this, PSObject.AsPSObject(item), _commandLine))
                    {
                        _connectionOverride = input.HasConnectionValues;
                        DeletionBatch batch = CurrentBatch();
                        if (!input.AddTo(this, batch))
                        {
                            ReportUnrecognized(value, "is not a user ID, a file, or an S3 location: give strings, objects with a USER_ID, FullName or DataLocation property, or S3 objects with BucketName and Key.");
                        }

                        _connectionOverride = false;
                    }
                }

                AddCommandLineInputs();
                ShowStagingProgress(_batch ?? CurrentBatch(), force: false);
            }
            catch (AwsConfigurationException configuration)
            {
                ThrowTerminatingError(ToErrorRecord(configuration, null));
            }
            catch (StagingUploadException upload)
            {
                // A background part upload failed: take back what was staged, then stop.
                StopAndTakeBackStaging(ToErrorRecord(upload, upload.Uri));
            }
        }

        /// <summary>A piped or given string: a user ID, or (piped only) an s3:// data location.</summary>
        internal void AddText(DeletionBatch batch, string? text)
        {
            // A piped s3:// string names data already in S3; -UserId given by name is always literal.
            if (!_userIdBoundByName && S3Location.LooksLikeS3Uri(text))
            {
                AddLocation(batch, text!);
            }
            else
            {
                _inputNumber++;
                AddUserId(batch, text, _inputNumber);
            }
        }

        /// <summary>
        /// The AWS parameter values in force. Only piped objects can change them (for themselves), so for the
        /// common case of piped strings the key of the command line is computed once, not once per ID.
        /// </summary>
        private string CurrentConnectionKey => _connectionOverride ? ConnectionKey : (_commandLineConnectionKey ??= ConnectionKey);

        /// <summary>A user ID from an object's USER_ID property: always literal, even when it looks like a URI.</summary>
        internal void AddLiteralUserId(DeletionBatch batch, string? id)
        {
            _inputNumber++;
            AddUserId(batch, id, _inputNumber);
        }

        /// <summary>
        /// A value of an object's USER_ID property: text, a whole number or a GUID is a user ID (as when piped or given
        /// to -UserId); anything else is reported, never turned into a type name and deleted as if it were an ID.
        /// </summary>
        internal void AddUserIdValue(DeletionBatch batch, object? value)
        {
            string? text = value is null || value is string ? (string?)value : NumberOrGuidText(value);
            if (value is not null && text is null)
            {
                ReportUnrecognized(value, "in a USER_ID property is not a user ID: give text, whole numbers or GUIDs.");
                return;
            }

            AddLiteralUserId(batch, text);
        }

        /// <summary>UnrecognizedInputObject for one input, by its position and type (never its value: it may be personal data).</summary>
        private void ReportUnrecognized(object value, string problem)
        {
            _inputNumber++;
            WriteError(ErrorRecordFactory.Create("UnrecognizedInputObject", ErrorCategory.InvalidType,
                new ArgumentException($"Input #{_inputNumber} ({value.GetType().Name}) {problem}"),
                "input #" + _inputNumber.ToString(CultureInfo.InvariantCulture)));
        }

        /// <summary>
        /// User IDs that are numbers (42, or 1001..1005) or GUIDs, written the way PowerShell writes them in a
        /// string: invariant culture, GUIDs lower case with hyphens. Fractions and other objects are not user IDs.
        /// </summary>
        internal static string? NumberOrGuidText(object value) => value switch
        {
            int or long or short or sbyte or byte or ushort or uint or ulong or System.Numerics.BigInteger
                => Convert.ToString(value, CultureInfo.InvariantCulture),
            Guid guid => guid.ToString("D"),
            _ => null,
        };

        /// <summary>
        /// -Path, -DataLocation and -BucketName/-Key given on the command line, once per command, into the batch
        /// in force for the command line. Looking the batch up only the first time matters: after a piped object
        /// with its own AWS values, looking it up again would end that object's batch on every record.
        /// </summary>
        private void AddCommandLineInputs()
        {
            if (_commandLineInputsAdded)
            {
                return;
            }

            _commandLineInputsAdded = true;
            if (Path is null && LiteralPath is null && DataLocation is null && BucketName is null && Key is null)
            {
                return;
            }

            DeletionBatch batch = CurrentBatch();
            foreach (string path in Path ?? Array.Empty<string>())
            {
                AddPath(batch, path);
            }

            foreach (string path in LiteralPath ?? Array.Empty<string>())
            {
                AddLiteralPath(batch, path);
            }

            foreach (string location in DataLocation ?? Array.Empty<string>())
            {
                AddLocation(batch, location);
            }

            if (BucketName is not null || Key is not null)
            {
                AddBucketAndKey(batch, BucketName, Key);
            }
        }

        internal void AddPath(DeletionBatch batch, string path)
        {
            foreach (string file in ResolveFiles(path))
            {
                AddFile(batch, file);
            }
        }

        /// <summary>-LiteralPath, and the FullName or Path of a piped object: one file, named exactly, no wildcards.</summary>
        internal void AddLiteralPath(DeletionBatch batch, string path) => AddFile(batch, ResolveLiteralFile(path));

        internal void AddBucketAndKey(DeletionBatch batch, string? bucket, string? key)
        {
            if (bucket is null || key is null)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("InvalidS3Uri", ErrorCategory.InvalidArgument,
                    new ArgumentException("-BucketName and -Key name an S3 object together; give both (or pipe objects from Get-S3Object)."), bucket ?? key));
            }

            AddLocation(batch, "s3://" + bucket + "/" + key);
        }

        protected override void EndProcessing()
        {
            try
            {
                // An empty pipeline (`@() | New-PDataDeletionJob -Path f.csv`) never runs ProcessRecord.
                AddCommandLineInputs();

                if (_batch is null)
                {
                    WarnNothingCameIn();
                    return;
                }

                // No job is created before the whole input has been read: a bad file or ARN further down (or a
                // Ctrl+C) must not find the jobs of earlier batches already submitted.
                StageCurrentBatch();
                while (_staged.Count > 0)
                {
                    DeletionBatch batch = _staged[0];
                    Submit(batch);
                    batch.Dispose();
                    _staged.RemoveAt(0);
                }
            }
            catch (AwsConfigurationException configuration)
            {
                ThrowTerminatingError(ToErrorRecord(configuration, null));
            }
            catch (StagingUploadException upload)
            {
                // A background part upload failed: take back what was staged, then stop.
                StopAndTakeBackStaging(ToErrorRecord(upload, upload.Uri));
            }
        }

        protected override void Dispose(bool disposing)
        {
            // Every exit that did not submit (Ctrl+C, a terminating error) lands here: abort the upload and
            // delete anything staged, so no user IDs are left behind in S3 for a job that was never created.
            foreach (DeletionBatch staged in _staged)
            {
                staged.Dispose();
            }

            _staged.Clear();
            _batch?.Dispose();
            _batch = null;
            base.Dispose(disposing);
        }

        /// <summary>
        /// Parameters bound by property name can change per pipeline object (e.g. a CSV with a DatasetGroupArn
        /// column). A change of target ends the current batch: its staging is finished (which frees its memory),
        /// and it is submitted with the others once the whole input has been read.
        /// </summary>
        private DeletionBatch CurrentBatch()
        {
            if (_batch is not null && _batch.Matches(DatasetGroupArn, RoleArn, StagingUri, CurrentConnectionKey))
            {
                return _batch;
            }

            if (_batch is not null)
            {
                StageCurrentBatch();
            }

            _batch = StartBatch();
            return _batch;
        }

        private DeletionBatch StartBatch()
        {
            var groups = new List<PersonalizeArn>();
            foreach (string text in DatasetGroupArn)
            {
                if (!PersonalizeArn.TryParse(text, PersonalizeArn.DatasetGroupResourceType, out PersonalizeArn? arn))
                {
                    ThrowTerminatingError(ErrorRecordFactory.InvalidDatasetGroupArn(text));
                }

                if (!groups.Any(known => known.Text == arn!.Text))
                {
                    groups.Add(arn!);
                }
            }

            if (!PersonalizeArn.IsRoleArn(RoleArn))
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("InvalidRoleArn", ErrorCategory.InvalidArgument,
                    new ArgumentException($"'{RoleArn}' is not an IAM role ARN. Expected arn:aws:iam::<account>:role/<name>."), RoleArn));
            }

            S3Location? staging = null;
            if (StagingUri is not null)
            {
                string text = StagingUri.EndsWith("/", StringComparison.Ordinal) || StagingUri.EndsWith("//", StringComparison.Ordinal) ? StagingUri : StagingUri + "/";
                if (!S3Location.TryParse(text, out staging, out string? error))
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create("InvalidS3Uri", ErrorCategory.InvalidArgument,
                        new ArgumentException($"-StagingUri '{StagingUri}' is not a valid S3 folder URI: {error}"), StagingUri));
                }
            }

            return new DeletionBatch(DatasetGroupArn, RoleArn, StagingUri, CurrentConnectionKey, GetSession(), groups, staging, ExpectedBucketOwner ?? groups[0].Account);
        }

        /// <summary>A piped user ID. Positions are formatted only when needed: this runs once per ID.</summary>
        private void AddUserId(DeletionBatch batch, string? id, long inputNumber)
        {
            if (batch.Intake is null)
            {
                EnsureStaging(batch, Position(inputNumber, null, 0));
            }

            IntakeResult result = batch.Intake!.Offer(id, out UserIdProblem problem);
            if (result == IntakeResult.Rejected)
            {
                ReportRejected(inputNumber, null, 0, id, problem);
            }
            else if (result == IntakeResult.Duplicate && IsDebugEnabled)
            {
                ReportDuplicate(inputNumber, null, 0, id);
            }
        }

        private void WarnNothingCameIn() => WriteWarning("No user IDs, files or data locations came in; nothing was submitted.");

        /// <summary>Under -Debug only: the ID itself is personal data.</summary>
        private void ReportDuplicate(long inputNumber, string? file, long line, string? id) =>
            WriteDebug($"Duplicate user ID at {Position(inputNumber, file, line)} submitted once: '{id}'");

        private void ReportRejected(long inputNumber, string? file, long line, string? id, UserIdProblem problem)
        {
            string where = Position(inputNumber, file, line);
            if (IsDebugEnabled)
            {
                WriteDebug($"Rejected user ID at {where}: '{id}'");
            }

            // The target names where the ID came from, not the ID: user IDs are personal data.
            WriteError(ErrorRecordFactory.Create("InvalidUserId", ErrorCategory.InvalidData,
                new ArgumentException($"The user ID at {where} was not submitted: {UserIdValidator.Describe(problem, id ?? string.Empty)}"), where));
        }

        private static string Position(long inputNumber, string? file, long line) =>
            file is null
                ? "input #" + inputNumber.ToString(CultureInfo.InvariantCulture)
                : file + ":" + line.ToString(CultureInfo.InvariantCulture);

        [MethodImpl(HotPath.Optimize)]
        internal void AddFile(DeletionBatch batch, string file)
        {
            WriteVerbose($"Reading user IDs from {file}.");

            // IDs stay UTF-8 bytes from the file to the staged CSV, and go through the intake in batches.
            var ids = new UserIdBatch();
            bool estimated = false;
            try
            {
                using var reader = new UserIdCsvFileReader(file);
                while (reader.TryReadNextUtf8(out ReadOnlySpan<byte> id, out long line))
                {
                    if (batch.Intake is null)
                    {
                        EnsureStaging(batch, Position(_inputNumber + 1, file, line));
                    }

                    if (!ids.TryAdd(id, line))
                    {
                        if (!estimated)
                        {
                            // One batch in, the file's length tells about how many IDs and row bytes follow: the
                            // de-duplication set makes room for them now instead of growing step by step, and the
                            // upload sends parts that will fill while they are written instead of once full
                            // (bench/LocalFile.Bench.ps1).
                            batch.Intake!.Reserve(reader.EstimateRemainingLines() + ids.Count);
                            batch.Uploader?.ExpectMore(reader.EstimateRemainingRowBytes() + ids.ByteCount + ids.Count);
                            estimated = true;
                        }

                        OfferFileIds(batch, ids, file);
                        ids.TryAdd(id, line);
                    }
                }

                OfferFileIds(batch, ids, file);
                if (estimated)
                {
                    // The file's hint is spent: a part it did not fill stops streaming, as the next rows may be far off.
                    batch.Uploader?.ExpectMore(0);
                }
            }
            catch (UserIdFileException invalid)
            {
                // The lines read before the bad one still get their errors first, in file order, so one run shows
                // every problem up to it. Then stop: a file that cannot be read as a whole means the request is not
                // what the user thinks. Dispose takes back whatever was staged so far.
                if (batch.Intake is not null)
                {
                    OfferFileIds(batch, ids, file);
                }

                StopAndTakeBackStaging(ToErrorRecord(invalid, file));
            }
        }

        /// <summary>
        /// Stops the command with <paramref name="record"/> after taking back everything staged so far: the open
        /// upload is aborted and finished batches' objects deleted, and what S3 would not let go is named in a
        /// warning. Dispose would clean up as well, but by then the pipeline has stopped and nothing can be said.
        /// </summary>
        private void StopAndTakeBackStaging(ErrorRecord record)
        {
            if (!StopToken.IsCancellationRequested)
            {
                foreach (DeletionBatch batch in _batch is null ? _staged : _staged.Append(_batch))
                {
                    foreach (string leftover in batch.TakeBack())
                    {
                        WriteWarning($"Could not remove {leftover}, which holds user IDs staged for no job; remove it, or let the bucket's lifecycle rule do it.");
                    }
                }
            }

            ThrowTerminatingError(record);
        }

        /// <summary>Offers a batch of IDs read from a file and reports each rejected one (and, under -Debug, each duplicate).</summary>
        [MethodImpl(HotPath.Optimize)]
        private void OfferFileIds(DeletionBatch batch, UserIdBatch ids, string file)
        {
            if (ids.Count == 0)
            {
                return;
            }

            long first = _inputNumber + 1;
            _inputNumber += ids.Count;
            batch.Intake!.Offer(ids);
            for (int i = 0; i < ids.Count; i++)
            {
                IntakeResult result = ids.Result(i);
                if (result == IntakeResult.Rejected)
                {
                    ReportRejected(first + i, file, ids.Line(i), ids.Text(i), ids.Problem(i));
                }
                else if (result == IntakeResult.Duplicate && IsDebugEnabled)
                {
                    ReportDuplicate(first + i, file, ids.Line(i), ids.Text(i));
                }
            }

            if (((first - 1) >> 14) != (_inputNumber >> 14))
            {
                ShowStagingProgress(batch, force: false);
            }

            ids.Clear();
        }

        private Collection<string> ResolveFiles(string path)
        {
            Collection<string> resolved;
            ProviderInfo provider;
            try
            {
                resolved = GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException missing)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("UserIdFileNotFound", ErrorCategory.ObjectNotFound,
                    new ItemNotFoundException($"The user ID file '{path}' does not exist.", missing), path));
                throw;
            }

            if (provider.Name != "FileSystem")
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("UserIdFileNotFound", ErrorCategory.InvalidArgument,
                    new ArgumentException($"'{path}' is not a file system path."), path));
            }

            if (resolved.Count == 0)
            {
                string hint = WildcardPattern.ContainsWildcardCharacters(path) ? " (-Path takes wildcards: for a name with [ ] in it, use -LiteralPath)" : string.Empty;
                ThrowTerminatingError(ErrorRecordFactory.Create("UserIdFileNotFound", ErrorCategory.ObjectNotFound,
                    new ItemNotFoundException($"No file matches '{path}'{hint}."), path));
            }

            if (WildcardPattern.ContainsWildcardCharacters(path))
            {
                // 'req[1].csv' is a pattern that matches req1.csv: if a file has that very name, the caller almost
                // certainly meant it, and deleting the users of another file is not a mistake to make quietly.
                string literal = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                if (System.IO.File.Exists(literal) && !resolved.Contains(literal))
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create("AmbiguousUserIdFilePath", ErrorCategory.InvalidArgument,
                        new ArgumentException($"'{path}' names a file, but as a -Path wildcard pattern it matches {string.Join(", ", resolved.Select(System.IO.Path.GetFileName))} instead. Use -LiteralPath for the file named '{System.IO.Path.GetFileName(literal)}', or escape the wildcard characters with a backtick."), path));
                }
            }

            foreach (string file in resolved)
            {
                ThrowIfFolder(file, path);
            }

            return resolved;
        }

        private string ResolveLiteralFile(string path)
        {
            string file;
            try
            {
                file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
                if (provider.Name != "FileSystem")
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create("UserIdFileNotFound", ErrorCategory.InvalidArgument,
                        new ArgumentException($"'{path}' is not a file system path."), path));
                }
            }
            catch (Exception failure) when (failure is ItemNotFoundException || failure is DriveNotFoundException || failure is ProviderNotFoundException)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("UserIdFileNotFound", ErrorCategory.ObjectNotFound,
                    new ItemNotFoundException($"The user ID file '{path}' does not exist.", failure), path));
                throw;
            }

            ThrowIfFolder(file, path);
            if (!System.IO.File.Exists(file))
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("UserIdFileNotFound", ErrorCategory.ObjectNotFound,
                    new ItemNotFoundException($"The user ID file '{path}' does not exist."), path));
            }

            return file;
        }

        private void ThrowIfFolder(string file, string given)
        {
            if (System.IO.Directory.Exists(file))
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("UserIdFileNotFound", ErrorCategory.InvalidArgument,
                    new ArgumentException($"'{given}' is a folder, not a CSV file: give the files in it, for example -Path '{System.IO.Path.Combine(given, "*.csv")}'."), given));
            }
        }

        internal void AddLocation(DeletionBatch batch, string text)
        {
            if (!S3Location.TryParse(text, out S3Location? location, out string? error))
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("InvalidS3Uri", ErrorCategory.InvalidArgument,
                    new ArgumentException($"'{text}' is not a valid S3 data location: {error}"), text));
            }

            string canonical = location!.ToString();
            if (batch.Locations.Any(known => known.Location.ToString() == canonical))
            {
                return;
            }

            EnsureDatasetGroups(batch);
            DataLocationSummary? summary;
            try
            {
                var inspector = batch.S3.Inspector(batch.ExpectedBucketOwner);
                summary = Await(token => inspector.SummarizeAsync(location, token));
            }
            catch (Exception failure) when (!(failure is PipelineStoppedException))
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("DataLocationUnreadable", ErrorCategory.ReadError,
                    new InvalidOperationException($"Could not read data location {canonical}: {failure.Message}", failure), canonical));
                return;
            }

            if (summary is null)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("DataLocationNotFound", ErrorCategory.ObjectNotFound,
                    new ItemNotFoundException(location.IsFolder ? $"No .csv object exists under {canonical}." : $"{canonical} does not exist."), canonical));
            }

            if (summary!.KmsEncryptedKey is not null)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("DataLocationKmsEncrypted", ErrorCategory.InvalidData,
                    new InvalidOperationException($"{canonical} is encrypted with a KMS key; Personalize data deletion jobs can only read SSE-S3 objects. Copy it with SSE-S3 or pipe the IDs in instead."), canonical));
            }

            if (summary.TotalBytes > StagingTarget.DefaultMaxBytesPerObject)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("DataLocationTooLarge", ErrorCategory.LimitsExceeded,
                    new InvalidOperationException($"{canonical} holds {summary.TotalBytes:N0} bytes; a data deletion job reads at most 50 MB. Pipe the IDs (or the files) in instead, and the module splits them."), canonical));
            }

            WriteVerbose($"Data location {canonical}: {summary.CsvObjects} CSV object(s), {summary.TotalBytes:N0} bytes.");
            batch.Locations.Add((location, summary.ContentFingerprint));
        }

        /// <summary>The first user ID of a batch: check the groups, then open the streaming upload (not under -WhatIf).</summary>
        private void EnsureStaging(DeletionBatch batch, string firstInput)
        {
            if (batch.Staging is null)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("StagingUriRequired", ErrorCategory.InvalidArgument,
                    new ArgumentException("User IDs and local files are staged in S3 before the job reads them: give -StagingUri s3://<bucket>/<prefix>/ (a bucket in your account that the job's role can read)."),
                    firstInput));
            }

            EnsureDatasetGroups(batch);
            if (_whatIf)
            {
                batch.Intake = new UserIdIntake(null);
                return;
            }

            var target = new StagingTarget(batch.Staging!.Bucket, batch.Staging.Key + "pdel-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("n").Substring(0, 8))
            {
                ExpectedBucketOwner = batch.ExpectedBucketOwner,
                MaxUsersPerObject = MaxUsersPerJob > 0 ? MaxUsersPerJob : (long?)null,

                // The smallest part S3 takes: the upload holds at most three part buffers, so this bounds the
                // module's memory for any number of IDs (and fixes the part size, which keeps ETags comparable).
                PartSize = StagingTarget.MinPartSize,
            };
            target.Metadata[S3DataLocationInspector.StagedByMetadataKey] = S3DataLocationInspector.StagedByMetadataValue;
            string groups = string.Join(" ", batch.Groups.Select(group => group.Text));
            if (groups.Length <= MaxGroupsMetadataLength)
            {
                // Lets Wait-PDataDeletionJob -RemoveStagedData keep the file until every group's job has read it.
                target.Metadata[S3DataLocationInspector.DatasetGroupsMetadataKey] = groups;
            }

            target.Metadata["module-version"] = typeof(NewPDataDeletionJobCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

            WriteVerbose($"Staging user IDs under s3://{target.Bucket}/{target.KeyBase}-NNN.csv (SSE-S3, expected bucket owner {batch.ExpectedBucketOwner}).");
            batch.Uploader = new S3StagingUploader(batch.S3.StagingClient(), target, StopToken);
            S3StagingUploader uploader = batch.Uploader;
            batch.Intake = new UserIdIntake(uploader.Add);
        }

        /// <summary>Every dataset group must exist and be ACTIVE before anything is uploaded or created.</summary>
        private void EnsureDatasetGroups(DeletionBatch batch)
        {
            if (batch.GroupsChecked)
            {
                return;
            }

            foreach (PersonalizeArn group in batch.Groups)
            {
                IPersonalizeClient client = GetPersonalizeClient(group.Region, batch.Session);
                DatasetGroupInfo info;
                try
                {
                    info = Await(token => client.DescribeDatasetGroupAsync(group.Text, token));
                }
                catch (ResourceNotFoundException notFound)
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create("DatasetGroupNotFound", ErrorCategory.ObjectNotFound,
                        new ItemNotFoundException($"Dataset group '{group.Text}' does not exist in {group.Region}.", notFound), group.Text));
                    return;
                }
                catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
                {
                    ThrowTerminatingError(ToErrorRecord(failure, group.Text));
                    return;
                }

                if (!string.Equals(info.Status, "ACTIVE", StringComparison.Ordinal))
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create("DatasetGroupNotActive", ErrorCategory.ResourceUnavailable,
                        new InvalidOperationException($"Dataset group '{info.Name ?? group.Name}' is {info.Status ?? "in an unknown state"}; data deletion jobs need an ACTIVE dataset group."), group.Text));
                }

                batch.GroupNames[group.Text] = info.Name ?? group.Name;
            }

            batch.GroupsChecked = true;
        }

        /// <summary>
        /// The current batch's input is all in: its upload is completed and its de-duplication memory given back,
        /// and it waits with what it staged for the end of the input, when every batch is submitted.
        /// </summary>
        private void StageCurrentBatch()
        {
            DeletionBatch batch = _batch!;
            batch.Staged = CompleteStaging(batch);

            // The counts stay readable; the fingerprints and part buffers go back to their pools.
            batch.Intake?.Dispose();
            batch.Uploader?.Dispose();
            batch.Uploader = null;
            _staged.Add(batch);
            _batch = null;
        }

        private void Submit(DeletionBatch batch)
        {
            IReadOnlyList<StagedObject> staged = batch.Staged;
            var units = new List<DataUnit>();
            units.AddRange(staged.Select(item => new DataUnit(item.Uri, item.ContentSha256, item.UserCount, item)));
            // A caller's location is known by what it holds as well as where: a list overwritten at the same key
            // (a daily file) is new users, and must not be taken for the job that read yesterday's.
            units.AddRange(batch.Locations.Select(known => new DataUnit(known.Location.ToString(), known.Location + "\n" + known.Content, null, null)));

            UserIdIntake? intake = batch.Intake;
            if (intake is not null)
            {
                WriteVerbose($"{intake.Received} user ID(s) received: {intake.Accepted} to submit, {intake.Duplicates} duplicate(s) submitted once, {intake.Rejected} rejected.");
                if (intake.Accepted == 0 && batch.Locations.Count == 0)
                {
                    WriteWarning($"None of the {intake.Received} user ID(s) could be submitted; no job was created.");
                    return;
                }
            }

            if (units.Count == 0 && intake is null)
            {
                WarnNothingCameIn();
                batch.Finished = true;
                return;
            }

            if (_whatIf)
            {
                ReportWhatIf(batch, units);
                return;
            }

            int total = units.Count * batch.Groups.Count;
            int index = 0;
            HashSet<StagedObject> used = batch.Used;
            foreach (DataUnit unit in units)
            {
                foreach (PersonalizeArn group in batch.Groups)
                {
                    index++;
                    Func<int, string>? attemptName = JobName is null ? attempt => JobNamer.Derive(group.Text, RoleArn, unit.Identity, attempt) : null;
                    string name = attemptName?.Invoke(1) ?? JobNamer.Numbered(JobName!, index, total);
                    string users = unit.UserCount is long count ? $"{count} user(s)" : $"the users listed at {unit.Location}";
                    string target = $"dataset group {batch.GroupNames[group.Text]} ({group.Text})";
                    string action = $"Delete {users} (data deletion job {name})";
                    if (!Proceed(target, action))
                    {
                        continue;
                    }

                    DataDeletionJob? job = SubmitOne(batch, group, unit, name, attemptName);
                    if (job is null)
                    {
                        continue;
                    }

                    if (unit.Staged is not null && string.Equals(job.DataLocation, unit.Location, StringComparison.Ordinal))
                    {
                        used.Add(unit.Staged);
                    }

                    if (unit.Staged is not null)
                    {
                        job.UserCount = unit.UserCount;
                        job.DuplicateCount = intake?.Duplicates;
                        job.RejectedCount = intake?.Rejected;
                        job.StagedObject = job.DataLocation;
                    }

                    WriteObject(job);
                }
            }

            // Staged data no job reads (declined, failed, or an earlier identical job) is personal data with no
            // purpose: remove it.
            foreach (StagedObject orphan in staged.Where(item => !used.Contains(item)))
            {
                DeleteStaged(batch, orphan);
            }

            batch.Finished = true;
        }

        private bool Proceed(string target, string action)
        {
            if (_whatIf)
            {
                return ShouldProcess(target, action);
            }

            // -Force skips the prompt unless the user also asked for -Confirm explicitly.
            bool confirmAsked = MyInvocation.BoundParameters.TryGetValue("Confirm", out object? confirm) && confirm is SwitchParameter c && c.IsPresent;
            if (Force && !confirmAsked)
            {
                return true;
            }

            try
            {
                return ShouldProcess(target, action);
            }
            catch (Exception prompt) when (prompt is System.Management.Automation.Host.HostException || prompt is PSInvalidOperationException)
            {
                // A host that cannot ask (pwsh -NonInteractive, a runbook, a scheduled task) fails the prompt itself;
                // say what an unattended run needs instead of the host's generic message.
                ThrowTerminatingError(ErrorRecordFactory.Create("ConfirmationNotPossible", ErrorCategory.InvalidOperation,
                    new InvalidOperationException($"New-PDataDeletionJob asks before it deletes users, and this host cannot ask ({prompt.Message.TrimEnd('.')}). In unattended runs add -Force (or -Confirm:$false). Nothing was submitted, and whatever was staged is removed.", prompt),
                    target));
                throw;
            }
        }

        /// <param name="attemptName">For derived names: the name of each attempt (1, 2, ...) of this request.</param>
        private DataDeletionJob? SubmitOne(DeletionBatch batch, PersonalizeArn group, DataUnit unit, string name, Func<int, string>? attemptName)
        {
            var input = new CreateDataDeletionJobInput(name, group.Text, unit.Location, RoleArn, _tags);
            int attempt = 1;
            var submitter = new DataDeletionJobSubmitter(GetPersonalizeClient(group.Region, batch.Session));
            Func<string, System.Threading.CancellationToken, Task<bool>>? sameData = null;
            if (unit.Staged is StagedObject stagedObject)
            {
                var inspector = batch.S3.Inspector(batch.ExpectedBucketOwner);
                sameData = (location, token) => inspector.HoldsSameDataAsync(location, stagedObject, token);
            }

            TimeSpan retry = FirstQuotaRetry;
            var quotaProgress = new ProgressRecord(3, "New-PDataDeletionJob", $"Waiting for a free PENDING slot in dataset group {batch.GroupNames[group.Text]}");
            bool waited = false;
            try
            {
                while (true)
                {
                    SubmissionOutcome outcome;

                    // While the Create is out, the staged object counts as read: a Ctrl+C or a lost answer may leave
                    // a job that reads it, and removing it would make that job fail with its users not deleted. It
                    // stops counting only once an answer says no job of this call reads it.
                    bool marked = unit.Staged is not null && batch.Used.Add(unit.Staged);
                    void NotRead()
                    {
                        if (marked)
                        {
                            batch.Used.Remove(unit.Staged!);
                        }
                    }

                    try
                    {
                        outcome = Await(token => submitter.SubmitAsync(input, JobName is null, sameData, token));
                    }
                    catch (JobNameInUseException inUse)
                    {
                        NotRead();
                        WriteError(ErrorRecordFactory.Create("JobNameInUse", ErrorCategory.ResourceExists, inUse, input.JobName));
                        return null;
                    }
                    catch (JobOutcomeUnknownException unknown)
                    {
                        if (StopToken.IsCancellationRequested)
                        {
                            throw new PipelineStoppedException();
                        }

                        string kept = unit.Staged is null ? string.Empty : $" The staged user IDs at {unit.Location} are kept for it.";
                        WriteError(ErrorRecordFactory.Create("DataDeletionJobOutcomeUnknown", ErrorCategory.OperationTimeout,
                            new InvalidOperationException($"{unknown.Message}{kept} Run the same command again: it returns the job if it was created, and creates it if not (Get-PDataDeletionJob -JobArn {unknown.JobArn} also tells).", unknown),
                            input.JobName));
                        return null;
                    }
                    catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
                    {
                        NotRead();
                        WriteError(ToErrorRecord(failure, input.JobName, "DataDeletionJobNotCreated"));
                        return null;
                    }
                    catch
                    {
                        // The Create was answered (stopped while an existing job was being looked at).
                        NotRead();
                        throw;
                    }

                    if (!string.Equals(outcome.Job?.DataLocation, unit.Location, StringComparison.Ordinal))
                    {
                        // Refused for the quota, or an earlier job (which reads other data) holds the name.
                        NotRead();
                    }

                    switch (outcome.Status)
                    {
                        case SubmissionStatus.Created:
                            WriteVerbose($"Created data deletion job {input.JobName} for {group.Text}{(outcome.Message is null ? string.Empty : $" ({outcome.Message})")}.");
                            return DataDeletionJob.FromService(outcome.Job!, group.Region);

                        case SubmissionStatus.AlreadySubmitted:
                            WriteWarning($"Data deletion job {input.JobName} was already submitted ({outcome.Message}); returning it instead of deleting twice. To submit again on purpose, give a new -JobName.");
                            return DataDeletionJob.FromService(outcome.Job!, group.Region);

                        case SubmissionStatus.EarlierAttemptFailed:
                            // The same users, submitted before under this name, were not deleted: go again under the next name.
                            if (attemptName is null || attempt >= MaxAttempts)
                            {
                                WriteError(ErrorRecordFactory.Create("JobNameInUse", ErrorCategory.ResourceExists,
                                    JobNameInUseException.Failed(input.JobName, outcome.Job!.DataDeletionJobArn ?? input.JobName, outcome.Message), input.JobName));
                                return null;
                            }

                            attempt++;
                            string next = attemptName(attempt);
                            WriteWarning($"Data deletion job {input.JobName} for these same users FAILED ({outcome.Message ?? "no reason given"}), so they were not deleted; submitting them again as {next}.");
                            input = new CreateDataDeletionJobInput(next, group.Text, unit.Location, RoleArn, _tags);
                            break;

                        default:
                            // At most five deletion jobs may be PENDING per dataset group: wait for one to start.
                            waited = true;
                            WriteVerbose($"Dataset group {group.Name} is at its PENDING job limit ({outcome.Message}); retrying in {retry.TotalSeconds:0} s.");
                            quotaProgress.StatusDescription = $"At the limit of 5 PENDING jobs; trying again in {retry.TotalSeconds:0} s (Ctrl+C stops)";
                            WriteProgress(quotaProgress);
                            Sleep(retry);
                            retry = TimeSpan.FromSeconds(Math.Min(retry.TotalSeconds * 2, MaxQuotaRetry.TotalSeconds));
                            break;
                    }
                }
            }
            finally
            {
                if (waited)
                {
                    quotaProgress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(quotaProgress);
                }
            }
        }

        private IReadOnlyList<StagedObject> CompleteStaging(DeletionBatch batch)
        {
            S3StagingUploader? uploader = batch.Uploader;
            if (uploader is null)
            {
                return Array.Empty<StagedObject>();
            }

            var progress = new ProgressRecord(2, "New-PDataDeletionJob", "Finishing the upload of staged user IDs");
            Task<IReadOnlyList<StagedObject>> completing = uploader.CompleteAsync(StopToken);
            try
            {
                while (!completing.Wait(ProgressEvery))
                {
                    progress.StatusDescription = $"{uploader.BytesUploaded:N0} of {uploader.BytesWritten:N0} bytes uploaded";
                    WriteProgress(progress);
                }

                IReadOnlyList<StagedObject> staged = Await(_ => completing);
                foreach (StagedObject item in staged)
                {
                    WriteVerbose($"Staged {item.UserCount} user ID(s) in {item.Uri} ({item.Bytes:N0} bytes).");
                }

                if (uploader.PartsStreamed > 0)
                {
                    WriteDebug($"{uploader.PartsStreamed} part(s) sent while being written; {uploader.PartsSentAgain} of them stopped and sent again (the file held fewer new IDs than its size suggested, or the input paused).");
                }

                return staged;
            }
            catch (AggregateException failure) when (failure.InnerException is StagingUploadException upload)
            {
                StopAndTakeBackStaging(ToErrorRecord(upload, upload.Uri));
                throw;
            }
            catch (StagingUploadException upload)
            {
                StopAndTakeBackStaging(ToErrorRecord(upload, upload.Uri));
                throw;
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        private void ReportWhatIf(DeletionBatch batch, List<DataUnit> units)
        {
            long users = batch.Intake?.Accepted ?? 0;
            foreach (PersonalizeArn group in batch.Groups)
            {
                string target = $"dataset group {batch.GroupNames[group.Text]} ({group.Text})";
                if (users > 0)
                {
                    // -MaxUsersPerJob splits the users into several files and jobs; say so (the 50 MB split is left
                    // out: nothing is written under -WhatIf, so the file sizes are not known).
                    string split = MaxUsersPerJob > 0 && users > MaxUsersPerJob
                        ? $" in {(users + MaxUsersPerJob - 1) / MaxUsersPerJob} jobs of at most {MaxUsersPerJob} users"
                        : string.Empty;
                    ShouldProcess(target, $"Delete {users} user(s) staged under {batch.Staging}{split} ({batch.Intake!.Duplicates} duplicate(s) submitted once, {batch.Intake.Rejected} rejected)");
                }

                foreach (DataUnit unit in units.Where(item => item.Staged is null))
                {
                    ShouldProcess(target, $"Delete the users listed at {unit.Location}");
                }
            }
        }

        private void DeleteStaged(DeletionBatch batch, StagedObject item)
        {
            try
            {
                var inspector = batch.S3.Inspector(batch.ExpectedBucketOwner);
                Await(token => inspector.DeleteAsync(item.Bucket, item.Key, token));
                WriteVerbose($"Removed {item.Uri}: no job reads it.");
            }
            catch (Exception failure) when (!(failure is PipelineStoppedException))
            {
                WriteWarning($"Could not remove {item.Uri}, which no job reads: {failure.Message}");
            }
        }

        private void ShowStagingProgress(DeletionBatch batch, bool force)
        {
            if (batch.Intake is null || (!force && _progressClock.Elapsed < ProgressEvery))
            {
                return;
            }

            _progressClock.Restart();
            UserIdIntake intake = batch.Intake;
            string uploaded = batch.Uploader is null ? string.Empty : $", {batch.Uploader.BytesUploaded:N0} bytes uploaded";
            WriteProgress(new ProgressRecord(2, "New-PDataDeletionJob", $"Staging user IDs: {intake.Accepted:N0} accepted, {intake.Duplicates:N0} duplicate(s), {intake.Rejected:N0} rejected{uploaded}"));
        }

        private List<KeyValuePair<string, string>>? ParseTags(Hashtable? tags)
        {
            if (tags is null)
            {
                return null;
            }

            if (tags.Count > MaxTags)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create("InvalidTag", ErrorCategory.InvalidArgument,
                    new ArgumentException($"{tags.Count} tags given; a job takes at most {MaxTags}."), tags));
            }

            var list = new List<KeyValuePair<string, string>>();
            foreach (DictionaryEntry entry in tags)
            {
                string key = LanguagePrimitives.ConvertTo<string>(entry.Key) ?? string.Empty;
                string value = entry.Value is null ? string.Empty : LanguagePrimitives.ConvertTo<string>(entry.Value) ?? string.Empty;
                string? problem =
                    key.Length < 1 || key.Length > 128 ? "keys are 1 to 128 characters long" :
                    key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) ? "keys starting with 'aws:' are reserved by AWS" :
                    !TagPattern.IsMatch(key) ? "keys may contain letters, digits, spaces and _ . : / = + - @ only" :
                    value.Length > 256 ? "values are at most 256 characters long" :
                    !TagPattern.IsMatch(value) ? "values may contain letters, digits, spaces and _ . : / = + - @ only" :
                    null;
                if (problem is not null)
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create("InvalidTag", ErrorCategory.InvalidArgument,
                        new ArgumentException($"Tag '{key}' is not valid: {problem}."), key));
                }

                list.Add(new KeyValuePair<string, string>(key, value));
            }

            return list;
        }

        private static bool IsAccountId(string text) => text.Length == 12 && text.All(c => c >= '0' && c <= '9');

        /// <summary>What one job reads: a staged CSV or a caller's data location.</summary>
        private sealed class DataUnit
        {
            public DataUnit(string location, string identity, long? userCount, StagedObject? staged)
            {
                Location = location;
                Identity = identity;
                UserCount = userCount;
                Staged = staged;
            }

            public string Location { get; }

            /// <summary>What the default job name is derived from: the CSV's SHA-256, or the location itself.</summary>
            public string Identity { get; }

            public long? UserCount { get; }

            public StagedObject? Staged { get; }
        }
    }
}
