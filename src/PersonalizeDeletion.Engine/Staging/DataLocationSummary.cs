namespace PersonalizeDeletion.Staging
{
    /// <summary>What a data location holds, as far as the deletion job will read it.</summary>
    internal sealed class DataLocationSummary
    {
        public DataLocationSummary(int csvObjects, long totalBytes, string? kmsEncryptedKey)
        {
            CsvObjects = csvObjects;
            TotalBytes = totalBytes;
            KmsEncryptedKey = kmsEncryptedKey;
        }

        public int CsvObjects { get; }

        public long TotalBytes { get; }

        /// <summary>A key under the location encrypted with a KMS key (the service cannot read it), if any.</summary>
        public string? KmsEncryptedKey { get; }
    }
}
