using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>A fake bucket: its owner, its objects (kept in S3's key order) and its open multipart uploads.</summary>
public sealed class S3Bucket
{
    public S3Bucket(string name, string owner, DateTimeOffset created)
    {
        Name = name;
        Owner = owner;
        Created = created;
    }

    public string Name { get; }

    public string Owner { get; }

    public DateTimeOffset Created { get; }

    /// <summary>
    /// Objects in ordinal key order, which is the UTF-8 byte order ListObjectsV2 uses for every key
    /// without supplementary-plane characters.
    /// </summary>
    public SortedDictionary<string, S3StoredObject> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, S3MultipartUpload> Uploads { get; } = new(StringComparer.Ordinal);
}
