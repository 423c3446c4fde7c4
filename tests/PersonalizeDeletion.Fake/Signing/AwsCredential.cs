namespace PersonalizeDeletion.Fake.Signing;

/// <summary>
/// An access key the fake accepts; with a session token, requests must present that token. The identity
/// ARN is what STS GetCallerIdentity answers for it (by default a user, or an assumed role for ASIA keys).
/// </summary>
public sealed record AwsCredential(string AccessKeyId, string SecretAccessKey, string? SessionToken, string? IdentityArn = null)
{
    public const string DefaultAccount = "123456789012";

    public string Identity => IdentityArn ?? (AccessKeyId.StartsWith("ASIA", System.StringComparison.Ordinal)
        ? $"arn:aws:sts::{DefaultAccount}:assumed-role/PersonalizeDeletionOperator/{AccessKeyId.ToLowerInvariant()}"
        : $"arn:aws:iam::{DefaultAccount}:user/{AccessKeyId.ToLowerInvariant()}");

    /// <summary>The account of <see cref="Identity"/>.</summary>
    public string Account => Identity.Split(':') is { Length: > 4 } parts ? parts[4] : DefaultAccount;
}
