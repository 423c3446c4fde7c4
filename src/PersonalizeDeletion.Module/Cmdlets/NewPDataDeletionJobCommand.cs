using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Requests;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Deletes users from Amazon Personalize dataset groups: stages their IDs in S3 and submits data deletion jobs, exactly once.</para>
    /// </summary>
    /// <remarks>
    /// An adapter over <see cref="DeletionRequest"/>: it binds parameters and piped objects, resolves PowerShell
    /// paths, and turns what the request reports into output, stream records and ErrorRecords
    /// (<see cref="DeletionReporter"/>).
    /// </remarks>
    [Cmdlet(VerbsCommon.New, "PDataDeletionJob", DefaultParameterSetName = DefaultParameterSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DataDeletionJob))]
    public sealed class NewPDataDeletionJobCommand : PersonalizeCmdletBase
    {
        public const string DefaultParameterSet = "Default";

        private DeletionRequest? _request;
        private DeletionTarget? _target;
        private bool _userIdBoundByName;
        private bool _commandLineInputsAdded;
        private bool _connectionOverride;
        private string? _commandLineConnectionKey;

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
        [Alias(AwsParameterAliases.RegionToCall)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public new string? Region { get => base.Region; set => base.Region = value; }

        [Parameter]
        [Alias(AwsParameterAliases.StoredCredentials, AwsParameterAliases.AWSProfileName)]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public new string? ProfileName { get => base.ProfileName; set => base.ProfileName = value; }

        [Parameter]
        [Alias(AwsParameterAliases.AWSProfilesLocation, AwsParameterAliases.ProfilesLocation)]
        public new string? ProfileLocation { get => base.ProfileLocation; set => base.ProfileLocation = value; }

        [Parameter]
        [Alias(AwsParameterAliases.AK)]
        public new string? AccessKey { get => base.AccessKey; set => base.AccessKey = value; }

        [Parameter]
        [Alias(AwsParameterAliases.SK, AwsParameterAliases.SecretAccessKey)]
        public new string? SecretKey { get => base.SecretKey; set => base.SecretKey = value; }

        [Parameter]
        [Alias(AwsParameterAliases.ST)]
        public new string? SessionToken { get => base.SessionToken; set => base.SessionToken = value; }

        [Parameter]
        public new object? Credential { get => base.Credential; set => base.Credential = value; }

        [Parameter]
        public new string? EndpointUrl { get => base.EndpointUrl; set => base.EndpointUrl = value; }

        /// <summary>
        /// The AWS parameter values in force. Only piped objects can change them (for themselves), so for the
        /// common case of piped strings the key of the command line is computed once, not once per ID.
        /// </summary>
        private string CurrentConnectionKey => _connectionOverride ? ConnectionKey : (_commandLineConnectionKey ??= ConnectionKey);

        private DeletionRequest Request => _request!;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _userIdBoundByName = MyInvocation.BoundParameters.ContainsKey(nameof(UserId));
            bool whatIf = (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIfGiven) && whatIfGiven is SwitchParameter w && w.IsPresent)
                || (GetVariableValue("WhatIfPreference") is object preference && LanguagePrimitives.IsTrue(preference));

            var options = new DeletionRequestOptions
            {
                JobName = JobName,
                Tags = Tag?.Cast<DictionaryEntry>().Select(ToTag).ToList(),
                ExpectedBucketOwner = ExpectedBucketOwner,
                MaxUsersPerJob = MaxUsersPerJob,
                WhatIf = whatIf,
                ModuleVersion = typeof(NewPDataDeletionJobCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            };
            try
            {
                // -Force skips the prompt unless the user also asked for -Confirm explicitly.
                bool confirmAsked = MyInvocation.BoundParameters.TryGetValue("Confirm", out object? confirm) && confirm is SwitchParameter c && c.IsPresent;
                var reporter = new DeletionReporter(this, askFirst: whatIf || !Force || confirmAsked);
                _request = new DeletionRequest(options, reporter, SystemClock.Instance, StopToken, new PipedPathProbe(this));
            }
            catch (DeletionRequestException problem)
            {
                ThrowTerminatingError(ToErrorRecord(problem.Problem));
            }
        }

        protected override void ProcessRecord()
        {
            try
            {
                TakeRecord();
                AddCommandLineInputs();
            }
            catch (DeletionRequestException problem)
            {
                ThrowTerminatingError(ToErrorRecord(problem.Problem));
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                // An empty pipeline (`@() | New-PDataDeletionJob -Path f.csv`) never runs ProcessRecord.
                AddCommandLineInputs();
                Request.Complete();
            }
            catch (DeletionRequestException problem)
            {
                ThrowTerminatingError(ToErrorRecord(problem.Problem));
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        protected override void Dispose(bool disposing)
        {
            // Every exit that did not submit (Ctrl+C, a terminating error) lands here: the request aborts its upload and
            // deletes what it staged, so no user IDs are left behind in S3 for a job that was never created.
            _request?.Dispose();
            _request = null;
            base.Dispose(disposing);
        }

        internal ErrorRecord ToErrorRecord(RequestProblem problem) => ToErrorRecord(problem.Exception, problem.Target, problem.ErrorId);

        private static KeyValuePair<string, string> ToTag(DictionaryEntry entry) => new KeyValuePair<string, string>(
            LanguagePrimitives.ConvertTo<string>(entry.Key) ?? string.Empty,
            entry.Value is null ? string.Empty : LanguagePrimitives.ConvertTo<string>(entry.Value) ?? string.Empty);

        /// <summary>The current record: piped strings, numbers, GUIDs and objects, or -UserId given by name.</summary>
        private void TakeRecord()
        {
            if (UserId is null)
            {
                if (_userIdBoundByName || MyInvocation.ExpectingInput)
                {
                    // A piped $null (or -UserId $null): not a user ID, and reported as one that was not submitted.
                    Request.AddUserId(CurrentTarget(), null);
                }

                return;
            }

            foreach (object? item in UserId)
            {
                object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
                if (value is null || (value is string && _userIdBoundByName))
                {
                    Request.AddUserId(CurrentTarget(), (string?)value);
                }
                else if (value is string text)
                {
                    // A piped s3:// string names data already in S3; -UserId given by name is always literal.
                    Request.AddText(CurrentTarget(), text);
                }
                else if (RequestIntake.NumberOrGuidText(value) is string number)
                {
                    Request.AddUserId(CurrentTarget(), number);
                }
                else
                {
                    // An object: read it the way ValueFromPipelineByPropertyName would have bound it.
                    using PipelineInput input = PipelineInput.Read(this, PSObject.AsPSObject(item), BoundOnCommandLine);
                    _connectionOverride = input.HasConnectionValues;
                    try
                    {
                        input.AddTo(Request, CurrentTarget(), value, ResolveLiteralFile, path => PipedPathProbe.NamesExistingItem(this, path));
                    }
                    finally
                    {
                        _connectionOverride = false;
                    }
                }
            }
        }

        /// <summary>
        /// -Path, -LiteralPath, -DataLocation and -BucketName/-Key, once per command, into the batch of the command
        /// line's target. Looking the target up only the first time matters: after a piped object with its own AWS
        /// values, looking it up again would end that object's batch on every record.
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

            DeletionTarget target = CurrentTarget();
            foreach (string file in (Path ?? Array.Empty<string>()).SelectMany(ResolveFiles))
            {
                Request.AddFile(target, file);
            }

            foreach (string path in LiteralPath ?? Array.Empty<string>())
            {
                Request.AddFile(target, ResolveLiteralFile(path));
            }

            foreach (string location in DataLocation ?? Array.Empty<string>())
            {
                Request.AddLocation(target, location);
            }

            if (BucketName is not null || Key is not null)
            {
                if (BucketName is null || Key is null)
                {
                    Stop(ErrorRecordFactory.Create(ErrorIds.InvalidS3Uri,
                        new ArgumentException("-BucketName and -Key name an S3 object together; give both (or pipe objects from Get-S3Object)."), BucketName ?? Key));
                }

                Request.AddLocation(target, "s3://" + BucketName + "/" + Key);
            }
        }

        /// <summary>
        /// The target of the parameters in force. Parameters bound by property name can change per pipeline object (e.g.
        /// a CSV with a DatasetGroupArn column); a new target starts a new batch of the request.
        /// </summary>
        private DeletionTarget CurrentTarget()
        {
            string connection = CurrentConnectionKey;
            if (_target is null || !_target.Matches(DatasetGroupArn, RoleArn, StagingUri, connection))
            {
                _target = new DeletionTarget(DatasetGroupArn, RoleArn, StagingUri, connection, Connect);
            }

            return _target;
        }

        /// <summary>The services of the parameters in force, once their target is found valid.</summary>
        private AwsDeletionServices Connect()
        {
            AwsSession session = GetSession();
            return new AwsDeletionServices(session, region => GetPersonalizeClient(region, session));
        }

        /// <summary>A terminating error of the cmdlet's own: the request takes back what it staged, naming what it could not.</summary>
        private void Stop(ErrorRecord record)
        {
            _request?.Abandon();
            ThrowTerminatingError(record);
        }

        private IEnumerable<string> ResolveFiles(string path) => UserIdFilePaths.Resolve(this, path, Stop);

        private string ResolveLiteralFile(string path) => UserIdFilePaths.ResolveLiteral(this, path, Stop);
    }
}
