using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>
/// A dataset of a dataset group and, for the datasets that hold user data, the number of records each user
/// has in it (interactions, the user's own row): what a data deletion job removes and counts.
/// </summary>
public sealed class DatasetRecord
{
    /// <summary>The dataset types whose records belong to users.</summary>
    public static readonly IReadOnlySet<string> UserDataTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "INTERACTIONS", "USERS", "ACTION_INTERACTIONS" };

    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string DatasetGroupArn { get; init; }

    public required string Region { get; init; }

    public required string DatasetType { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreationDateTime { get; init; }

    public required DateTimeOffset LastUpdatedDateTime { get; init; }

    /// <summary>Records per user ID. Guarded by the simulation's lock.</summary>
    public Dictionary<string, int> UserRecords { get; } = new(StringComparer.Ordinal);

    public bool HoldsUserData => UserDataTypes.Contains(DatasetType);
}
