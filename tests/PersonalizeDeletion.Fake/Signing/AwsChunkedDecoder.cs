using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PersonalizeDeletion.Fake.Signing;

/// <summary>
/// Decodes S3's <c>aws-chunked</c> content encoding: <c>hex-size[;chunk-signature=sig]\r\n data \r\n</c>
/// repeated, a zero-size final chunk, then optional trailing headers (with <c>x-amz-trailer-signature</c>
/// when signed). Signed bodies have every chunk signature checked against the chain that starts at
/// the request's own signature.
/// </summary>
public static class AwsChunkedDecoder
{
    private const string TrailerSignatureHeader = "x-amz-trailer-signature";

    /// <param name="body">The body as received.</param>
    /// <param name="signing">The verified header signature when chunks are signed; null for STREAMING-UNSIGNED-PAYLOAD-TRAILER.</param>
    public static AwsChunkedBody Decode(byte[] body, SigV4Verification? signing)
    {
        var segments = new List<(int Offset, int Length)>();
        var previousSignature = signing?.Authorization?.Signature;
        var position = 0;
        var total = 0;
        while (true)
        {
            var line = ReadLine(body, ref position) ?? throw Incomplete("a chunk header");
            var semicolon = line.IndexOf(';', StringComparison.Ordinal);
            var sizeText = semicolon < 0 ? line : line[..semicolon];
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new AwsChunkedFormatException("InvalidChunkSizeError", $"The chunk size '{sizeText}' is not a valid hexadecimal number.");
            }

            if (size > body.Length - position)
            {
                throw Incomplete("chunk data");
            }

            if (signing is not null)
            {
                const string prefix = "chunk-signature=";
                var extension = semicolon < 0 ? string.Empty : line[(semicolon + 1)..];
                if (!extension.StartsWith(prefix, StringComparison.Ordinal))
                {
                    throw new AwsChunkedFormatException("IncompleteSignature", "A signed chunk is missing its chunk-signature.");
                }

                var stringToSign = string.Join(
                    '\n',
                    "AWS4-HMAC-SHA256-PAYLOAD",
                    signing.AmzDate,
                    signing.Authorization!.Scope,
                    previousSignature,
                    SigV4Crypto.EmptySha256,
                    SigV4Crypto.Sha256Hex(body.AsSpan(position, size)));
                var expected = SigV4Crypto.Sign(signing.SigningKey, stringToSign);
                var actual = extension[prefix.Length..];
                if (!SigV4Crypto.SignaturesEqual(expected, actual))
                {
                    throw new AwsChunkedFormatException("SignatureDoesNotMatch", "The chunk signature we calculated does not match the signature you provided.");
                }

                previousSignature = actual;
            }

            if (size == 0)
            {
                break;
            }

            segments.Add((position, size));
            total += size;
            position += size;
            if (ReadLine(body, ref position) is not { Length: 0 })
            {
                throw Incomplete("the CRLF after chunk data");
            }
        }

        var trailers = ReadTrailers(body, ref position, signing, previousSignature);
        var payload = new byte[total];
        var written = 0;
        foreach (var (offset, length) in segments)
        {
            Buffer.BlockCopy(body, offset, payload, written, length);
            written += length;
        }

        return new AwsChunkedBody(payload, trailers);
    }

    private static Dictionary<string, string> ReadTrailers(byte[] body, ref int position, SigV4Verification? signing, string? previousSignature)
    {
        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var canonical = new StringBuilder();
        string? trailerSignature = null;
        while (position < body.Length)
        {
            var line = ReadLine(body, ref position) ?? throw Incomplete("a trailing header");
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new AwsChunkedFormatException("MalformedTrailerError", $"The trailing header '{line}' is malformed.");
            }

            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (name == TrailerSignatureHeader)
            {
                trailerSignature = value;
                continue;
            }

            trailers[name] = value;
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        if (signing is not null && trailers.Count > 0)
        {
            if (trailerSignature is null)
            {
                throw new AwsChunkedFormatException("IncompleteSignature", "The signed trailing headers are missing x-amz-trailer-signature.");
            }

            var stringToSign = string.Join(
                '\n',
                "AWS4-HMAC-SHA256-TRAILER",
                signing.AmzDate,
                signing.Authorization!.Scope,
                previousSignature,
                SigV4Crypto.Sha256Hex(canonical.ToString()));
            if (!SigV4Crypto.SignaturesEqual(SigV4Crypto.Sign(signing.SigningKey, stringToSign), trailerSignature))
            {
                throw new AwsChunkedFormatException("SignatureDoesNotMatch", "The trailer signature we calculated does not match the signature you provided.");
            }
        }

        return trailers;
    }

    private static string? ReadLine(byte[] body, ref int position)
    {
        var end = body.AsSpan(position).IndexOf("\r\n"u8);
        if (end < 0)
        {
            return null;
        }

        var line = Encoding.ASCII.GetString(body, position, end);
        position += end + 2;
        return line;
    }

    private static AwsChunkedFormatException Incomplete(string what) =>
        new("IncompleteBody", $"The aws-chunked request body ended before {what}.");
}
