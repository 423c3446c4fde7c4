namespace PersonalizeDeletion.Staging
{
    /// <summary>Why a data deletion job could not read one object of a data location; never quotes a user ID.</summary>
    internal sealed class DataLocationProblem
    {
        public DataLocationProblem(string bucket, string key, string reason, bool kmsEncrypted)
        {
            Bucket = bucket;
            Key = key;
            Reason = reason;
            KmsEncrypted = kmsEncrypted;
        }

        public string Bucket { get; }

        public string Key { get; }

        public string Uri => "s3://" + Bucket + "/" + Key;

        /// <summary>What is wrong with the object's first line (or that it is KMS-encrypted), as a clause.</summary>
        public string Reason { get; }

        /// <summary>The object is encrypted with a KMS key, which the service cannot read (rather than a bad header).</summary>
        public bool KmsEncrypted { get; }
    }
}
