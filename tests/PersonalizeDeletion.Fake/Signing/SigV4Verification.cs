using System;

namespace PersonalizeDeletion.Fake.Signing;

/// <summary>
/// The result of checking a request's SigV4 signature. On success it carries what the streaming
/// (aws-chunked) body needs to verify chunk signatures: the signing key, scope, date and seed signature.
/// </summary>
public sealed class SigV4Verification
{
    private SigV4Verification(SigV4FailureKind failure, string message, SigV4Authorization? authorization)
    {
        Failure = failure;
        Message = message;
        Authorization = authorization;
    }

    public SigV4FailureKind Failure { get; }

    public bool Succeeded => Failure == SigV4FailureKind.None;

    /// <summary>Why it failed, worded like the service's message; empty on success.</summary>
    public string Message { get; }

    /// <summary>The parsed Authorization header, when it could be parsed (also on failure, for the request log).</summary>
    public SigV4Authorization? Authorization { get; }

    public byte[] SigningKey { get; private init; } = Array.Empty<byte>();

    public string AmzDate { get; private init; } = string.Empty;

    public string CanonicalRequest { get; private init; } = string.Empty;

    public string StringToSign { get; private init; } = string.Empty;

    /// <summary>For clock-skew failures: the request time and the fake's time.</summary>
    public DateTimeOffset? RequestTime { get; private init; }

    public DateTimeOffset? ServerTime { get; private init; }

    public static SigV4Verification Fail(SigV4FailureKind failure, string message, SigV4Authorization? authorization = null) =>
        new(failure, message, authorization);

    public static SigV4Verification Skewed(string message, SigV4Authorization authorization, DateTimeOffset requestTime, DateTimeOffset serverTime) =>
        new(SigV4FailureKind.RequestTimeTooSkewed, message, authorization) { RequestTime = requestTime, ServerTime = serverTime };

    public static SigV4Verification Mismatch(SigV4Authorization authorization, string canonicalRequest, string stringToSign) =>
        new(
            SigV4FailureKind.SignatureMismatch,
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
            authorization)
        {
            CanonicalRequest = canonicalRequest,
            StringToSign = stringToSign,
        };

    public static SigV4Verification Success(SigV4Authorization authorization, byte[] signingKey, string amzDate) =>
        new(SigV4FailureKind.None, string.Empty, authorization) { SigningKey = signingKey, AmzDate = amzDate };
}
