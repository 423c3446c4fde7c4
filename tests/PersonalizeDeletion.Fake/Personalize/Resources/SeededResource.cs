using System;

namespace PersonalizeDeletion.Fake.Personalize.Resources;

/// <summary>
/// A solution, solution version, campaign, dataset import job, batch job or recommender seeded for a
/// dataset group, with the members the service reports for it. Immutable: seeding the same ARN again
/// replaces it (that is how a test moves a resource to its next status).
/// </summary>
public sealed record SeededResource
{
    public required ResourceKind Kind { get; init; }

    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string Region { get; init; }

    public required string Account { get; init; }

    public required string DatasetGroupArn { get; init; }

    /// <summary>The ARN the kind's List filter matches: the solution of a version or campaign, the dataset of an import job, ...</summary>
    public required string? ParentArn { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreationDateTime { get; init; }

    public required DateTimeOffset LastUpdatedDateTime { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>Solutions and recommenders.</summary>
    public string? RecipeArn { get; init; }

    /// <summary>Solutions: automatic training, with its schedule.</summary>
    public bool PerformAutoTraining { get; init; }

    /// <summary>Solution versions: FULL, UPDATE or AUTOTRAIN; and AUTOMATIC or MANUAL.</summary>
    public string? TrainingMode { get; init; }

    public string? TrainingType { get; init; }

    /// <summary>Campaigns: the version deployed; batch jobs: the version they run on.</summary>
    public string? SolutionVersionArn { get; init; }

    /// <summary>Campaigns: an update in progress (to this version, with this status).</summary>
    public string? PendingSolutionVersionArn { get; init; }

    public string? PendingStatus { get; init; }

    /// <summary>Recommenders: the latest update (latestRecommenderUpdate), with its status and when it was created.</summary>
    public string? UpdateStatus { get; init; }

    public DateTimeOffset? UpdateCreationDateTime { get; init; }

    /// <summary>Batch jobs: where they read and where they write their output.</summary>
    public string? InputPath { get; init; }

    public string? OutputPath { get; init; }

    public string? RoleArn { get; init; }

    /// <summary>Dataset import jobs: FULL or INCREMENTAL.</summary>
    public string? ImportMode { get; init; }
}
