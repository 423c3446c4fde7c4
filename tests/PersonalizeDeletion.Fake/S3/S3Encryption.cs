using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>Server-side encryption settings as sent in x-amz-server-side-encryption* headers.</summary>
public sealed record S3Encryption(string ServerSideEncryption, string? KmsKeyId, string? KmsContext, string? BucketKeyEnabled)
{
    /// <summary>S3 encrypts every new object with SSE-S3 unless told otherwise.</summary>
    public static readonly S3Encryption Default = new("AES256", null, null, null);

    public static S3Encryption FromHeaders(System.Func<string, string?> header) => new(
        header("x-amz-server-side-encryption") ?? "AES256",
        header("x-amz-server-side-encryption-aws-kms-key-id"),
        header("x-amz-server-side-encryption-context"),
        header("x-amz-server-side-encryption-bucket-key-enabled"));

    public IEnumerable<KeyValuePair<string, string>> ResponseHeaders()
    {
        yield return new("x-amz-server-side-encryption", ServerSideEncryption);
        if (KmsKeyId is not null)
        {
            yield return new("x-amz-server-side-encryption-aws-kms-key-id", KmsKeyId);
        }

        if (KmsContext is not null)
        {
            yield return new("x-amz-server-side-encryption-context", KmsContext);
        }

        if (BucketKeyEnabled is not null)
        {
            yield return new("x-amz-server-side-encryption-bucket-key-enabled", BucketKeyEnabled);
        }
    }
}
