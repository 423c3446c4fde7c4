using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace PersonalizeDeletion.Staging
{
    /// <summary><see cref="IS3StagingClient"/> on AWSSDK.S3; retries are the SDK's own.</summary>
    internal sealed class AmazonS3StagingClient : IS3StagingClient
    {
        private readonly IAmazonS3 _s3;

        public AmazonS3StagingClient(IAmazonS3 s3)
        {
            _s3 = s3 ?? throw new ArgumentNullException(nameof(s3));
        }

        public async Task<string?> PutObjectAsync(S3ObjectAddress address, S3ObjectAttributes attributes, ArraySegment<byte> content, CancellationToken cancellationToken)
        {
            var request = new PutObjectRequest
            {
                BucketName = address.Bucket,
                Key = address.Key,
                ExpectedBucketOwner = address.ExpectedBucketOwner,
                ContentType = attributes.ContentType,
                ServerSideEncryptionMethod = ToEncryptionMethod(attributes.ServerSideEncryption),
                InputStream = OpenContent(content),
            };
            CopyMetadata(attributes, request.Metadata);
            PutObjectResponse response = await CallAsync(() => _s3.PutObjectAsync(request, cancellationToken)).ConfigureAwait(false);
            return response.ETag;
        }

        public async Task<string> CreateMultipartUploadAsync(S3ObjectAddress address, S3ObjectAttributes attributes, CancellationToken cancellationToken)
        {
            var request = new InitiateMultipartUploadRequest
            {
                BucketName = address.Bucket,
                Key = address.Key,
                ExpectedBucketOwner = address.ExpectedBucketOwner,
                ContentType = attributes.ContentType,
                ServerSideEncryptionMethod = ToEncryptionMethod(attributes.ServerSideEncryption),

                // Declared up front so that the checksum the SDK adds to each part matches what S3 expects
                // for the upload; a mismatch fails the parts or the completion.
                ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
            };
            CopyMetadata(attributes, request.Metadata);
            InitiateMultipartUploadResponse response = await CallAsync(() => _s3.InitiateMultipartUploadAsync(request, cancellationToken)).ConfigureAwait(false);
            return response.UploadId;
        }

        public async Task<S3UploadedPart> UploadPartAsync(S3ObjectAddress address, string uploadId, int partNumber, ArraySegment<byte> content, CancellationToken cancellationToken)
        {
            // UploadPart takes no SSE-S3 header: parts inherit the encryption the upload was created with.
            var request = new UploadPartRequest
            {
                BucketName = address.Bucket,
                Key = address.Key,
                ExpectedBucketOwner = address.ExpectedBucketOwner,
                UploadId = uploadId,
                PartNumber = partNumber,
                PartSize = content.Count,
                ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
                InputStream = OpenContent(content),
            };
            UploadPartResponse response = await CallAsync(() => _s3.UploadPartAsync(request, cancellationToken)).ConfigureAwait(false);
            return new S3UploadedPart(partNumber, response.ETag, response.ChecksumCRC32);
        }

        public async Task<string?> CompleteMultipartUploadAsync(S3ObjectAddress address, string uploadId, IReadOnlyList<S3UploadedPart> parts, CancellationToken cancellationToken)
        {
            var request = new CompleteMultipartUploadRequest
            {
                BucketName = address.Bucket,
                Key = address.Key,
                ExpectedBucketOwner = address.ExpectedBucketOwner,
                UploadId = uploadId,
                PartETags = new List<PartETag>(parts.Count),
            };
            foreach (S3UploadedPart part in parts)
            {
                request.PartETags.Add(new PartETag(part.PartNumber, part.ETag) { ChecksumCRC32 = part.ChecksumCrc32 });
            }

            CompleteMultipartUploadResponse response = await CallAsync(() => _s3.CompleteMultipartUploadAsync(request, cancellationToken)).ConfigureAwait(false);
            return response.ETag;
        }

        public Task AbortMultipartUploadAsync(S3ObjectAddress address, string uploadId, CancellationToken cancellationToken)
        {
            var request = new AbortMultipartUploadRequest
            {
                BucketName = address.Bucket,
                Key = address.Key,
                ExpectedBucketOwner = address.ExpectedBucketOwner,
                UploadId = uploadId,
            };
            return CallAsync(() => _s3.AbortMultipartUploadAsync(request, cancellationToken));
        }

        public Task DeleteObjectAsync(S3ObjectAddress address, CancellationToken cancellationToken)
        {
            var request = new DeleteObjectRequest
            {
                BucketName = address.Bucket,
                Key = address.Key,
                ExpectedBucketOwner = address.ExpectedBucketOwner,
            };
            return CallAsync(() => _s3.DeleteObjectAsync(request, cancellationToken));
        }

        // Seekable and over the caller's buffer without a copy, so the SDK can rewind it for a retry.
        private static MemoryStream OpenContent(ArraySegment<byte> content) =>
            new MemoryStream(content.Array!, content.Offset, content.Count, writable: false);

        private static ServerSideEncryptionMethod ToEncryptionMethod(string serverSideEncryption)
        {
            if (!string.Equals(serverSideEncryption, S3ObjectAttributes.S3ManagedEncryption, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    "Staged objects are encrypted with S3-managed keys (AES256) only: Personalize cannot read objects encrypted with a customer-managed KMS key.",
                    nameof(serverSideEncryption));
            }

            return ServerSideEncryptionMethod.AES256;
        }

        private static void CopyMetadata(S3ObjectAttributes attributes, MetadataCollection metadata)
        {
            foreach (KeyValuePair<string, string> entry in attributes.Metadata)
            {
                metadata.Add(entry.Key, entry.Value);
            }
        }

        private static async Task<T> CallAsync<T>(Func<Task<T>> call)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (AmazonServiceException ex)
            {
                throw new S3RequestException(ex.ErrorCode, (int)ex.StatusCode, ex.RequestId, ex.Message, ex);
            }
            catch (AmazonClientException ex)
            {
                throw new S3RequestException(null, null, null, ex.Message, ex);
            }
        }
    }
}
