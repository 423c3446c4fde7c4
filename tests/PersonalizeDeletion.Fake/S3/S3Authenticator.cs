using System;
using System.Collections.Generic;
using System.Globalization;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.Signing;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>
/// Checks an S3 request's signature with S3's rules and error codes, then produces its payload:
/// the x-amz-content-sha256 value decides whether the body is hashed, unsigned, or aws-chunked
/// (with signed or unsigned chunks and trailing checksums).
/// </summary>
public sealed class S3Authenticator
{
    private const string ContentSha256Header = "x-amz-content-sha256";

    private static readonly IReadOnlyDictionary<string, string> NoTrailers = new Dictionary<string, string>();

    private readonly SigV4Verifier _verifier;
    private readonly FakeClock _clock;

    public S3Authenticator(SigV4Verifier verifier, FakeClock clock)
    {
        _verifier = verifier;
        _clock = clock;
    }

    /// <summary>Returns the verified payload; throws <see cref="S3ErrorException"/> as S3 would answer.</summary>
    public S3Payload Authenticate(IncomingRequest request, Action<SigV4Authorization?> identified)
    {
        var contentSha = request.Header(ContentSha256Header);
        if (contentSha is null && request.Header("Authorization") is not null)
        {
            throw new S3ErrorException(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
        }

        var verification = _verifier.Verify(request, "s3", contentSha ?? string.Empty, _clock.UtcNow);
        identified(verification.Authorization);
        if (!verification.Succeeded)
        {
            throw Refusal(verification);
        }

        S3Payload payload;
        try
        {
            payload = contentSha switch
            {
                "UNSIGNED-PAYLOAD" => new S3Payload(request.Body, NoTrailers),
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER" => Chunked(AwsChunkedDecoder.Decode(request.Body, signing: null)),
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" or "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER" =>
                    Chunked(AwsChunkedDecoder.Decode(request.Body, verification)),
                _ => Hashed(request.Body, contentSha!),
            };
        }
        catch (AwsChunkedFormatException e)
        {
            throw new S3ErrorException(e.ErrorCode == "SignatureDoesNotMatch" ? 403 : 400, e.ErrorCode, e.Message);
        }

        var decodedLength = request.Header("x-amz-decoded-content-length");
        if (decodedLength is not null
            && (!long.TryParse(decodedLength, NumberStyles.None, CultureInfo.InvariantCulture, out var expected) || expected != payload.Data.LongLength))
        {
            throw new S3ErrorException(400, "IncompleteBody", "The request body terminated unexpectedly");
        }

        return payload;
    }

    private static S3Payload Chunked(AwsChunkedBody body) => new(body.Payload, body.Trailers);

    private static S3Payload Hashed(byte[] body, string claimed)
    {
        if (claimed.Length != 64 || !IsLowerHex(claimed))
        {
            throw S3ErrorException.InvalidArgument(
                "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, or a valid sha256 value.",
                ContentSha256Header,
                claimed);
        }

        var computed = SigV4Crypto.Sha256Hex(body);
        if (computed != claimed)
        {
            throw new S3ErrorException(
                400,
                "XAmzContentSHA256Mismatch",
                "The provided 'x-amz-content-sha256' header does not match what was computed.",
                ("ClientComputedContentSHA256", claimed),
                ("S3ComputedContentSHA256", computed));
        }

        return new S3Payload(body, NoTrailers);
    }

    private static bool IsLowerHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static S3ErrorException Refusal(SigV4Verification verification)
    {
        var accessKey = verification.Authorization?.AccessKeyId ?? string.Empty;
        return verification.Failure switch
        {
            SigV4FailureKind.MissingAuthentication => S3ErrorException.AccessDenied(),
            SigV4FailureKind.UnknownAccessKey => new S3ErrorException(
                403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", ("AWSAccessKeyId", accessKey)),
            SigV4FailureKind.InvalidSessionToken => new S3ErrorException(
                400, "InvalidToken", "The provided token is malformed or otherwise invalid."),
            SigV4FailureKind.WrongService => new S3ErrorException(
                400,
                "AuthorizationHeaderMalformed",
                $"The authorization header is malformed; incorrect service \"{verification.Authorization?.Service}\". This endpoint belongs to \"s3\"."),
            SigV4FailureKind.RequestTimeTooSkewed => new S3ErrorException(
                403,
                "RequestTimeTooSkewed",
                "The difference between the request time and the current time is too large.",
                ("RequestTime", verification.RequestTime!.Value.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)),
                ("ServerTime", S3Xml.Timestamp(verification.ServerTime!.Value)),
                ("MaxAllowedSkewMilliseconds", "900000")),
            SigV4FailureKind.SignatureMismatch => new S3ErrorException(
                403,
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                ("AWSAccessKeyId", accessKey),
                ("StringToSign", verification.StringToSign),
                ("SignatureProvided", verification.Authorization?.Signature ?? string.Empty),
                ("CanonicalRequest", verification.CanonicalRequest)),
            _ => new S3ErrorException(400, "AuthorizationHeaderMalformed", $"The authorization header is malformed; {verification.Message}"),
        };
    }
}
