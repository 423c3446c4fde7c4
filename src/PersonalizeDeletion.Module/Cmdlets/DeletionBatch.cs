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

        public List<S3Location> Locations { get; } = new List<S3Location>();

        /// <summary>Each location (canonical URI) to what it held when it was checked: sizes and ETags, fingerprinted.</summary>
        public Dictionary<string, string> LocationContents { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

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
        /// On every exit that did not finish (Ctrl+C, a terminating error): aborts an unfinished upload and removes
        /// staged objects no job reads, so no user IDs are left in S3 for jobs that were never created.
        /// </summary>
        public void Dispose()
        {
            Intake?.Dispose();
            Uploader?.Dispose();
            Uploader = null;
            if (!Finished && S3.IsCreated)
            {
                foreach (StagedObject orphan in Staged.Where(item => !Used.Contains(item)))
                {
                    // Nothing can be reported once the pipeline has stopped; an object left behind stays for the
                    // caller's lifecycle rule.
                    S3.DeleteStagedQuietly(orphan, ExpectedBucketOwner, TimeSpan.FromSeconds(30));
                }
            }

            Finished = true;
            S3.Dispose();
        }
    }
}
