using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace PersonalizeDeletion.Fake.Recordings;

/// <summary>
/// A recorded Personalize exchange: answers requests for <see cref="Operation"/> (in <see cref="Region"/>)
/// whose body contains every member of <see cref="Match"/> with an equal value, at most <see cref="Times"/> times.
/// </summary>
public sealed class RecordedExchange
{
    private int _uses;

    public required string Name { get; init; }

    public required string Source { get; init; }

    public required string Operation { get; init; }

    public required JsonObject Match { get; init; }

    public required int Status { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    public required JsonNode Body { get; init; }

    public int? Times { get; init; }

    /// <summary>The region the exchange was recorded in; it answers requests for that region only (null: any).</summary>
    public string? Region { get; init; }

    public bool Matches(string operation, string region, JsonElement request)
    {
        if (operation != Operation || (Region is not null && Region != region) || request.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var (member, expected) in Match)
        {
            if (!request.TryGetProperty(member, out var actual) || !JsonNode.DeepEquals(expected, JsonNode.Parse(actual.GetRawText())))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Takes one use; false once <see cref="Times"/> is exhausted (safe under concurrent calls).</summary>
    public bool TryUse()
    {
        if (Times is not { } limit)
        {
            Interlocked.Increment(ref _uses);
            return true;
        }

        while (true)
        {
            var used = Volatile.Read(ref _uses);
            if (used >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _uses, used + 1, used) == used)
            {
                return true;
            }
        }
    }
}
