using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Tests.Staging
{
    /// <summary>
    /// An S3 for the uploader tests: keeps objects and open multipart uploads in memory, records every
    /// call, and lets a test fail or hold a call.
    /// </summary>
    internal sealed class InMemoryS3StagingClient : IS3StagingClient
    {
        private readonly object _sync = new object();
        private readonly Dictionary<string, StoredObject> _objects = new Dictionary<string, StoredObject>();
        private readonly Dictionary<string, OpenUpload> _uploads = new Dictionary<string, OpenUpload>();
        private readonly List<Call> _calls = new List<Call>();
        private int _uploadsCreated;
        private int _partsInFlight;

        /// <summary>Runs at the start of every call; may throw or wait (honouring the token).</summary>
        public Func<Call, CancellationToken, Task>? OnCall { get; set; }

        /// <summary>Runs after an object is stored (PutObject or CompleteMultipartUpload), with its key.</summary>
        public Action<string>? OnStored { get; set; }

        public int MaxPartsInFlight { get; private set; }

        public IReadOnlyDictionary<string, StoredObject> Objects
        {
            get { lock (_sync) { return new Dictionary<string, StoredObject>(_objects); } }
        }

        public IReadOnlyCollection<string> OpenUploadKeys
        {
            get { lock (_sync) { return _uploads.Values.Select(u => u.Key).ToList(); } }
        }

        public IReadOnlyList<Call> Calls
        {
            get { lock (_sync) { return _calls.ToList(); } }
        }

        public async Task<string?> PutObjectAsync(S3ObjectAddress address, S3ObjectAttributes attributes, ArraySegment<byte> content, CancellationToken cancellationToken)
        {
            byte[] bytes = content.ToArray();
            await BeginAsync(new Call("PutObject", address, attributes, null, 0, bytes), cancellationToken);
            lock (_sync)
            {
                _objects[address.Key] = new StoredObject(bytes, attributes, address.ExpectedBucketOwner, 0);
            }

            OnStored?.Invoke(address.Key);

            return "\"etag-" + address.Key + "\"";
        }

        public async Task<string> CreateMultipartUploadAsync(S3ObjectAddress address, S3ObjectAttributes attributes, CancellationToken cancellationToken)
        {
            await BeginAsync(new Call("CreateMultipartUpload", address, attributes, null, 0, null), cancellationToken);
            lock (_sync)
            {
                string uploadId = "upload-" + (++_uploadsCreated);
                _uploads[uploadId] = new OpenUpload(address.Key, attributes);
                return uploadId;
            }
        }

        public async Task<S3UploadedPart> UploadPartAsync(S3ObjectAddress address, string uploadId, int partNumber, ArraySegment<byte> content, CancellationToken cancellationToken)
        {
            lock (_sync)
            {
                MaxPartsInFlight = Math.Max(MaxPartsInFlight, ++_partsInFlight);
            }

            try
            {
                byte[] bytes = content.ToArray();
                await BeginAsync(new Call("UploadPart", address, null, uploadId, partNumber, bytes), cancellationToken);
                lock (_sync)
                {
                    if (!_uploads.TryGetValue(uploadId, out OpenUpload? upload))
                    {
                        throw new S3RequestException("NoSuchUpload", 404, null, "The specified upload does not exist.");
                    }

                    upload.Parts[partNumber] = bytes;
                }

                return new S3UploadedPart(partNumber, "\"part-" + partNumber + "\"", "crc-" + partNumber);
            }
            finally
            {
                lock (_sync)
                {
                    _partsInFlight--;
                }
            }
        }

        public async Task<string?> CompleteMultipartUploadAsync(S3ObjectAddress address, string uploadId, IReadOnlyList<S3UploadedPart> parts, CancellationToken cancellationToken)
        {
            await BeginAsync(new Call("CompleteMultipartUpload", address, null, uploadId, parts.Count, null), cancellationToken);
            lock (_sync)
            {
                OpenUpload upload = _uploads[uploadId];
                if (!parts.Select(p => p.PartNumber).SequenceEqual(Enumerable.Range(1, upload.Parts.Count)))
                {
                    throw new S3RequestException("InvalidPartOrder", 400, null, "The list of parts was not in ascending order.");
                }

                if (parts.Any(p => p.ChecksumCrc32 != "crc-" + p.PartNumber || p.ETag != "\"part-" + p.PartNumber + "\""))
                {
                    throw new S3RequestException("InvalidPart", 400, null, "A part's ETag or checksum does not match.");
                }

                byte[] content = parts.SelectMany(p => upload.Parts[p.PartNumber]).ToArray();
                _objects[address.Key] = new StoredObject(content, upload.Attributes, address.ExpectedBucketOwner, parts.Count);
                _uploads.Remove(uploadId);
            }

            OnStored?.Invoke(address.Key);

            return "\"etag-" + address.Key + "\"";
        }

        public async Task AbortMultipartUploadAsync(S3ObjectAddress address, string uploadId, CancellationToken cancellationToken)
        {
            await BeginAsync(new Call("AbortMultipartUpload", address, null, uploadId, 0, null), cancellationToken);
            lock (_sync)
            {
                if (!_uploads.Remove(uploadId))
                {
                    throw new S3RequestException("NoSuchUpload", 404, null, "The specified upload does not exist.");
                }
            }
        }

        public async Task DeleteObjectAsync(S3ObjectAddress address, CancellationToken cancellationToken)
        {
            await BeginAsync(new Call("DeleteObject", address, null, null, 0, null), cancellationToken);
            lock (_sync)
            {
                _objects.Remove(address.Key);
            }
        }

        private async Task BeginAsync(Call call, CancellationToken cancellationToken)
        {
            lock (_sync)
            {
                _calls.Add(call);
            }

            if (OnCall is not null)
            {
                await OnCall(call, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        internal sealed class Call
        {
            public Call(string operation, S3ObjectAddress address, S3ObjectAttributes? attributes, string? uploadId, int partNumber, byte[]? content)
            {
                Operation = operation;
                Address = address;
                Attributes = attributes;
                UploadId = uploadId;
                PartNumber = partNumber;
                Content = content;
            }

            public string Operation { get; }

            public S3ObjectAddress Address { get; }

            public S3ObjectAttributes? Attributes { get; }

            public string? UploadId { get; }

            /// <summary>The part number for UploadPart, the number of parts for CompleteMultipartUpload.</summary>
            public int PartNumber { get; }

            /// <summary>What was sent (PutObject and UploadPart).</summary>
            public byte[]? Content { get; }
        }

        internal sealed class StoredObject
        {
            public StoredObject(byte[] content, S3ObjectAttributes attributes, string? expectedBucketOwner, int partCount)
            {
                Content = content;
                Attributes = attributes;
                ExpectedBucketOwner = expectedBucketOwner;
                PartCount = partCount;
            }

            public byte[] Content { get; }

            public S3ObjectAttributes Attributes { get; }

            public string? ExpectedBucketOwner { get; }

            /// <summary>0 for a PutObject.</summary>
            public int PartCount { get; }
        }

        private sealed class OpenUpload
        {
            public OpenUpload(string key, S3ObjectAttributes attributes)
            {
                Key = key;
                Attributes = attributes;
            }

            public string Key { get; }

            public S3ObjectAttributes Attributes { get; }

            public Dictionary<int, byte[]> Parts { get; } = new Dictionary<int, byte[]>();
        }
    }
}
