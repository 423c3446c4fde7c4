using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.Recordings;

/// <summary>A dataset of a seeded dataset group and the records its users have in it, from a recordings file.</summary>
public sealed record DatasetSeed(
    string DatasetGroupArn,
    string DatasetType,
    string? Name,
    string? Status,
    DateTimeOffset? CreationDateTime,
    IReadOnlyDictionary<string, int> Records);
