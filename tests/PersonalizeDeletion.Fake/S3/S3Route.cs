namespace PersonalizeDeletion.Fake.S3;

/// <summary>A path-style S3 request resolved to its operation, bucket and key.</summary>
public sealed record S3Route(string Operation, string? Bucket, string? Key)
{
    public const string Unsupported = "Unsupported";
}
