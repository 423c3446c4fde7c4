using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>One page of ListObjectsV2: objects, rolled-up common prefixes and where the next page starts.</summary>
public sealed record S3ListPage(
    IReadOnlyList<S3StoredObject> Objects,
    IReadOnlyList<string> CommonPrefixes,
    bool IsTruncated,
    S3ListPosition? Next);
