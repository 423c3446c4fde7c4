using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Tests.Jobs
{
    /// <summary>
    /// A hand-written Personalize test double: jobs live in memory (newest first), List returns summaries the
    /// way the service does (no DataLocation, RoleArn or NumDeleted), and every call is recorded.
    /// Faults are injected per call through the hooks.
    /// </summary>
    internal sealed class InMemoryPersonalizeClient : IPersonalizeClient
    {
        private readonly List<DataDeletionJobInfo> _jobs = new List<DataDeletionJobInfo>();

        public List<string> Calls { get; } = new List<string>();

        public List<CreateDataDeletionJobInput> Created { get; } = new List<CreateDataDeletionJobInput>();

        public List<int?> ListMaxResults { get; } = new List<int?>();

        /// <summary>Throws from Create when it returns an exception.</summary>
        public Func<CreateDataDeletionJobInput, Exception?>? CreateFault { get; set; }

        /// <summary>Throws from Describe (given the ARN) when it returns an exception.</summary>
        public Func<string, Exception?>? DescribeFault { get; set; }

        /// <summary>Throws from List (given the dataset group ARN) when it returns an exception.</summary>
        public Func<string?, Exception?>? ListFault { get; set; }

        public int CreateCalls => Calls.Count(call => call.StartsWith("Create ", StringComparison.Ordinal));

        public int DescribeCalls => Calls.Count(call => call.StartsWith("Describe ", StringComparison.Ordinal));

        public int ListCalls => Calls.Count(call => call.StartsWith("List ", StringComparison.Ordinal));

        public bool Disposed { get; private set; }

        /// <summary>Adds a job as the newest one.</summary>
        public DataDeletionJobInfo Add(DataDeletionJobInfo job)
        {
            _jobs.Insert(0, job);
            return job;
        }

        public DataDeletionJobInfo Find(string arn) => _jobs.Single(job => job.DataDeletionJobArn == arn);

        public Task<string> CreateDataDeletionJobAsync(CreateDataDeletionJobInput input, CancellationToken cancellationToken)
        {
            Calls.Add("Create " + input.JobName);
            Created.Add(input);
            if (CreateFault?.Invoke(input) is Exception fault)
            {
                throw fault;
            }

            int type = input.DatasetGroupArn.IndexOf(":dataset-group/", StringComparison.Ordinal);
            string arn = input.DatasetGroupArn.Substring(0, type) + ":data-deletion-job/" + input.JobName;
            Add(new DataDeletionJobInfo
            {
                JobName = input.JobName,
                DataDeletionJobArn = arn,
                DatasetGroupArn = input.DatasetGroupArn,
                DataLocation = input.DataLocation,
                RoleArn = input.RoleArn,
                Status = DataDeletionJob.StatusPending,
                CreationDateTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                LastUpdatedDateTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            });
            return Task.FromResult(arn);
        }

        public Task<DataDeletionJobInfo> DescribeDataDeletionJobAsync(string dataDeletionJobArn, CancellationToken cancellationToken)
        {
            Calls.Add("Describe " + dataDeletionJobArn);
            if (DescribeFault?.Invoke(dataDeletionJobArn) is Exception fault)
            {
                throw fault;
            }

            DataDeletionJobInfo? job = _jobs.FirstOrDefault(candidate => candidate.DataDeletionJobArn == dataDeletionJobArn);
            if (job is null)
            {
                throw new ResourceNotFoundException("Could not find " + dataDeletionJobArn, "req-describe", 400);
            }

            return Task.FromResult(Copy(job, full: true));
        }

        public Task<Page<DataDeletionJobInfo>> ListDataDeletionJobsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken)
        {
            Calls.Add("List " + datasetGroupArn + " " + (nextToken ?? "-"));
            ListMaxResults.Add(maxResults);
            if (ListFault?.Invoke(datasetGroupArn) is Exception fault)
            {
                throw fault;
            }

            List<DataDeletionJobInfo> matching = _jobs.Where(job => datasetGroupArn is null || job.DatasetGroupArn == datasetGroupArn).ToList();
            int start = nextToken is null ? 0 : int.Parse(nextToken, CultureInfo.InvariantCulture);
            int size = maxResults ?? 100;
            List<DataDeletionJobInfo> items = matching.Skip(start).Take(size).Select(job => Copy(job, full: false)).ToList();
            string? next = start + size < matching.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new Page<DataDeletionJobInfo>(items, next));
        }

        public Task<DatasetGroupInfo> DescribeDatasetGroupAsync(string datasetGroupArn, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Not used by the pieces under test.");

        public Task<Page<DatasetGroupInfo>> ListDatasetGroupsAsync(string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Not used by the pieces under test.");

        public void Dispose() => Disposed = true;

        private static DataDeletionJobInfo Copy(DataDeletionJobInfo job, bool full) => new DataDeletionJobInfo
        {
            JobName = job.JobName,
            DataDeletionJobArn = job.DataDeletionJobArn,
            DatasetGroupArn = job.DatasetGroupArn,
            DataLocation = full ? job.DataLocation : null,
            RoleArn = full ? job.RoleArn : null,
            Status = job.Status,
            NumDeleted = full ? job.NumDeleted : null,
            CreationDateTime = job.CreationDateTime,
            LastUpdatedDateTime = job.LastUpdatedDateTime,
            FailureReason = job.FailureReason,
        };
    }
}
