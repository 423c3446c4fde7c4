namespace PersonalizeDeletion.Fake.S3;

/// <summary>Where a ListObjectsV2 page stopped: after a key, or after a rolled-up common prefix.</summary>
public sealed record S3ListPosition(string Value, bool IsCommonPrefix);
