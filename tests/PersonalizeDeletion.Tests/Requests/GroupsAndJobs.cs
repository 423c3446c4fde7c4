using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Tests.Jobs;

namespace PersonalizeDeletion.Tests.Requests
{
    /// <summary>
    /// Personalize for request tests: dataset groups by ARN with their status, and the jobs of an
    /// <see cref="InMemoryPersonalizeClient"/>, whose Create is refused for a name already taken, as the service does.
    /// </summary>
    internal sealed class GroupsAndJobs : IPersonalizeClient
    {
        private readonly InMemoryPersonalizeClient _jobs;
        private readonly HashSet<string> _taken = new HashSet<string>(StringComparer.Ordinal);

        public GroupsAndJobs(InMemoryPersonalizeClient jobs)
        {
            _jobs = jobs;
        }

        /// <summary>Dataset group ARN to status.</summary>
        public Dictionary<string, string> Groups { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public List<string> DescribedGroups { get; } = new List<string>();

        public Task<string> CreateDataDeletionJobAsync(CreateDataDeletionJobInput input, CancellationToken cancellationToken)
        {
            if (_taken.Contains(input.DatasetGroupArn + " " + input.JobName))
            {
                _jobs.Calls.Add("Create " + input.JobName);
                throw new ResourceAlreadyExistsException("Job " + input.JobName + " already exists.", "req-taken", 400);
            }

            Task<string> created = _jobs.CreateDataDeletionJobAsync(input, cancellationToken);
            _taken.Add(input.DatasetGroupArn + " " + input.JobName);
            return created;
        }

        public Task<DataDeletionJobInfo> DescribeDataDeletionJobAsync(string dataDeletionJobArn, CancellationToken cancellationToken) =>
            _jobs.DescribeDataDeletionJobAsync(dataDeletionJobArn, cancellationToken);

        public Task<Page<DataDeletionJobInfo>> ListDataDeletionJobsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            _jobs.ListDataDeletionJobsAsync(datasetGroupArn, nextToken, maxResults, cancellationToken);

        public Task<DatasetGroupInfo> DescribeDatasetGroupAsync(string datasetGroupArn, CancellationToken cancellationToken)
        {
            DescribedGroups.Add(datasetGroupArn);
            if (!Groups.TryGetValue(datasetGroupArn, out string? status))
            {
                throw new ResourceNotFoundException("Could not find " + datasetGroupArn, "req-group", 400);
            }

            return Task.FromResult(new DatasetGroupInfo
            {
                DatasetGroupArn = datasetGroupArn,
                Name = datasetGroupArn.Substring(datasetGroupArn.LastIndexOf('/') + 1),
                Status = status,
            });
        }

        public Task<Page<DatasetGroupInfo>> ListDatasetGroupsAsync(string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            throw new NotSupportedException("A deletion request does not list dataset groups.");

        // The assurance reads, as the in-memory client seeds them.
        public Task<Page<SolutionInfo>> ListSolutionsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            _jobs.ListSolutionsAsync(datasetGroupArn, nextToken, maxResults, cancellationToken);

        public Task<Page<SolutionVersionInfo>> ListSolutionVersionsAsync(string? solutionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            _jobs.ListSolutionVersionsAsync(solutionArn, nextToken, maxResults, cancellationToken);

        public Task<Page<CampaignInfo>> ListCampaignsAsync(string? solutionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            _jobs.ListCampaignsAsync(solutionArn, nextToken, maxResults, cancellationToken);

        public Task<CampaignInfo> DescribeCampaignAsync(string campaignArn, CancellationToken cancellationToken) =>
            _jobs.DescribeCampaignAsync(campaignArn, cancellationToken);

        public Task<Page<DatasetInfo>> ListDatasetsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            _jobs.ListDatasetsAsync(datasetGroupArn, nextToken, maxResults, cancellationToken);

        public Task<Page<DatasetImportJobInfo>> ListDatasetImportJobsAsync(string? datasetArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            _jobs.ListDatasetImportJobsAsync(datasetArn, nextToken, maxResults, cancellationToken);

        public Task<Page<BatchJobInfo>> ListBatchInferenceJobsAsync(string? solutionVersionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            _jobs.ListBatchInferenceJobsAsync(solutionVersionArn, nextToken, maxResults, cancellationToken);

        public Task<Page<BatchJobInfo>> ListBatchSegmentJobsAsync(string? solutionVersionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            _jobs.ListBatchSegmentJobsAsync(solutionVersionArn, nextToken, maxResults, cancellationToken);

        public Task<BatchJobInfo> DescribeBatchInferenceJobAsync(string batchInferenceJobArn, CancellationToken cancellationToken) =>
            _jobs.DescribeBatchInferenceJobAsync(batchInferenceJobArn, cancellationToken);

        public Task<BatchJobInfo> DescribeBatchSegmentJobAsync(string batchSegmentJobArn, CancellationToken cancellationToken) =>
            _jobs.DescribeBatchSegmentJobAsync(batchSegmentJobArn, cancellationToken);

        public Task<Page<RecommenderInfo>> ListRecommendersAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            _jobs.ListRecommendersAsync(datasetGroupArn, nextToken, maxResults, cancellationToken);

        public Task<RecommenderInfo> DescribeRecommenderAsync(string recommenderArn, CancellationToken cancellationToken) =>
            _jobs.DescribeRecommenderAsync(recommenderArn, cancellationToken);

        public void Dispose()
        {
        }
    }
}
