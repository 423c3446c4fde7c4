namespace PersonalizeDeletion.Staging
{
    /// <summary>One finished CSV object in S3: the data location of one deletion job.</summary>
    internal sealed class StagedObject
    {
        public StagedObject(string bucket, string key, long userCount, long bytes, string contentSha256, string? eTag)
        {
            Bucket = bucket;
            Key = key;
            UserCount = userCount;
            Bytes = bytes;
            ContentSha256 = contentSha256;
            ETag = eTag;
        }

        public string Bucket { get; }

        public string Key { get; }

        public string Uri => "s3://" + Bucket + "/" + Key;

        /// <summary>Rows after the header.</summary>
        public long UserCount { get; }

        /// <summary>Object size, header included.</summary>
        public long Bytes { get; }

        /// <summary>Lowercase hex SHA-256 of exactly the object's bytes.</summary>
        public string ContentSha256 { get; }

        public string? ETag { get; }
    }
}
