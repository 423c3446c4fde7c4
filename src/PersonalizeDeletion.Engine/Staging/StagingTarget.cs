using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Staging
{
    /// <summary>Where and how <see cref="S3StagingUploader"/> writes the user ID objects.</summary>
    internal sealed class StagingTarget
    {
        /// <summary>The service reads at most 50 MB per deletion job, header included.</summary>
        public const long DefaultMaxBytesPerObject = 50_000_000;

        /// <summary>S3's minimum size for every part but the last.</summary>
        public const int MinPartSize = 5 * 1024 * 1024;

        public const int DefaultPartSize = 8 * 1024 * 1024;

        public StagingTarget(string bucket, string keyBase)
        {
            Bucket = bucket ?? throw new ArgumentNullException(nameof(bucket));
            KeyBase = keyBase ?? throw new ArgumentNullException(nameof(keyBase));
        }

        public string Bucket { get; }

        /// <summary>Objects are named KeyBase + "-001.csv", "-002.csv", ...; the caller makes it unique.</summary>
        public string KeyBase { get; }

        /// <summary>The bucket owner's account ID, checked by S3 on every request when set.</summary>
        public string? ExpectedBucketOwner { get; set; }

        public long MaxBytesPerObject { get; set; } = DefaultMaxBytesPerObject;

        public long? MaxUsersPerObject { get; set; }

        /// <summary>Multipart part size; also the threshold below which an object is sent with one PutObject.</summary>
        public int PartSize { get; set; } = DefaultPartSize;

        /// <summary>User metadata on every object (for example staged-by and the module version).</summary>
        public IDictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The key of the object with the given 1-based number.</summary>
        public string GetObjectKey(int objectNumber) =>
            KeyBase + "-" + objectNumber.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + ".csv";
    }
}
