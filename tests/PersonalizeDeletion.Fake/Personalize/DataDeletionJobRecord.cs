using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>
/// A data deletion job. Its status follows the clock with the lifecycle durations in force when it was
/// created: PENDING, then IN_PROGRESS from the moment it reads its data (when that read fails, FAILED at
/// once), then COMPLETED, when it removes its users' records, or FAILED. Seeded jobs keep a fixed status.
/// The simulation settles each job's read and completion in time order before anyone looks at it.
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

    /// <summary>Describe and List see the job from this moment on (the service's reads are eventually consistent).</summary>
    public DateTimeOffset VisibleFrom { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    public TimeSpan Pending { get; init; }

    public TimeSpan InProgress { get; init; }

    /// <summary>Set when the job is scripted to fail regardless of its data (failJobNamePattern); such a job reads nothing.</summary>
    public string? ForcedFailureReason { get; init; }

    /// <summary>For seeded jobs: the status they keep, and their outcome.</summary>
    public DataDeletionJobView? Fixed { get; init; }

    /// <summary>What the job read when it left PENDING; null before. Guarded by the simulation's lock.</summary>
    public DeletionInput? Input { get; set; }

    /// <summary>The records the job removed when it completed; null before. Guarded by the simulation's lock.</summary>
    public int? Deleted { get; set; }

    public bool Seeded => Fixed is not null;

    public DateTimeOffset ReadDue => CreationDateTime + Pending;

    public DateTimeOffset CompletionDue => ReadDue + InProgress;

    /// <summary>Whether the job still has a read or a completion to settle.</summary>
    public bool Unsettled => !Seeded && ForcedFailureReason is null && (Input is null || (Input.Failure is null && Deleted is null));

    /// <summary>The job as of <paramref name="now"/>; the simulation has settled every event up to then.</summary>
    public DataDeletionJobView Observe(DateTimeOffset now)
    {
        if (Fixed is not null)
        {
            return Fixed;
        }

        if (now < ReadDue)
        {
            return new DataDeletionJobView("PENDING", CreationDateTime, null, null);
        }

        if (ForcedFailureReason is not null)
        {
            return now < CompletionDue
                ? new DataDeletionJobView("IN_PROGRESS", ReadDue, null, null)
                : new DataDeletionJobView("FAILED", CompletionDue, null, ForcedFailureReason);
        }

        if (Input?.Failure is { } failure)
        {
            return new DataDeletionJobView("FAILED", Input.ReadAt, null, failure);
        }

        return now < CompletionDue || Deleted is not { } deleted
            ? new DataDeletionJobView("IN_PROGRESS", ReadDue, null, null)
            : new DataDeletionJobView("COMPLETED", CompletionDue, deleted, null);
    }
}
