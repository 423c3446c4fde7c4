using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>A fake bucket: its owner, its region, its objects (kept in S3's key order) and its open multipart uploads.</summary>
public sealed class S3Bucket
{
    public S3Bucket(string name, string owner, string region, DateTimeOffset created)
    {
        Name = name;
        Owner = owner;
        Region = region;
        Created = created;
    }

    public string Name { get; }

    public string Owner { get; }

    /// <summary>The one region the bucket lives in: requests for it must be signed for (and sent to) this region.</summary>
    public string Region { get; }

    public DateTimeOffset Created { get; }

    /// <summary>
    /// Objects in ordinal key order, which is the UTF-8 byte order ListObjectsV2 uses for every key
    /// without supplementary-plane characters.
    /// </summary>
    public SortedDictionary<string, S3StoredObject> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, S3MultipartUpload> Uploads { get; } = new(StringComparer.Ordinal);
}
