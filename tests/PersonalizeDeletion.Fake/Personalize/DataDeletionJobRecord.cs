using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>
/// A data deletion job. Its status is a function of time since creation (PENDING, then IN_PROGRESS,
/// then COMPLETED or FAILED), using the lifecycle durations in force when it was created; seeded jobs
/// have a fixed status instead.
/// </summary>
public sealed class DataDeletionJobRecord
{
    public required string JobName { get; init; }

    public required string Arn { get; init; }

    public required string DatasetGroupArn { get; init; }

    public required string Account { get; init; }

    public required string Region { get; init; }

    public required string DataLocation { get; init; }

    public required string RoleArn { get; init; }

    public required DateTimeOffset CreationDateTime { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    public TimeSpan Pending { get; init; }

    public TimeSpan InProgress { get; init; }

    /// <summary>Set when the job is scripted to fail regardless of its data (failJobNamePattern).</summary>
    public string? ForcedFailureReason { get; init; }

    public required DeletionData Data { get; init; }

    /// <summary>For seeded jobs: the status they keep, and their outcome.</summary>
    public DataDeletionJobView? Fixed { get; init; }

    public bool Seeded => Fixed is not null;

    public DataDeletionJobView Observe(DateTimeOffset now)
    {
        if (Fixed is not null)
        {
            return Fixed;
        }

        var age = now - CreationDateTime;
        if (age < Pending)
        {
            return new DataDeletionJobView("PENDING", CreationDateTime, null, null);
        }

        if (age < Pending + InProgress)
        {
            return new DataDeletionJobView("IN_PROGRESS", CreationDateTime + Pending, null, null);
        }

        var finished = CreationDateTime + Pending + InProgress;
        if (ForcedFailureReason is not null)
        {
            return new DataDeletionJobView("FAILED", finished, null, ForcedFailureReason);
        }

        var (rows, failure) = Data.Outcome;
        return failure is null
            ? new DataDeletionJobView("COMPLETED", finished, rows, null)
            : new DataDeletionJobView("FAILED", finished, null, failure);
    }
}
