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
    /// Faults are injected per call through the hooks. A dataset group's solutions, versions, campaigns, datasets,
    /// imports, batch jobs and recommenders are seeded with the Add methods; their List calls return summaries as
    /// the service does (no deployed version, output path or latest update: Describe says those), in pages of at most
    /// <see cref="PageSize"/>, and fail with <see cref="ResourceNotFoundException"/> for a parent that does not exist.
    /// </summary>
    internal sealed class InMemoryPersonalizeClient : IPersonalizeClient
    {
        private readonly List<DataDeletionJobInfo> _jobs = new List<DataDeletionJobInfo>();
        private readonly List<(string Group, SolutionInfo Solution)> _solutions = new List<(string, SolutionInfo)>();
        private readonly List<(string Solution, SolutionVersionInfo Version)> _versions = new List<(string, SolutionVersionInfo)>();
        private readonly List<(string Solution, CampaignInfo Campaign)> _campaigns = new List<(string, CampaignInfo)>();
        private readonly List<(string Group, DatasetInfo Dataset)> _datasets = new List<(string, DatasetInfo)>();
        private readonly List<(string Dataset, DatasetImportJobInfo Job)> _imports = new List<(string, DatasetImportJobInfo)>();
        private readonly List<BatchJobInfo> _batchInference = new List<BatchJobInfo>();
        private readonly List<BatchJobInfo> _batchSegment = new List<BatchJobInfo>();
        private readonly List<(string Group, RecommenderInfo Recommender)> _recommenders = new List<(string, RecommenderInfo)>();

        public List<string> Calls { get; } = new List<string>();

        public List<CreateDataDeletionJobInput> Created { get; } = new List<CreateDataDeletionJobInput>();

        public List<int?> ListMaxResults { get; } = new List<int?>();

        /// <summary>Throws from Create when it returns an exception.</summary>
        public Func<CreateDataDeletionJobInput, Exception?>? CreateFault { get; set; }

        /// <summary>Throws from Describe (given the ARN) when it returns an exception.</summary>
        public Func<string, Exception?>? DescribeFault { get; set; }

        /// <summary>Throws from List (given the dataset group ARN) when it returns an exception.</summary>
        public Func<string?, Exception?>? ListFault { get; set; }

        /// <summary>Throws from the assurance calls (given the operation and its ARN argument) when it returns an exception.</summary>
        public Func<string, string?, Exception?>? AssuranceFault { get; set; }

        /// <summary>The most items an assurance List page holds, whatever maxResults asks.</summary>
        public int PageSize { get; set; } = 100;

        /// <summary>The maxResults of every assurance List call.</summary>
        public List<int?> AssuranceMaxResults { get; } = new List<int?>();

        public int CreateCalls => Calls.Count(call => call.StartsWith("Create ", StringComparison.Ordinal));

        public int DescribeCalls => Calls.Count(call => call.StartsWith("Describe ", StringComparison.Ordinal));

        public int ListCalls => Calls.Count(call => call.StartsWith("List ", StringComparison.Ordinal));

        public bool Disposed { get; private set; }

        /// <summary>How many calls of one operation were made (every page counts).</summary>
        public int CallsTo(string operation) => Calls.Count(call => call.StartsWith(operation + " ", StringComparison.Ordinal));

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

        public SolutionInfo AddSolution(string datasetGroupArn, string name)
        {
            var solution = new SolutionInfo
            {
                Name = name,
                SolutionArn = ResourceArn(datasetGroupArn, "solution", name),
                Status = "ACTIVE",
                RecipeArn = "arn:aws:personalize:::recipe/aws-user-personalization",
                CreationDateTime = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                LastUpdatedDateTime = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            _solutions.Add((datasetGroupArn, solution));
            return solution;
        }

        /// <summary>A version's ARN is its solution's followed by the id, as the service makes them.</summary>
        public SolutionVersionInfo AddSolutionVersion(SolutionInfo solution, string id, string status, DateTime created, DateTime? updated = null, string trainingMode = "FULL", string trainingType = "MANUAL")
        {
            var version = new SolutionVersionInfo
            {
                SolutionVersionArn = solution.SolutionArn + "/" + id,
                Status = status,
                TrainingMode = trainingMode,
                TrainingType = trainingType,
                CreationDateTime = created,
                LastUpdatedDateTime = updated ?? created,
            };
            _versions.Add((solution.SolutionArn!, version));
            return version;
        }

        public CampaignInfo AddCampaign(SolutionInfo solution, string name, SolutionVersionInfo deployed, string status = "ACTIVE")
        {
            var campaign = new CampaignInfo
            {
                Name = name,
                CampaignArn = ResourceArn(solution.SolutionArn!, "campaign", name),
                SolutionVersionArn = deployed.SolutionVersionArn,
                Status = status,
                CreationDateTime = deployed.LastUpdatedDateTime,
                LastUpdatedDateTime = deployed.LastUpdatedDateTime,
            };
            _campaigns.Add((solution.SolutionArn!, campaign));
            return campaign;
        }

        public DatasetInfo AddDataset(string datasetGroupArn, string datasetType)
        {
            var dataset = new DatasetInfo
            {
                Name = datasetType.ToLowerInvariant(),
                DatasetArn = datasetGroupArn.Replace(":dataset-group/", ":dataset/", StringComparison.Ordinal) + "/" + datasetType.ToUpperInvariant(),
                DatasetType = datasetType,
                Status = "ACTIVE",
                CreationDateTime = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                LastUpdatedDateTime = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            _datasets.Add((datasetGroupArn, dataset));
            return dataset;
        }

        public DatasetImportJobInfo AddImportJob(DatasetInfo dataset, string name, string status, DateTime created, DateTime? updated = null)
        {
            var job = new DatasetImportJobInfo
            {
                JobName = name,
                DatasetImportJobArn = ResourceArn(dataset.DatasetArn!, "dataset-import-job", name),
                Status = status,
                ImportMode = "INCREMENTAL",
                CreationDateTime = created,
                LastUpdatedDateTime = updated ?? created,
            };
            _imports.Add((dataset.DatasetArn!, job));
            return job;
        }

        public BatchJobInfo AddBatchInferenceJob(SolutionVersionInfo version, string name, string status, DateTime created, DateTime? updated = null) =>
            AddBatchJob(_batchInference, "batch-inference-job", version, name, status, created, updated);

        public BatchJobInfo AddBatchSegmentJob(SolutionVersionInfo version, string name, string status, DateTime created, DateTime? updated = null) =>
            AddBatchJob(_batchSegment, "batch-segment-job", version, name, status, created, updated);

        public RecommenderInfo AddRecommender(string datasetGroupArn, string name, string status, DateTime created, DateTime? updated = null, RecommenderUpdateInfo? latestUpdate = null)
        {
            var recommender = new RecommenderInfo
            {
                Name = name,
                RecommenderArn = ResourceArn(datasetGroupArn, "recommender", name),
                DatasetGroupArn = datasetGroupArn,
                RecipeArn = "arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you",
                Status = status,
                CreationDateTime = created,
                LastUpdatedDateTime = updated ?? created,
                LatestUpdate = latestUpdate,
            };
            _recommenders.Add((datasetGroupArn, recommender));
            return recommender;
        }

        public Task<Page<SolutionInfo>> ListSolutionsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAssurance("ListSolutions", datasetGroupArn, nextToken, maxResults, _solutions.Where(s => datasetGroupArn is null || s.Group == datasetGroupArn).Select(s => s.Solution), Copy);

        public Task<Page<SolutionVersionInfo>> ListSolutionVersionsAsync(string? solutionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAssurance("ListSolutionVersions", solutionArn, nextToken, maxResults, Children(_versions, _solutions.Select(s => s.Solution.SolutionArn), solutionArn), Copy);

        public Task<Page<CampaignInfo>> ListCampaignsAsync(string? solutionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAssurance("ListCampaigns", solutionArn, nextToken, maxResults, Children(_campaigns, _solutions.Select(s => s.Solution.SolutionArn), solutionArn), c => Copy(c, full: false));

        public Task<CampaignInfo> DescribeCampaignAsync(string campaignArn, CancellationToken cancellationToken) =>
            DescribeAssurance("DescribeCampaign", campaignArn, _campaigns.Select(c => c.Campaign).FirstOrDefault(c => c.CampaignArn == campaignArn), c => Copy(c, full: true));

        public Task<Page<DatasetInfo>> ListDatasetsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAssurance("ListDatasets", datasetGroupArn, nextToken, maxResults, _datasets.Where(d => datasetGroupArn is null || d.Group == datasetGroupArn).Select(d => d.Dataset), Copy);

        public Task<Page<DatasetImportJobInfo>> ListDatasetImportJobsAsync(string? datasetArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAssurance("ListDatasetImportJobs", datasetArn, nextToken, maxResults, Children(_imports, _datasets.Select(d => d.Dataset.DatasetArn), datasetArn), Copy);

        public Task<Page<BatchJobInfo>> ListBatchInferenceJobsAsync(string? solutionVersionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAssurance("ListBatchInferenceJobs", solutionVersionArn, nextToken, maxResults, _batchInference.Where(j => solutionVersionArn is null || j.SolutionVersionArn == solutionVersionArn), j => Copy(j, full: false));

        public Task<Page<BatchJobInfo>> ListBatchSegmentJobsAsync(string? solutionVersionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAssurance("ListBatchSegmentJobs", solutionVersionArn, nextToken, maxResults, _batchSegment.Where(j => solutionVersionArn is null || j.SolutionVersionArn == solutionVersionArn), j => Copy(j, full: false));

        public Task<BatchJobInfo> DescribeBatchInferenceJobAsync(string batchInferenceJobArn, CancellationToken cancellationToken) =>
            DescribeAssurance("DescribeBatchInferenceJob", batchInferenceJobArn, _batchInference.FirstOrDefault(j => j.JobArn == batchInferenceJobArn), j => Copy(j, full: true));

        public Task<BatchJobInfo> DescribeBatchSegmentJobAsync(string batchSegmentJobArn, CancellationToken cancellationToken) =>
            DescribeAssurance("DescribeBatchSegmentJob", batchSegmentJobArn, _batchSegment.FirstOrDefault(j => j.JobArn == batchSegmentJobArn), j => Copy(j, full: true));

        public Task<Page<RecommenderInfo>> ListRecommendersAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAssurance("ListRecommenders", datasetGroupArn, nextToken, maxResults, _recommenders.Where(r => datasetGroupArn is null || r.Group == datasetGroupArn).Select(r => r.Recommender), r => Copy(r, full: false));

        public Task<RecommenderInfo> DescribeRecommenderAsync(string recommenderArn, CancellationToken cancellationToken) =>
            DescribeAssurance("DescribeRecommender", recommenderArn, _recommenders.Select(r => r.Recommender).FirstOrDefault(r => r.RecommenderArn == recommenderArn), r => Copy(r, full: true));

        public void Dispose() => Disposed = true;

        private static string ResourceArn(string sibling, string resourceType, string name)
        {
            int account = sibling.IndexOf(':', sibling.IndexOf(":personalize:", StringComparison.Ordinal) + ":personalize:".Length);
            int resource = sibling.IndexOf(':', account + 1);
            return sibling.Substring(0, resource) + ":" + resourceType + "/" + name;
        }

        private static IEnumerable<T> Children<T>(List<(string Parent, T Item)> items, IEnumerable<string?> parents, string? parentArn)
        {
            if (parentArn is not null && !parents.Contains(parentArn))
            {
                throw new ResourceNotFoundException("Could not find " + parentArn, "req-list", 400);
            }

            return items.Where(item => parentArn is null || item.Parent == parentArn).Select(item => item.Item);
        }

        private static BatchJobInfo AddBatchJob(List<BatchJobInfo> jobs, string resourceType, SolutionVersionInfo version, string name, string status, DateTime created, DateTime? updated)
        {
            var job = new BatchJobInfo
            {
                JobName = name,
                JobArn = ResourceArn(version.SolutionVersionArn!, resourceType, name),
                SolutionVersionArn = version.SolutionVersionArn,
                Status = status,
                CreationDateTime = created,
                LastUpdatedDateTime = updated ?? created,
                OutputPath = "s3://batch-output/" + name + "/",
            };
            jobs.Add(job);
            return job;
        }

        private Task<Page<T>> ListAssurance<T>(string operation, string? filter, string? nextToken, int? maxResults, IEnumerable<T> items, Func<T, T> summary)
        {
            Calls.Add(operation + " " + (filter ?? "-") + " " + (nextToken ?? "-"));
            AssuranceMaxResults.Add(maxResults);
            if (AssuranceFault?.Invoke(operation, filter) is Exception fault)
            {
                throw fault;
            }

            List<T> all = items.ToList();
            int start = nextToken is null ? 0 : int.Parse(nextToken, CultureInfo.InvariantCulture);
            int size = Math.Min(maxResults ?? 100, PageSize);
            string? next = start + size < all.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new Page<T>(all.Skip(start).Take(size).Select(summary).ToList(), next));
        }

        private Task<T> DescribeAssurance<T>(string operation, string arn, T? found, Func<T, T> copy)
            where T : class
        {
            Calls.Add(operation + " " + arn);
            if (AssuranceFault?.Invoke(operation, arn) is Exception fault)
            {
                throw fault;
            }

            return found is null
                ? throw new ResourceNotFoundException("Could not find " + arn, "req-describe", 400)
                : Task.FromResult(copy(found));
        }

        private static SolutionInfo Copy(SolutionInfo s) => new SolutionInfo
        {
            Name = s.Name,
            SolutionArn = s.SolutionArn,
            Status = s.Status,
            RecipeArn = s.RecipeArn,
            CreationDateTime = s.CreationDateTime,
            LastUpdatedDateTime = s.LastUpdatedDateTime,
        };

        private static SolutionVersionInfo Copy(SolutionVersionInfo v) => new SolutionVersionInfo
        {
            SolutionVersionArn = v.SolutionVersionArn,
            Status = v.Status,
            TrainingMode = v.TrainingMode,
            TrainingType = v.TrainingType,
            CreationDateTime = v.CreationDateTime,
            LastUpdatedDateTime = v.LastUpdatedDateTime,
            FailureReason = v.FailureReason,
        };

        private static CampaignInfo Copy(CampaignInfo c, bool full) => new CampaignInfo
        {
            Name = c.Name,
            CampaignArn = c.CampaignArn,
            SolutionVersionArn = full ? c.SolutionVersionArn : null,
            Status = c.Status,
            CreationDateTime = c.CreationDateTime,
            LastUpdatedDateTime = c.LastUpdatedDateTime,
            FailureReason = c.FailureReason,
        };

        private static DatasetInfo Copy(DatasetInfo d) => new DatasetInfo
        {
            Name = d.Name,
            DatasetArn = d.DatasetArn,
            DatasetType = d.DatasetType,
            Status = d.Status,
            CreationDateTime = d.CreationDateTime,
            LastUpdatedDateTime = d.LastUpdatedDateTime,
        };

        private static DatasetImportJobInfo Copy(DatasetImportJobInfo j) => new DatasetImportJobInfo
        {
            JobName = j.JobName,
            DatasetImportJobArn = j.DatasetImportJobArn,
            Status = j.Status,
            ImportMode = j.ImportMode,
            CreationDateTime = j.CreationDateTime,
            LastUpdatedDateTime = j.LastUpdatedDateTime,
            FailureReason = j.FailureReason,
        };

        private static BatchJobInfo Copy(BatchJobInfo j, bool full) => new BatchJobInfo
        {
            JobName = j.JobName,
            JobArn = j.JobArn,
            SolutionVersionArn = j.SolutionVersionArn,
            Status = j.Status,
            CreationDateTime = j.CreationDateTime,
            LastUpdatedDateTime = j.LastUpdatedDateTime,
            FailureReason = j.FailureReason,
            OutputPath = full ? j.OutputPath : null,
        };

        private static RecommenderInfo Copy(RecommenderInfo r, bool full) => new RecommenderInfo
        {
            Name = r.Name,
            RecommenderArn = r.RecommenderArn,
            DatasetGroupArn = r.DatasetGroupArn,
            RecipeArn = r.RecipeArn,
            Status = r.Status,
            CreationDateTime = r.CreationDateTime,
            LastUpdatedDateTime = r.LastUpdatedDateTime,
            FailureReason = r.FailureReason,
            LatestUpdate = full ? r.LatestUpdate : null,
        };

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
