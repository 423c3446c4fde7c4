using System;
using System.Collections.Generic;
using System.Linq;
using PersonalizeDeletion.Fake.S3;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>
/// What a data deletion job found at its data location when it left PENDING: the objects as they were at
/// that moment (stored objects are immutable, so keeping them is keeping that moment's bytes), or why there
/// was nothing to read. The content is checked once, when first asked.
/// </summary>
public sealed class DeletionInput
{
    private readonly Lazy<(IReadOnlySet<string> UserIds, string? Failure)> _content;

    private DeletionInput(DateTimeOffset readAt, IReadOnlyList<S3StoredObject> objects, string? failure)
    {
        ReadAt = readAt;
        Objects = objects;
        _content = new Lazy<(IReadOnlySet<string>, string?)>(() => failure is null ? Check() : (new HashSet<string>(), failure));
    }

    public DateTimeOffset ReadAt { get; }

    /// <summary>The .csv objects read, in key order; empty when the location could not be read.</summary>
    public IReadOnlyList<S3StoredObject> Objects { get; }

    /// <summary>The distinct user IDs listed (empty when the job fails).</summary>
    public IReadOnlySet<string> UserIds => _content.Value.UserIds;

    /// <summary>Why the service fails the job, in its style; null when the data is usable.</summary>
    public string? Failure => _content.Value.Failure;

    public static DeletionInput Unreadable(DateTimeOffset readAt, string failure) => new(readAt, Array.Empty<S3StoredObject>(), failure);

    /// <summary>Reads the location from the store as the service would at <paramref name="readAt"/>.</summary>
    public static DeletionInput Read(S3Store store, string location, DateTimeOffset readAt)
    {
        var (bucket, key) = PersonalizeSimulation.ParseS3Location(location);
        if (store.FindBucket(bucket) is null)
        {
            return Unreadable(readAt, $"Failed to read the input data at {location}: the Amazon S3 bucket {bucket} does not exist. Verify the data location and try again.");
        }

        if (key.Length == 0 || key.EndsWith('/'))
        {
            var csv = store.ObjectsUnder(bucket, key).Where(o => o.Key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            return csv.Count == 0
                ? Unreadable(readAt, $"Failed to read the input data at {location}: no CSV files were found under this prefix. Verify the data location and try again.")
                : new DeletionInput(readAt, csv, null);
        }

        return store.Find(bucket, key) is { } single
            ? new DeletionInput(readAt, new[] { single }, null)
            : Unreadable(readAt, $"Failed to read the input data at {location}: the object does not exist. Verify the data location and that the role has s3:GetObject permission, and try again.");
    }

    private (IReadOnlySet<string>, string?) Check()
    {
        var userIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stored in Objects)
        {
            var uri = $"s3://{stored.Bucket}/{stored.Key}";
            if (stored.Encryption.ServerSideEncryption.StartsWith("aws:kms", StringComparison.Ordinal))
            {
                return (new HashSet<string>(), $"Failed to read the input data at {uri}: the object is encrypted with an AWS KMS key ({stored.Encryption.KmsKeyId ?? "aws/s3"}) that Amazon Personalize cannot use to decrypt it. Store data deletion files with SSE-S3 encryption and try again.");
            }

            var failure = DeletionFile.Read(uri, stored.Data, userIds);
            if (failure is not null)
            {
                return (new HashSet<string>(), failure);
            }
        }

        return (userIds, null);
    }
}
