using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// The S3 calls staging makes. Failures are <see cref="S3RequestException"/> (after the client's
    /// retries) or <see cref="OperationCanceledException"/>. Content segments must not be modified
    /// or kept after the returned task completes: the uploader reuses their buffers.
    /// </summary>
    internal interface IS3StagingClient
    {
        /// <summary>Writes a whole object; returns its ETag.</summary>
        Task<string?> PutObjectAsync(S3ObjectAddress address, S3ObjectAttributes attributes, ArraySegment<byte> content, CancellationToken cancellationToken);

        /// <summary>Starts a multipart upload (CRC32 part checksums); returns the upload ID.</summary>
        Task<string> CreateMultipartUploadAsync(S3ObjectAddress address, S3ObjectAttributes attributes, CancellationToken cancellationToken);

        /// <summary>Sends one part of a multipart upload.</summary>
        Task<S3UploadedPart> UploadPartAsync(S3ObjectAddress address, string uploadId, int partNumber, ArraySegment<byte> content, CancellationToken cancellationToken);

        /// <summary>Assembles the parts (in part-number order) into the object; returns its ETag.</summary>
        Task<string?> CompleteMultipartUploadAsync(S3ObjectAddress address, string uploadId, IReadOnlyList<S3UploadedPart> parts, CancellationToken cancellationToken);

        Task AbortMultipartUploadAsync(S3ObjectAddress address, string uploadId, CancellationToken cancellationToken);

        Task DeleteObjectAsync(S3ObjectAddress address, CancellationToken cancellationToken);
    }
}
