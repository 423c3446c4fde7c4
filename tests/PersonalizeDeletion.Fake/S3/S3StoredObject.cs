using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>An object in a fake bucket. Immutable: a new write replaces the whole record, so readers need no lock on the bytes.</summary>
public sealed record S3StoredObject
{
    public required string Bucket { get; init; }

    public required string Key { get; init; }

    public required byte[] Data { get; init; }

    public required string ContentType { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>The ETag as S3 returns it, quoted: MD5 hex, or md5-of-md5s-N for multipart objects.</summary>
    public required string ETag { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    public S3Encryption Encryption { get; init; } = S3Encryption.Default;

    /// <summary>The x-amz-expected-bucket-owner header seen on the writing request.</summary>
    public string? ExpectedBucketOwner { get; init; }

    /// <summary>The full-object checksum (algorithm, base64), when the writer sent one.</summary>
    public (string Algorithm, string Value)? Checksum { get; init; }

    /// <summary>The number of parts for a multipart object; null for a single PUT.</summary>
    public int? PartsCount { get; init; }
}
