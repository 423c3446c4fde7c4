using System;
using System.Collections.Generic;
using System.Text;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>
/// A response built in full before anything is written, so that a fault can still decide to drop
/// the connection after the work is done.
/// </summary>
public sealed class FakeResponse
{
    public FakeResponse(int status) => Status = status;

    public int Status { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    public ReadOnlyMemory<byte> Body { get; init; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>The body length to announce when <see cref="Body"/> is deliberately omitted (HEAD).</summary>
    public long? ContentLengthOverride { get; init; }

    /// <summary>The error code of an error response, for the request log.</summary>
    public string? ErrorCode { get; init; }

    public static FakeResponse Text(int status, string contentType, string text, string? errorCode = null)
    {
        var response = new FakeResponse(status) { Body = Encoding.UTF8.GetBytes(text), ErrorCode = errorCode };
        response.Headers.Add(new("Content-Type", contentType));
        return response;
    }

    public FakeResponse WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }
}
