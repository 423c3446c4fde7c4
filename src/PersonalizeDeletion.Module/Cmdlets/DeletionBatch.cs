using System;
using System.Collections.Generic;
using System.Linq;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// The input of New-PDataDeletionJob that goes to one set of dataset groups with one role and staging place:
    /// the user IDs being staged and the data locations given as is.
    /// </summary>
    internal sealed class DeletionBatch : IDisposable
    {
        private readonly string[] _datasetGroupArns;
        private readonly string _roleArn;
        private readonly string? _stagingUri;
        private readonly string _connectionKey;

        public DeletionBatch(string[] datasetGroupArns, string roleArn, string? stagingUri, string connectionKey, AwsSession session, IReadOnlyList<PersonalizeArn> groups, S3Location? staging, string expectedBucketOwner)
        {
            _datasetGroupArns = datasetGroupArns;
            _roleArn = roleArn;
            _stagingUri = stagingUri;
            _connectionKey = connectionKey;
            Session = session;
            Groups = groups;
            Staging = staging;
            ExpectedBucketOwner = expectedBucketOwner;
            S3 = new LazyS3Client(() => Session);
        }

        /// <summary>The credentials and region the batch was started with; its calls keep using them.</summary>
        public AwsSession Session { get; }

        public IReadOnlyList<PersonalizeArn> Groups { get; }

        /// <summary>Dataset group ARN to its name, filled when the groups were checked.</summary>
        public Dictionary<string, string> GroupNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public bool GroupsChecked { get; set; }

        public S3Location? Staging { get; }

        public string ExpectedBucketOwner { get; }

        /// <summary>Set at the first user ID.</summary>
        public UserIdIntake? Intake { get; set; }

        /// <summary>Null until the first user ID, and always under -WhatIf.</summary>
        public S3StagingUploader? Uploader { get; set; }

        /// <summary>The caller's data locations, each with what it held when it was checked (sizes and ETags, fingerprinted).</summary>
        public List<(S3Location Location, string Content)> Locations { get; } = new List<(S3Location Location, string Content)>();

        /// <summary>The batch's S3 client, created at the first S3 call.</summary>
        public LazyS3Client S3 { get; }

        public bool Matches(string[] datasetGroupArns, string roleArn, string? stagingUri, string connectionKey)
        {
            // The same array instance is the common case (bound once on the command line): check it first.
            return (ReferenceEquals(datasetGroupArns, _datasetGroupArns) || datasetGroupArns.SequenceEqual(_datasetGroupArns, StringComparer.Ordinal))
                && string.Equals(roleArn, _roleArn, StringComparison.Ordinal)
                && string.Equals(stagingUri, _stagingUri, StringComparison.Ordinal)
                && string.Equals(connectionKey, _connectionKey, StringComparison.Ordinal);
        }

        /// <summary>What the upload staged, once it completed.</summary>
        public IReadOnlyList<StagedObject> Staged { get; set; } = Array.Empty<StagedObject>();

        /// <summary>Staged objects a created (or earlier identical) job reads, or may read (a Create without an answer): never removed.</summary>
        public HashSet<StagedObject> Used { get; } = new HashSet<StagedObject>();

        /// <summary>Set when every job of the batch was submitted and unused staged data was removed.</summary>
        public bool Finished { get; set; }

        /// <summary>
        /// On an exit that did not finish (a terminating error, Ctrl+C): aborts an unfinished upload and removes the
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

            if (S3.IsCreated)
            {
                foreach (StagedObject orphan in Staged.Where(item => !Used.Contains(item)))
                {
                    if (!S3.TryDeleteStaged(orphan, ExpectedBucketOwner, TimeSpan.FromSeconds(30)))
                    {
                        leftovers.Add(orphan.Uri);
                    }
                }
            }

            return leftovers;
        }

        public void Dispose()
        {
            Intake?.Dispose();

            // Once the pipeline has stopped nothing can be reported: what could not be taken back stays unsaid.
            TakeBack();
            Uploader?.Dispose();
            Uploader = null;
            S3.Dispose();
        }
    }
}
