using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// The part of a request that goes to one <see cref="DeletionTarget"/>: its plan (dataset groups, role, staging
    /// folder), the user IDs it stages and the data locations it was given as they are, and what it must take back
    /// when it does not finish.
    /// </summary>
    internal sealed class DeletionBatch : IDisposable
    {
        // S3 allows 2 KB of user metadata; beyond this the groups are not recorded and -RemoveStagedData keeps the file.
        private const int MaxGroupsMetadataLength = 1500;

        private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan TakeBackTimeout = TimeSpan.FromSeconds(30);

        private readonly RequestContext _context;
        private readonly Dictionary<string, string> _groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
        private bool _groupsChecked;
        private bool _progressEnded;

        private DeletionBatch(RequestContext context, DeletionTarget target, IReadOnlyList<PersonalizeArn> groups, S3Location? staging, IDeletionServices services)
        {
            _context = context;
            Target = target;
            Groups = groups;
            Staging = staging;
            Services = services;
            ExpectedBucketOwner = context.Options.ExpectedBucketOwner ?? groups[0].Account;
        }

        public DeletionTarget Target { get; }

        public IReadOnlyList<PersonalizeArn> Groups { get; }

        /// <summary>The staging folder; null when the target has none (then only data locations can be submitted).</summary>
        public S3Location? Staging { get; }

        public IDeletionServices Services { get; }

        public string ExpectedBucketOwner { get; }

        /// <summary>Set at the first user ID.</summary>
        public UserIdIntake? Intake { get; private set; }

        /// <summary>Null until the first user ID, after the staging completed, and always under -WhatIf.</summary>
        public S3StagingUploader? Uploader { get; private set; }

        /// <summary>The caller's data locations, each with what it held when it was checked (sizes and ETags, fingerprinted).</summary>
        public List<(S3Location Location, string Content)> Locations { get; } = new List<(S3Location Location, string Content)>();

        /// <summary>What the upload staged, once it completed.</summary>
        public IReadOnlyList<StagedObject> Staged { get; private set; } = Array.Empty<StagedObject>();

        /// <summary>Staged objects a created (or earlier identical) job reads, or may read (a Create without an answer): never removed.</summary>
        public HashSet<StagedObject> Used { get; } = new HashSet<StagedObject>();

        /// <summary>Set when every job of the batch was submitted and unused staged data was removed.</summary>
        public bool Finished { get; set; }

        /// <summary>
        /// Plans the batch of a target: its dataset group and role ARNs and its staging folder must be well formed
        /// before anything is called; then the target's connection is resolved.
        /// </summary>
        public static DeletionBatch Plan(RequestContext context, DeletionTarget target)
        {
            var groups = new List<PersonalizeArn>();
            foreach (string text in target.DatasetGroupArns)
            {
                if (!PersonalizeArn.TryParse(text, PersonalizeArn.DatasetGroupResourceType, out PersonalizeArn? arn))
                {
                    throw new DeletionRequestException(ErrorIds.InvalidDatasetGroupArn, NotADatasetGroupArn(text), text);
                }

                if (!groups.Any(known => known.Text == arn!.Text))
                {
                    groups.Add(arn!);
                }
            }

            if (!PersonalizeArn.IsRoleArn(target.RoleArn))
            {
                throw new DeletionRequestException(ErrorIds.InvalidRoleArn,
                    new ArgumentException($"'{target.RoleArn}' is not an IAM role ARN. Expected arn:aws:iam::<account>:role/<name>."), target.RoleArn);
            }

            S3Location? staging = target.StagingUri is string uri ? StagingFolder.Parse(uri) : null;
            return new DeletionBatch(context, target, groups, staging, target.Connect());
        }

        /// <summary>The message of InvalidDatasetGroupArn, for every command that takes dataset group ARNs.</summary>
        internal static ArgumentException NotADatasetGroupArn(string? text) =>
            new ArgumentException($"'{text}' is not a dataset group ARN. Expected arn:aws:personalize:<region>:<account>:dataset-group/<name>.");

        /// <summary>The name a dataset group was found under (its ARN's name until the groups were checked).</summary>
        public string GroupName(PersonalizeArn group) => _groupNames.TryGetValue(group.Text, out string? name) ? name : group.Name;

        /// <summary>How the confirmation and -WhatIf name a dataset group.</summary>
        public string Describe(PersonalizeArn group) => $"dataset group {GroupName(group)} ({group.Text})";

        /// <summary>
        /// The plan's check against the service before anything is staged or created: every dataset group exists
        /// and is ACTIVE. Done once per batch.
        /// </summary>
        public void CheckDatasetGroups()
        {
            if (_groupsChecked)
            {
                return;
            }

            foreach (PersonalizeArn group in Groups)
            {
                IPersonalizeClient client = Services.Personalize(group.Region);
                DatasetGroupInfo info;
                try
                {
                    info = _context.Run(token => client.DescribeDatasetGroupAsync(group.Text, token));
                }
                catch (ResourceNotFoundException notFound)
                {
                    throw new DeletionRequestException(ErrorIds.DatasetGroupNotFound,
                        new InvalidOperationException($"Dataset group '{group.Text}' does not exist in {group.Region}.", notFound), group.Text);
                }
                catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
                {
                    throw new DeletionRequestException(new RequestProblem(null, failure, group.Text));
                }

                if (!string.Equals(info.Status, "ACTIVE", StringComparison.Ordinal))
                {
                    throw new DeletionRequestException(ErrorIds.DatasetGroupNotActive,
                        new InvalidOperationException($"Dataset group '{info.Name ?? group.Name}' is {info.Status ?? "in an unknown state"}; data deletion jobs need an ACTIVE dataset group."), group.Text);
                }

                _groupNames[group.Text] = info.Name ?? group.Name;
            }

            _groupsChecked = true;
        }

        /// <summary>At the first user ID: check the plan, then open the upload (under -WhatIf, only count).</summary>
        public UserIdIntake OpenStaging(string firstInput)
        {
            if (Staging is null)
            {
                throw new DeletionRequestException(ErrorIds.StagingUriRequired,
                    new ArgumentException("User IDs and local files are staged in S3 before the job reads them: give -StagingUri s3://<bucket>/<prefix>/ (a bucket in your account that the job's role can read)."),
                    firstInput);
            }

            CheckDatasetGroups();
            if (_context.Options.WhatIf)
            {
                Intake = new UserIdIntake(null);
                return Intake;
            }

            string keyBase = Staging.Key + "pdel-" + _context.Clock.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("n").Substring(0, 8);
            int maxUsers = _context.Options.MaxUsersPerJob;
            var target = new StagingTarget(Staging.Bucket, keyBase)
            {
                ExpectedBucketOwner = ExpectedBucketOwner,
                MaxUsersPerObject = maxUsers > 0 ? maxUsers : (long?)null,

                // The smallest part S3 takes: the upload holds at most three part buffers, so this bounds the
                // module's memory for any number of IDs (and fixes the part size, which keeps ETags comparable).
                PartSize = StagingTarget.MinPartSize,
            };
            target.Metadata[S3DataLocationInspector.StagedByMetadataKey] = S3DataLocationInspector.StagedByMetadataValue;
            string groups = string.Join(" ", Groups.Select(group => group.Text));
            if (groups.Length <= MaxGroupsMetadataLength)
            {
                // Lets Wait-PDataDeletionJob -RemoveStagedData keep the file until every group's job has read it.
                target.Metadata[S3DataLocationInspector.DatasetGroupsMetadataKey] = groups;
            }

            target.Metadata["module-version"] = _context.Options.ModuleVersion;

            _context.Reporter.Verbose($"Staging user IDs under s3://{target.Bucket}/{target.KeyBase}-NNN.csv (SSE-S3, expected bucket owner {ExpectedBucketOwner}).");
            S3StagingUploader uploader = new S3StagingUploader(Services.Staging(), target, _context.Cancellation);
            Uploader = uploader;
            Intake = new UserIdIntake(uploader.Add);
            return Intake;
        }

        /// <summary>A caller's data location: it must exist, be readable by a job, and fit one job (50 MB).</summary>
        public void AddLocation(string text)
        {
            if (!S3Location.TryParse(text, out S3Location? location, out string? error))
            {
                throw new DeletionRequestException(ErrorIds.InvalidS3Uri, new ArgumentException($"'{text}' is not a valid S3 data location: {error}"), text);
            }

            string canonical = location!.ToString();
            if (Locations.Any(known => known.Location.ToString() == canonical))
            {
                return;
            }

            CheckDatasetGroups();
            IDataLocationInspector inspector = Services.Inspector(ExpectedBucketOwner);
            DataLocationSummary? summary = Read(canonical, token => inspector.SummarizeAsync(location, token));

            if (summary is null)
            {
                throw new DeletionRequestException(ErrorIds.DataLocationNotFound,
                    new InvalidOperationException(location.IsFolder ? $"No .csv object exists under {canonical}." : $"{canonical} does not exist."), canonical);
            }

            if (summary.KmsEncryptedKey is not null)
            {
                throw new DeletionRequestException(ErrorIds.DataLocationKmsEncrypted,
                    new InvalidOperationException($"{canonical} is encrypted with a KMS key; Personalize data deletion jobs can only read SSE-S3 objects. Copy it with SSE-S3 or pipe the IDs in instead."), canonical);
            }

            if (summary.TotalBytes > StagingTarget.DefaultMaxBytesPerObject)
            {
                throw new DeletionRequestException(ErrorIds.DataLocationTooLarge,
                    new InvalidOperationException($"{canonical} holds {summary.TotalBytes:N0} bytes; a data deletion job reads at most 50 MB. Pipe the IDs (or the files) in instead, and the module splits them."), canonical);
            }

            // The service fails a job whose CSV does not start with the header USER_ID, after it was created: read
            // each object's first bytes now, while nothing exists yet.
            DataLocationProblem? problem = Read(canonical, token => inspector.CheckObjectsAsync(location.Bucket, summary.Objects, token));
            if (problem is { KmsEncrypted: true })
            {
                throw new DeletionRequestException(ErrorIds.DataLocationKmsEncrypted,
                    new InvalidOperationException($"{problem.Uri} is encrypted with a KMS key; Personalize data deletion jobs can only read SSE-S3 objects. Copy it with SSE-S3 or pipe the IDs in instead."), canonical);
            }

            if (problem is not null)
            {
                string within = location.IsFolder ? $" (under {canonical})" : string.Empty;
                throw new DeletionRequestException(ErrorIds.DataLocationHeaderInvalid,
                    new InvalidOperationException($"A data deletion job cannot read {problem.Uri}{within}: {problem.Reason}. Write it with the header USER_ID alone on its first line, or let the module stage a correct copy: give the file to -Path (it reads a USER_ID column in any case, among other columns), or pipe its rows in from Import-Csv."), canonical);
            }

            _context.Reporter.Verbose($"Data location {canonical}: {summary.CsvObjects} CSV object(s), {summary.TotalBytes:N0} bytes, each starting with the header USER_ID.");
            Locations.Add((location, summary.ContentFingerprint));
        }

        /// <summary>An S3 read about a data location; its failure is DataLocationUnreadable (a Ctrl+C goes on as it is).</summary>
        private T Read<T>(string canonical, Func<CancellationToken, Task<T>> call)
        {
            try
            {
                return _context.Run(call);
            }
            catch (Exception failure) when (!(failure is OperationCanceledException && _context.Cancellation.IsCancellationRequested))
            {
                throw new DeletionRequestException(ErrorIds.DataLocationUnreadable,
                    new InvalidOperationException($"Could not read data location {canonical}: {failure.Message}", failure), canonical);
            }
        }

        /// <summary>
        /// The batch's input is all in: its upload is completed and its de-duplication memory and part buffers given
        /// back (the counts stay readable). Nothing is submitted yet.
        /// </summary>
        public void CompleteStaging()
        {
            try
            {
                if (Uploader is { } uploader)
                {
                    Staged = FinishUpload(uploader);
                    uploader.Dispose();
                    Uploader = null;
                }
            }
            finally
            {
                // The staging bar is gone before any question is asked (the confirmation, -WhatIf's lines).
                EndProgress();
            }

            Intake?.Dispose();
        }

        /// <summary>Completes the staging progress bar, once, if the batch showed one (it did from its first user ID).</summary>
        public void EndProgress()
        {
            if (Intake is not null && !_progressEnded && !_context.Cancellation.IsCancellationRequested)
            {
                _progressEnded = true;
                _context.Reporter.ProgressDone(RequestPhase.Staging);
            }
        }

        /// <summary>
        /// On an exit that did not finish (a terminating problem, Ctrl+C): aborts an unfinished upload and removes the
        /// staged objects no job reads, so no user IDs are left in S3 for jobs that were never created. Returns what
        /// S3 would not let go (it stays for the bucket's lifecycle rule). Does nothing once the batch is finished.
        /// </summary>
        public IReadOnlyList<string> TakeBack()
        {
            var leftovers = new List<string>();
            if (Finished)
            {
                return leftovers;
            }

            Finished = true;
            if (Uploader is { } uploader)
            {
                uploader.AbortAsync().GetAwaiter().GetResult();
                leftovers.AddRange(uploader.Leftovers);
            }

            foreach (StagedObject orphan in Staged.Where(item => !Used.Contains(item)))
            {
                if (!TryDelete(orphan))
                {
                    leftovers.Add(orphan.Uri);
                }
            }

            return leftovers;
        }

        public void Dispose()
        {
            Intake?.Dispose();

            // Whoever ends a request without finishing it has had the chance to report what TakeBack leaves.
            TakeBack();
            Uploader?.Dispose();
            Uploader = null;
            Services.Dispose();
        }

        private IReadOnlyList<StagedObject> FinishUpload(S3StagingUploader uploader)
        {
            Task<IReadOnlyList<StagedObject>> completing = uploader.CompleteAsync(_context.Cancellation);
            while (Task.WaitAny(new Task[] { completing }, ProgressEvery) < 0)
            {
                long uploaded = uploader.BytesUploaded;
                _context.Reporter.Progress(RequestPhase.Staging, uploaded > 0
                    ? $"Finishing the upload: {uploaded:N0} of {uploader.BytesWritten:N0} bytes uploaded"
                    : $"Uploading {uploader.BytesWritten:N0} bytes");
            }

            IReadOnlyList<StagedObject> staged = completing.GetAwaiter().GetResult();
            foreach (StagedObject item in staged)
            {
                _context.Reporter.Verbose($"Staged {item.UserCount} user ID(s) in {item.Uri} ({item.Bytes:N0} bytes).");
            }

            return staged;
        }

        /// <summary>Best effort: false, never an exception, when S3 refuses, the network fails or the time runs out.</summary>
        private bool TryDelete(StagedObject staged)
        {
            using var deadline = new CancellationTokenSource(TakeBackTimeout);
            try
            {
                Services.Inspector(ExpectedBucketOwner).DeleteAsync(staged.Bucket, staged.Key, deadline.Token).GetAwaiter().GetResult();
                return true;
            }
            catch (Exception failure) when (!(failure is OutOfMemoryException))
            {
                return false;
            }
        }
    }
}
