using System;

namespace PersonalizeDeletion.Staging
{
    /// <summary>Which object a staging request is about, and whose bucket it must be.</summary>
    internal sealed class S3ObjectAddress
    {
        public S3ObjectAddress(string bucket, string key, string? expectedBucketOwner)
        {
            Bucket = bucket ?? throw new ArgumentNullException(nameof(bucket));
            Key = key ?? throw new ArgumentNullException(nameof(key));
            ExpectedBucketOwner = expectedBucketOwner;
        }

        public string Bucket { get; }

        public string Key { get; }

        /// <summary>
        /// Sent as x-amz-expected-bucket-owner on every request, so that a bucket that changed hands
        /// (deleted and re-created by someone else) never receives the IDs.
        /// </summary>
        public string? ExpectedBucketOwner { get; }

        public string Uri => "s3://" + Bucket + "/" + Key;
    }
}
