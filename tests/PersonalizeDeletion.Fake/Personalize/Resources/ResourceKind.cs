using System;
using System.Collections.Generic;
using System.Linq;

namespace PersonalizeDeletion.Fake.Personalize.Resources;

/// <summary>
/// The kinds of dataset-group resources the fake serves for the module's assurance checks: what a seed is
/// called, which ARN resource type it has, what must already exist for it, and which operations list and
/// describe it.
/// </summary>
public sealed record ResourceKind(
    string Name,
    string ArnType,
    string? ParentKind,
    string ListOperation,
    string ListMember,
    string? ListFilter,
    string? DescribeOperation,
    string? DescribeMember,
    string SummaryShape,
    string? DetailShape)
{
    public static readonly ResourceKind Solution = new("solution", "solution", "datasetGroup", "ListSolutions", "solutions", "datasetGroupArn", "DescribeSolution", "solution", "SolutionSummary", "Solution");

    public static readonly ResourceKind SolutionVersion = new("solutionVersion", "solution", "solution", "ListSolutionVersions", "solutionVersions", "solutionArn", "DescribeSolutionVersion", "solutionVersion", "SolutionVersionSummary", "SolutionVersion");

    public static readonly ResourceKind Campaign = new("campaign", "campaign", "solutionVersion", "ListCampaigns", "campaigns", "solutionArn", "DescribeCampaign", "campaign", "CampaignSummary", "Campaign");

    public static readonly ResourceKind DatasetImportJob = new("datasetImportJob", "dataset-import-job", "dataset", "ListDatasetImportJobs", "datasetImportJobs", "datasetArn", null, null, "DatasetImportJobSummary", null);

    public static readonly ResourceKind BatchInferenceJob = new("batchInferenceJob", "batch-inference-job", "solutionVersion", "ListBatchInferenceJobs", "batchInferenceJobs", "solutionVersionArn", "DescribeBatchInferenceJob", "batchInferenceJob", "BatchInferenceJobSummary", "BatchInferenceJob");

    public static readonly ResourceKind BatchSegmentJob = new("batchSegmentJob", "batch-segment-job", "solutionVersion", "ListBatchSegmentJobs", "batchSegmentJobs", "solutionVersionArn", "DescribeBatchSegmentJob", "batchSegmentJob", "BatchSegmentJobSummary", "BatchSegmentJob");

    public static readonly ResourceKind Recommender = new("recommender", "recommender", "datasetGroup", "ListRecommenders", "recommenders", "datasetGroupArn", "DescribeRecommender", "recommender", "RecommenderSummary", "Recommender");

    public static readonly IReadOnlyList<ResourceKind> All = new[] { Solution, SolutionVersion, Campaign, DatasetImportJob, BatchInferenceJob, BatchSegmentJob, Recommender };

    public static ResourceKind Parse(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown resource kind '{name}'. Known: {string.Join(", ", All.Select(k => k.Name))}.");
}
