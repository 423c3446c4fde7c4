using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Staging
{
    /// <summary>What an object is created with (PutObject and CreateMultipartUpload).</summary>
    internal sealed class S3ObjectAttributes
    {
        /// <summary>
        /// SSE-S3. Personalize cannot read objects encrypted with a customer-managed KMS key, so staging
        /// never asks for KMS; this is the only value <see cref="AmazonS3StagingClient"/> accepts.
        /// </summary>
        public const string S3ManagedEncryption = "AES256";

        public const string CsvContentType = "text/csv; charset=utf-8";

        public S3ObjectAttributes(string contentType, string serverSideEncryption, IReadOnlyDictionary<string, string> metadata)
        {
            ContentType = contentType ?? throw new ArgumentNullException(nameof(contentType));
            ServerSideEncryption = serverSideEncryption ?? throw new ArgumentNullException(nameof(serverSideEncryption));
            Metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        }

        public string ContentType { get; }

        public string ServerSideEncryption { get; }

        /// <summary>User metadata, sent as x-amz-meta-* headers.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }
    }
}
