using System;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>A job's state as of one moment: what Describe/List report at that time.</summary>
public sealed record DataDeletionJobView(string Status, DateTimeOffset LastUpdatedDateTime, int? NumDeleted, string? FailureReason);
