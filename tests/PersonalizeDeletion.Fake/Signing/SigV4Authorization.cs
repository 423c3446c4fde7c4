using System;
using System.Collections.Generic;
using System.Linq;

namespace PersonalizeDeletion.Fake.Signing;

/// <summary>The parts of an <c>Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> header.</summary>
public sealed record SigV4Authorization(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    /// <summary>Parses the header; on failure returns null and a reason worded for the error message.</summary>
    public static SigV4Authorization? TryParse(string header, out string error)
    {
        error = string.Empty;
        if (!header.StartsWith(SigV4Crypto.Algorithm + " ", StringComparison.Ordinal))
        {
            error = $"Authorization header requires the algorithm {SigV4Crypto.Algorithm}.";
            return null;
        }

        var parts = header[(SigV4Crypto.Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);

        var missing = new[] { "Credential", "SignedHeaders", "Signature" }.Where(k => !parts.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            error = $"Authorization header requires '{string.Join("', '", missing)}' parameter(s).";
            return null;
        }

        var credential = parts["Credential"].Split('/');
        if (credential.Length != 5 || credential[4] != "aws4_request" || credential[1].Length != 8)
        {
            error = $"Credential should be scoped to a valid region, service and 'aws4_request': '{parts["Credential"]}'.";
            return null;
        }

        var signedHeaders = parts["SignedHeaders"].Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (signedHeaders.Length == 0 || !signedHeaders.Contains("host", StringComparer.Ordinal))
        {
            error = "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
            return null;
        }

        return new SigV4Authorization(credential[0], credential[1], credential[2], credential[3], signedHeaders, parts["Signature"]);
    }
}
