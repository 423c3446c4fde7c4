using System;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>A dataset group the fake knows, from a recording seed or <c>POST /_fake/datasetgroups</c>.</summary>
public sealed record DatasetGroupRecord
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string Account { get; init; }

    public required string Region { get; init; }

    public required string Status { get; init; }

    public string? RoleArn { get; init; }

    public string? KmsKeyArn { get; init; }

    public string? Domain { get; init; }

    public string? FailureReason { get; init; }

    public required DateTimeOffset CreationDateTime { get; init; }

    public required DateTimeOffset LastUpdatedDateTime { get; init; }
}
