using System;
using System.Collections.Generic;
using System.Linq;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>The service's paging for every List operation: newest first, then by name, with opaque keyset tokens.</summary>
public static class Paging
{
    public static (IReadOnlyList<T> Items, string? NextToken) Page<T>(
        IEnumerable<T> source,
        Func<T, DateTimeOffset> created,
        Func<T, string> name,
        string listing,
        string filter,
        string? nextToken,
        int maxResults)
    {
        var position = nextToken is null ? null : PageToken.Decode(nextToken, listing, filter);
        var ordered = source
            .Where(item => position is null || position.IsBefore(created(item), name(item)))
            .OrderByDescending(created)
            .ThenBy(name, StringComparer.Ordinal)
            .Take(maxResults + 1)
            .ToList();
        if (ordered.Count <= maxResults)
        {
            return (ordered, null);
        }

        var last = ordered[maxResults - 1];
        return (ordered.Take(maxResults).ToList(), new PageToken(listing, filter, created(last).UtcTicks, name(last)).Encode());
    }
}
