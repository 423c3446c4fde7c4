using System;

namespace PersonalizeDeletion.Staging
{
    /// <summary>What CompleteMultipartUpload needs to know about one uploaded part.</summary>
    internal sealed class S3UploadedPart
    {
        public S3UploadedPart(int partNumber, string eTag, string? checksumCrc32)
        {
            PartNumber = partNumber;
            ETag = eTag ?? throw new ArgumentNullException(nameof(eTag));
            ChecksumCrc32 = checksumCrc32;
        }

        public int PartNumber { get; }

        public string ETag { get; }

        /// <summary>
        /// The part's base64 CRC32 as S3 acknowledged it. Uploads are created with the CRC32 checksum
        /// algorithm, and S3 then requires every part's checksum in the completion request.
        /// </summary>
        public string? ChecksumCrc32 { get; }
    }
}
