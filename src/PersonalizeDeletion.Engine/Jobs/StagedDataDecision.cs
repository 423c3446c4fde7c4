using System;
using System.Collections.Generic;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>Whether one staged CSV may be removed now, and why (or why not).</summary>
    internal sealed class StagedDataDecision
    {
        public StagedDataDecision(string uri, S3Location? location, IReadOnlyList<DataDeletionJob> readers, string? expectedBucketOwner, bool remove, string reason, Exception? failure = null)
        {
            Uri = uri;
            Location = location;
            Readers = readers;
            ExpectedBucketOwner = expectedBucketOwner;
            Remove = remove;
            Reason = reason;
            Failure = failure;
        }

        /// <summary>The data location as the jobs name it.</summary>
        public string Uri { get; }

        /// <summary>The parsed location; null when it is not an S3 URI.</summary>
        public S3Location? Location { get; }

        /// <summary>The jobs of this wait that read it.</summary>
        public IReadOnlyList<DataDeletionJob> Readers { get; }

        public string? ExpectedBucketOwner { get; }

        /// <summary>True: no job still needs it and every group it was staged for has a completed job that read it.</summary>
        public bool Remove { get; }

        /// <summary>Why it goes, or why it stays.</summary>
        public string Reason { get; }

        /// <summary>Set when S3 could not say what the object is; the object stays.</summary>
        public Exception? Failure { get; }

        /// <summary>The first reader's name, for messages.</summary>
        public string? JobName => Readers.Count > 0 ? Readers[0].JobName : null;
    }
}
