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

        public void Dispose()
        {
        }
    }
}
