using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PersonalizeDeletion.Fake.Hosting;

namespace PersonalizeDeletion.Fake.Signing;

/// <summary>
/// Verifies SigV4 header signatures the way AWS does: the whole canonical request (method, path,
/// query, signed headers, payload hash), the credential scope and a 15-minute time window.
/// </summary>
public sealed class SigV4Verifier
{
    /// <summary>The window AWS allows between the request time and its own clock.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly CredentialStore _credentials;

    public SigV4Verifier(CredentialStore credentials) => _credentials = credentials;

    /// <param name="request">The request as received.</param>
    /// <param name="service">The signing name this endpoint belongs to (personalize or s3).</param>
    /// <param name="payloadHash">What the canonical request's last line must be: S3 takes the
    /// x-amz-content-sha256 header literally; other services hash the body.</param>
    /// <param name="now">The fake's current time.</param>
    public SigV4Verification Verify(IncomingRequest request, string service, string payloadHash, DateTimeOffset now)
    {
        var header = request.Header("Authorization");
        if (string.IsNullOrEmpty(header))
        {
            return SigV4Verification.Fail(SigV4FailureKind.MissingAuthentication, "Missing Authentication Token");
        }

        var authorization = SigV4Authorization.TryParse(header, out var parseError);
        if (authorization is null)
        {
            return SigV4Verification.Fail(SigV4FailureKind.MalformedAuthorization, parseError);
        }

        if (!_credentials.TryGet(authorization.AccessKeyId, out var credential))
        {
            return SigV4Verification.Fail(SigV4FailureKind.UnknownAccessKey, "The security token included in the request is invalid.", authorization);
        }

        if (!string.Equals(credential.SessionToken, request.Header("X-Amz-Security-Token"), StringComparison.Ordinal))
        {
            return SigV4Verification.Fail(SigV4FailureKind.InvalidSessionToken, "The security token included in the request is invalid.", authorization);
        }

        if (!string.Equals(authorization.Service, service, StringComparison.Ordinal))
        {
            return SigV4Verification.Fail(
                SigV4FailureKind.WrongService,
                $"Credential should be scoped to correct service: '{service}'. ",
                authorization);
        }

        var amzDate = request.Header("X-Amz-Date");
        if (!TryParseRequestTime(amzDate, request.Header("Date"), out var requestTime))
        {
            return SigV4Verification.Fail(
                SigV4FailureKind.MalformedAuthorization,
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
                authorization);
        }

        amzDate ??= requestTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
        if (!amzDate.StartsWith(authorization.Date, StringComparison.Ordinal))
        {
            return SigV4Verification.Fail(
                SigV4FailureKind.MalformedAuthorization,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{amzDate[..Math.Min(8, amzDate.Length)]}', from '{amzDate}'.",
                authorization);
        }

        if (requestTime < now - AllowedSkew)
        {
            return SigV4Verification.Skewed(
                $"Signature expired: {Format(requestTime)} is now earlier than {Format(now - AllowedSkew)} ({Format(now)} - 15 min.)",
                authorization,
                requestTime,
                now);
        }

        if (requestTime > now + AllowedSkew)
        {
            return SigV4Verification.Skewed(
                $"Signature not yet current: {Format(requestTime)} is still later than {Format(now + AllowedSkew)} ({Format(now)} + 15 min.)",
                authorization,
                requestTime,
                now);
        }

        var canonicalRequest = BuildCanonicalRequest(request, authorization.SignedHeaders, payloadHash, service);
        var stringToSign = string.Join(
            '\n',
            SigV4Crypto.Algorithm,
            amzDate,
            authorization.Scope,
            SigV4Crypto.Sha256Hex(canonicalRequest));
        var signingKey = SigV4Crypto.DeriveSigningKey(credential.SecretAccessKey, authorization.Date, authorization.Region, authorization.Service);
        var expected = SigV4Crypto.Sign(signingKey, stringToSign);
        return SigV4Crypto.SignaturesEqual(expected, authorization.Signature)
            ? SigV4Verification.Success(authorization, signingKey, amzDate)
            : SigV4Verification.Mismatch(authorization, canonicalRequest, stringToSign);
    }

    public static string BuildCanonicalRequest(IncomingRequest request, IReadOnlyList<string> signedHeaders, string payloadHash, string service)
    {
        var builder = new StringBuilder(512);
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalPath(request.RawPath, service)).Append('\n');
        builder.Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request.Header(name) ?? string.Empty)).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// S3 signs the path encoded once (as the key's bytes); every other service signs the path as
    /// sent, encoded a second time.
    /// </summary>
    private static string CanonicalPath(string rawPath, string service)
    {
        var path = rawPath.Length == 0 ? "/" : rawPath;
        return service == "s3"
            ? SigV4Crypto.UriEncode(Uri.UnescapeDataString(path), keepSlash: true)
            : SigV4Crypto.UriEncode(path, keepSlash: true);
    }

    private static string CanonicalQuery(IReadOnlyList<KeyValuePair<string, string>> query) =>
        string.Join(
            '&',
            query
                .Select(p => (Key: SigV4Crypto.UriEncode(p.Key, keepSlash: false), Value: SigV4Crypto.UriEncode(p.Value, keepSlash: false)))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={p.Value}"));

    private static string CanonicalHeaderValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value.Trim())
        {
            var space = c == ' ';
            if (!(space && previousSpace))
            {
                builder.Append(c);
            }

            previousSpace = space;
        }

        return builder.ToString();
    }

    private static bool TryParseRequestTime(string? amzDate, string? date, out DateTimeOffset time)
    {
        if (amzDate is not null)
        {
            return DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
        }

        return DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
