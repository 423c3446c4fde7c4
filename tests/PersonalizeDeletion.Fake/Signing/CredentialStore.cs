using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PersonalizeDeletion.Fake.Signing;

/// <summary>The access keys the fake knows: those of credentials.json plus any registered at run time.</summary>
public sealed class CredentialStore
{
    private readonly ConcurrentDictionary<string, AwsCredential> _credentials = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<AwsCredential> _initial;

    public CredentialStore(IReadOnlyList<AwsCredential> initial)
    {
        _initial = initial;
        Reset();
    }

    /// <summary>Reads a JSON array of {accessKeyId, secretAccessKey, sessionToken?}.</summary>
    public static IReadOnlyList<AwsCredential> LoadFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: expected a JSON array of credentials.");
        }

        var result = new List<AwsCredential>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            result.Add(Parse(item, path));
        }

        return result;
    }

    public static AwsCredential Parse(JsonElement item, string source)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("accessKeyId", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0
            || !item.TryGetProperty("secretAccessKey", out var secret) || secret.ValueKind != JsonValueKind.String || secret.GetString()!.Length == 0)
        {
            throw new InvalidDataException($"{source}: a credential needs non-empty string members accessKeyId and secretAccessKey.");
        }

        string? token = null;
        if (item.TryGetProperty("sessionToken", out var tokenElement) && tokenElement.ValueKind != JsonValueKind.Null)
        {
            token = tokenElement.ValueKind == JsonValueKind.String
                ? tokenElement.GetString()
                : throw new InvalidDataException($"{source}: sessionToken must be a string.");
        }

        string? arn = null;
        if (item.TryGetProperty("arn", out var arnElement) && arnElement.ValueKind != JsonValueKind.Null)
        {
            arn = arnElement.ValueKind == JsonValueKind.String && arnElement.GetString()!.StartsWith("arn:", System.StringComparison.Ordinal)
                ? arnElement.GetString()
                : throw new InvalidDataException($"{source}: arn must be an ARN string (the identity GetCallerIdentity reports).");
        }

        return new AwsCredential(id.GetString()!, secret.GetString()!, string.IsNullOrEmpty(token) ? null : token, arn);
    }

    public void Register(AwsCredential credential) => _credentials[credential.AccessKeyId] = credential;

    public bool TryGet(string accessKeyId, out AwsCredential credential) =>
        _credentials.TryGetValue(accessKeyId, out credential!);

    public void Reset()
    {
        _credentials.Clear();
        foreach (var credential in _initial)
        {
            Register(credential);
        }
    }
}
