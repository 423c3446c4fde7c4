namespace PersonalizeDeletion.Fake.Signing;

/// <summary>An access key the fake accepts; with a session token, requests must present that token.</summary>
public sealed record AwsCredential(string AccessKeyId, string SecretAccessKey, string? SessionToken);
