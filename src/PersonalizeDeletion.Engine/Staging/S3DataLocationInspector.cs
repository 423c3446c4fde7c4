using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PersonalizeDeletion.Requests;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// Read-only S3 questions the module asks before it creates anything: does a caller's data location exist and
    /// fit the service's limits, is an object one this module staged, and does it hold the same data as ours.
    /// Deleting is limited to objects carrying the module's staging metadata.
    /// </summary>
    internal sealed class S3DataLocationInspector : IDataLocationInspector
    {
        internal const string StagedByMetadataKey = "staged-by";
        internal const string StagedByMetadataValue = "PersonalizeDeletion";

        /// <summary>The dataset groups whose jobs read a staged object, space-separated (ARNs are ASCII, no spaces).</summary>
        internal const string DatasetGroupsMetadataKey = "dataset-groups";

        // Ranged GETs in flight at once while a folder's objects are checked.
        private const int ReadsAtOnce = 8;

        private static readonly char[] GroupSeparator = { ' ' };

        private readonly IAmazonS3 _s3;
        private readonly string? _expectedBucketOwner;

        public S3DataLocationInspector(IAmazonS3 s3, string? expectedBucketOwner)
        {
            _s3 = s3;
            _expectedBucketOwner = expectedBucketOwner;
        }

        /// <summary>Null when nothing is there (no such key, or no .csv under the folder).</summary>
        public async Task<DataLocationSummary?> SummarizeAsync(S3Location location, CancellationToken cancellationToken)
        {
            if (!location.IsFolder)
            {
                GetObjectMetadataResponse? head = await HeadAsync(location.Bucket, location.Key, cancellationToken).ConfigureAwait(false);
                return head is null ? null : new DataLocationSummary(new[] { new DataLocationObject(location.Key, head.ContentLength) }, head.ContentLength, IsKms(head.ServerSideEncryptionMethod) ? location.Key : null, ObjectFingerprint(head.ContentLength, head.ETag));
            }

            // A listing does not say how objects are encrypted: CheckObjectsAsync learns it from each object's GET.
            long bytes = 0;
            var csvObjects = new List<DataLocationObject>();
            var objects = new List<string>();
            var request = new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Key, ExpectedBucketOwner = _expectedBucketOwner };
            do
            {
                ListObjectsV2Response page = await Call(() => _s3.ListObjectsV2Async(request, cancellationToken), "ListObjectsV2", location.Bucket, location.Key).ConfigureAwait(false);
                foreach (S3Object item in page.S3Objects ?? new List<S3Object>())
                {
                    if (item.Key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    {
                        csvObjects.Add(new DataLocationObject(item.Key, item.Size ?? 0));
                        bytes += item.Size ?? 0;
                        objects.Add(item.Key + "\t" + ObjectFingerprint(item.Size ?? 0, item.ETag));
                    }
                }

                request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (request.ContinuationToken is not null);

            if (csvObjects.Count == 0)
            {
                return null;
            }

            objects.Sort(StringComparer.Ordinal);
            using var sha = System.Security.Cryptography.SHA256.Create();
            byte[] digest = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", objects)));
            csvObjects.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return new DataLocationSummary(csvObjects, bytes, null, "folder " + BitConverter.ToString(digest).Replace("-", string.Empty).ToLowerInvariant());
        }

        /// <summary>
        /// Ranged GETs of each object's first <see cref="DataLocationHeader.BytesRead"/> bytes, a few at a time; an
        /// answer also says how the object is encrypted, which a folder's listing does not.
        /// </summary>
        public async Task<DataLocationProblem?> CheckObjectsAsync(string bucket, IReadOnlyList<DataLocationObject> objects, CancellationToken cancellationToken)
        {
            for (int first = 0; first < objects.Count; first += ReadsAtOnce)
            {
                Task<DataLocationProblem?>[] reads = objects.Skip(first).Take(ReadsAtOnce).Select(item => CheckObjectAsync(bucket, item, cancellationToken)).ToArray();
                foreach (DataLocationProblem? problem in await Task.WhenAll(reads).ConfigureAwait(false))
                {
                    if (problem is not null)
                    {
                        return problem;
                    }
                }
            }

            return null;
        }

        private async Task<DataLocationProblem?> CheckObjectAsync(string bucket, DataLocationObject item, CancellationToken cancellationToken)
        {
            if (item.Size == 0)
            {
                // A range of an empty object is not satisfiable (416): there is nothing to read.
                return new DataLocationProblem(bucket, item.Key, DataLocationHeader.Problem(ReadOnlySpan<byte>.Empty, 0)!, kmsEncrypted: false);
            }

            var request = new GetObjectRequest
            {
                BucketName = bucket,
                Key = item.Key,
                ExpectedBucketOwner = _expectedBucketOwner,
                ByteRange = new ByteRange(0, Math.Min(item.Size, DataLocationHeader.BytesRead) - 1),
            };
            using GetObjectResponse response = await Call(() => _s3.GetObjectAsync(request, cancellationToken), "GetObject", bucket, item.Key).ConfigureAwait(false);
            if (IsKms(response.ServerSideEncryptionMethod))
            {
                return new DataLocationProblem(bucket, item.Key, "it is encrypted with a KMS key", kmsEncrypted: true);
            }

            byte[] start = new byte[DataLocationHeader.BytesRead];
            int read = 0;
            int count;
            while (read < start.Length && (count = await response.ResponseStream.ReadAsync(start, read, start.Length - read, cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += count;
            }

            string? reason = DataLocationHeader.Problem(new ReadOnlySpan<byte>(start, 0, read), item.Size);
            return reason is null ? null : new DataLocationProblem(bucket, item.Key, reason, kmsEncrypted: false);
        }

        private static string ObjectFingerprint(long size, string? etag) => size.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (Unquote(etag) ?? "-");

        /// <summary>
        /// The dataset groups recorded on an object this module staged (empty when none were recorded); null when
        /// the object does not exist or was not staged by this module.
        /// </summary>
        public async Task<IReadOnlyList<string>?> GetStagedForDatasetGroupsAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            GetObjectMetadataResponse? head = await HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            if (head is null || !string.Equals(head.Metadata[StagedByMetadataKey], StagedByMetadataValue, StringComparison.Ordinal))
            {
                return null;
            }

            string? groups = head.Metadata[DatasetGroupsMetadataKey];
            return string.IsNullOrEmpty(groups) ? Array.Empty<string>() : groups!.Split(GroupSeparator, StringSplitOptions.RemoveEmptyEntries);
        }

        /// <summary>
        /// Whether <paramref name="location"/> holds exactly the bytes of <paramref name="staged"/>: same size and
        /// same ETag. Our part size is fixed, so equal content gives equal (multipart) ETags.
        /// </summary>
        public async Task<bool> HoldsSameDataAsync(string location, StagedObject staged, CancellationToken cancellationToken)
        {
            if (!S3Location.TryParse(location, out S3Location? parsed, out _) || parsed!.IsFolder || staged.ETag is null)
            {
                return false;
            }

            GetObjectMetadataResponse? head = await HeadAsync(parsed.Bucket, parsed.Key, cancellationToken).ConfigureAwait(false);
            return head is not null && head.ContentLength == staged.Bytes && string.Equals(Unquote(head.ETag), Unquote(staged.ETag), StringComparison.Ordinal);
        }

        public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken) =>
            Call(() => _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key, ExpectedBucketOwner = _expectedBucketOwner }, cancellationToken), "DeleteObject", bucket, key);

        private async Task<GetObjectMetadataResponse?> HeadAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            try
            {
                return await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key, ExpectedBucketOwner = _expectedBucketOwner }, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception notFound) when (notFound.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            catch (AmazonS3Exception failure)
            {
                throw new S3RequestException(failure.ErrorCode, (int)failure.StatusCode, failure.RequestId, $"HeadObject s3://{bucket}/{key} failed: {failure.Message}", failure);
            }
        }

        private static async Task<T> Call<T>(Func<Task<T>> call, string operation, string bucket, string key)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (AmazonS3Exception failure)
            {
                throw new S3RequestException(failure.ErrorCode, (int)failure.StatusCode, failure.RequestId, $"{operation} s3://{bucket}/{key} failed: {failure.Message}", failure);
            }
        }

        private static bool IsKms(ServerSideEncryptionMethod? method)
        {
            string? encryption = method?.Value;
            return encryption is not null && encryption.StartsWith("aws:kms", StringComparison.Ordinal);
        }

        private static string? Unquote(string? etag) => etag?.Trim('"');
    }
}
