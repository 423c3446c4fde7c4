using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.Inspection;

/// <summary>One request as tests see it through <c>GET /_fake/requests</c>.</summary>
public sealed class RequestLogEntry
{
    public long Seq { get; init; }

    public DateTimeOffset Time { get; init; }

    public required string Service { get; init; }

    public required string Operation { get; init; }

    public string? AccessKeyId { get; set; }

    /// <summary>The region of the credential scope the request was signed for.</summary>
    public string? Region { get; set; }

    /// <summary>The region of the listener the request came in on; null on the shared listener.</summary>
    public string? EndpointRegion { get; init; }

    /// <summary>Whether an X-Amz-Security-Token header was present.</summary>
    public bool SessionToken { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The JSON text for Personalize; null for S3, whose bodies are too large to keep twice.</summary>
    public string? Body { get; init; }

    public long BodyLength { get; init; }

    /// <summary>The status produced; null when the connection was dropped before any work.</summary>
    public int? Status { get; set; }

    public string? ErrorCode { get; set; }

    public string? Fault { get; set; }
}
