using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>An open multipart upload: what CreateMultipartUpload declared and the parts received so far.</summary>
public sealed class S3MultipartUpload
{
    public required string Bucket { get; init; }

    public required string Key { get; init; }

    public required string UploadId { get; init; }

    public required DateTimeOffset Initiated { get; init; }

    public required string ContentType { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public required S3Encryption Encryption { get; init; }

    public string? ExpectedBucketOwner { get; init; }

    public string? ChecksumAlgorithm { get; init; }

    /// <summary>Parts by number; guarded by the store's lock (parts arrive in parallel).</summary>
    public Dictionary<int, S3UploadedPart> Parts { get; } = new();
}
