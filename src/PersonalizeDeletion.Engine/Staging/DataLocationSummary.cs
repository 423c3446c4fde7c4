using System.Collections.Generic;

namespace PersonalizeDeletion.Staging
{
    /// <summary>What a data location holds, as far as the deletion job will read it.</summary>
    internal sealed class DataLocationSummary
    {
        public DataLocationSummary(IReadOnlyList<DataLocationObject> objects, long totalBytes, string? kmsEncryptedKey, string contentFingerprint)
        {
            Objects = objects;
            CsvObjects = objects.Count;
            TotalBytes = totalBytes;
            KmsEncryptedKey = kmsEncryptedKey;
            ContentFingerprint = contentFingerprint;
        }

        /// <summary>
        /// Stands for what the location holds now: the object's size and ETag, or for a folder a SHA-256 of every
        /// CSV key with its size and ETag. New data written to the same key or folder changes it.
        /// </summary>
        public string ContentFingerprint { get; }

        public int CsvObjects { get; }

        /// <summary>The CSV objects a job reads: the object itself, or every .csv under the folder.</summary>
        public IReadOnlyList<DataLocationObject> Objects { get; }

        public long TotalBytes { get; }

        /// <summary>A key under the location encrypted with a KMS key (the service cannot read it), if any.</summary>
        public string? KmsEncryptedKey { get; }
    }
}
