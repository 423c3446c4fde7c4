using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>
/// The USER_ID files a job refers to, captured when the job is created (the module may delete its
/// staging objects afterwards, as callers of the real service may). Counting is deferred until the
/// job completes and done once.
/// </summary>
public sealed class DeletionData
{
    private readonly string _location;
    private readonly bool _bucketKnown;
    private readonly IReadOnlyList<(string Key, byte[] Data)> _objects;
    private readonly Lazy<(int Rows, string? Failure)> _outcome;

    public DeletionData(string location, bool bucketKnown, IReadOnlyList<(string Key, byte[] Data)> objects)
    {
        _location = location;
        _bucketKnown = bucketKnown;
        _objects = objects;
        _outcome = new Lazy<(int, string?)>(Evaluate);
    }

    /// <summary>A location in a bucket the fake's S3 has never seen: it cannot be read, so the job simply deletes nothing.</summary>
    public static DeletionData External(string location) => new(location, bucketKnown: false, Array.Empty<(string, byte[])>());

    public IReadOnlyList<string> Keys => _objects.Select(o => o.Key).ToList();

    /// <summary>The number of user rows, or why the service could not read the data.</summary>
    public (int Rows, string? Failure) Outcome => _outcome.Value;

    private (int Rows, string? Failure) Evaluate()
    {
        if (!_bucketKnown)
        {
            return (0, null);
        }

        if (_objects.Count == 0)
        {
            return (0, $"Input data not found at {_location}. Verify that the S3 path is correct and that Amazon Personalize has permission to read it.");
        }

        var rows = 0;
        foreach (var (key, data) in _objects)
        {
            var (header, count) = CountRows(data);
            if (header != "USER_ID")
            {
                return (0, $"The CSV file {key} has an invalid header. The header must contain only the USER_ID column, but found '{header}'.");
            }

            rows += count;
        }

        return (rows, null);
    }

    /// <summary>The first line and the number of non-empty lines after it, in one pass without splitting the file into strings.</summary>
    private static (string Header, int Rows) CountRows(byte[] data)
    {
        ReadOnlySpan<byte> span = data;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var end = span.IndexOf((byte)'\n');
        var first = end < 0 ? span : span[..end];
        var header = Encoding.UTF8.GetString(first.TrimEnd((byte)'\r'));
        if (end < 0)
        {
            return (header, 0);
        }

        var rows = 0;
        var rest = span[(end + 1)..];
        while (!rest.IsEmpty)
        {
            var next = rest.IndexOf((byte)'\n');
            var line = next < 0 ? rest : rest[..next];
            if (!line.TrimEnd((byte)'\r').IsEmpty)
            {
                rows++;
            }

            rest = next < 0 ? ReadOnlySpan<byte>.Empty : rest[(next + 1)..];
        }

        return (header, rows);
    }
}
