using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>
/// A request as it arrived on the wire: the raw (still percent-encoded) path and query that the
/// client signed, the headers, and the whole body. Signature checks need the exact wire form, which
/// ASP.NET's decoded <see cref="HttpRequest.Path"/> no longer is.
/// </summary>
public sealed class IncomingRequest
{
    private IncomingRequest(
        string method,
        string rawPath,
        string rawQuery,
        IReadOnlyDictionary<string, string> headers,
        byte[] body)
    {
        Method = method;
        RawPath = rawPath;
        RawQuery = rawQuery;
        Headers = headers;
        Body = body;
        Query = ParseQuery(rawQuery);
    }

    public string Method { get; }

    public string RawPath { get; }

    /// <summary>The query string without the leading '?'.</summary>
    public string RawQuery { get; }

    /// <summary>Decoded query parameters in order; a parameter without '=' has an empty value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>Headers by case-insensitive name; repeated headers are joined with ','.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public static async Task<IncomingRequest> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = string.Join(',', header.Value.Select(v => v ?? string.Empty));
        }

        return new IncomingRequest(context.Request.Method, rawPath, rawQuery, headers, await ReadBodyAsync(context.Request, cancellationToken));
    }

    /// <summary>Creates a request directly; used when the fake replays or re-signs requests itself.</summary>
    public static IncomingRequest Create(
        string method,
        string rawPath,
        string rawQuery,
        IReadOnlyDictionary<string, string> headers,
        byte[] body) =>
        new(method, rawPath, rawQuery, new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase), body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name)
    {
        foreach (var pair in Query)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public bool HasQuery(string name) => Query.Any(pair => pair.Key == name);

    /// <summary>The path with percent-escapes decoded (S3 keys are compared in this form).</summary>
    public string DecodedPath => Uri.UnescapeDataString(RawPath);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Sizing the buffer from Content-Length avoids the repeated growth copies of a MemoryStream
        // for the multi-megabyte part uploads of the benchmarks.
        if (request.ContentLength is { } length)
        {
            if (length == 0)
            {
                return Array.Empty<byte>();
            }

            var buffer = new byte[length];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    throw new EndOfStreamException($"The request body ended after {read} of {length} bytes.");
                }

                read += n;
            }

            return buffer;
        }

        using var stream = new MemoryStream();
        await request.Body.CopyToAsync(stream, cancellationToken);
        return stream.ToArray();
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string rawQuery)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            result.Add(new(Uri.UnescapeDataString(key), Uri.UnescapeDataString(value)));
        }

        return result;
    }
}
