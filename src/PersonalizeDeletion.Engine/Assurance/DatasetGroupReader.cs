using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// Reads what one dataset group holds, with full paging, in a number of calls set by the group's own resources
    /// and never by how many jobs or rounds ask:
    /// <list type="bullet">
    /// <item>ListSolutions (the group), then ListSolutionVersions once per solution: the service lists versions by
    /// solution or for the whole account, and the summaries do not name their solution.</item>
    /// <item>ListDatasets (the group), then ListDatasetImportJobs once per dataset (at most one dataset per type).</item>
    /// <item>ListRecommenders (the group), then DescribeRecommender once per recommender: an update in progress shows
    /// only there (latestRecommenderUpdate).</item>
    /// <item>ListBatchInferenceJobs and ListBatchSegmentJobs once per region for the whole account (see
    /// <see cref="ReadAccountBatchJobsAsync"/>), matched to the group by solution version.</item>
    /// </list>
    /// The outcome adds (<see cref="ReadDeploymentsAsync"/>) ListCampaigns once per solution with an ACTIVE version and
    /// DescribeCampaign once per campaign (only Describe says which version a campaign deploys), and
    /// DescribeBatchInferenceJob or DescribeBatchSegmentJob once per batch job of the group (only Describe says where
    /// it wrote). A failed call leaves what depends on it null and is logged as an <see cref="AssuranceProblem"/>.
    /// </summary>
    internal sealed class DatasetGroupReader
    {
        private const AssuranceCheck EveryCheck = AssuranceCheck.ConcurrentActivity | AssuranceCheck.ModelsToRetrain | AssuranceCheck.CampaignsToUpdate | AssuranceCheck.ExternalCopies;

        private readonly IPersonalizeClient _client;
        private readonly string _datasetGroupArn;
        private readonly ProblemLog _problems;

        public DatasetGroupReader(IPersonalizeClient client, string datasetGroupArn, ProblemLog problems)
        {
            _client = client;
            _datasetGroupArn = datasetGroupArn;
            _problems = problems;
        }

        /// <summary>The account's batch jobs in the client's region (<paramref name="region"/> names it in problems).</summary>
        public static async Task<AccountBatchJobs> ReadAccountBatchJobsAsync(IPersonalizeClient client, string region, ProblemLog problems, CancellationToken cancellationToken)
        {
            const AssuranceCheck Checks = AssuranceCheck.ConcurrentActivity | AssuranceCheck.ExternalCopies;
            (bool _, List<BatchJobInfo>? inference) = await TryAsync(problems, "ListBatchInferenceJobs", Checks, region, () =>
                PageReader.ReadAllAsync<BatchJobInfo>((token, size, ct) => client.ListBatchInferenceJobsAsync(null, token, size, ct), "ListBatchInferenceJobs", cancellationToken), cancellationToken).ConfigureAwait(false);
            (bool _, List<BatchJobInfo>? segment) = await TryAsync(problems, "ListBatchSegmentJobs", Checks, region, () =>
                PageReader.ReadAllAsync<BatchJobInfo>((token, size, ct) => client.ListBatchSegmentJobsAsync(null, token, size, ct), "ListBatchSegmentJobs", cancellationToken), cancellationToken).ConfigureAwait(false);
            return new AccountBatchJobs(inference, segment);
        }

        /// <param name="accountBatchJobs">The region's batch jobs, shared by every group of the region.</param>
        public async Task<DatasetGroupResources> ReadResourcesAsync(Func<CancellationToken, Task<AccountBatchJobs>> accountBatchJobs, CancellationToken cancellationToken)
        {
            List<SolutionModels>? solutions = await ReadSolutionsAsync(cancellationToken).ConfigureAwait(false);
            List<ConcurrentActivity>? imports = await ReadImportsAsync(cancellationToken).ConfigureAwait(false);
            List<ConcurrentActivity>? recommenders = await ReadRecommendersAsync(cancellationToken).ConfigureAwait(false);
            // Batch jobs name their solution version, not their group: without the group's versions they cannot be told apart.
            List<GroupBatchJob>? batchJobs = solutions is null ? null : BatchJobsOf(solutions, await accountBatchJobs(cancellationToken).ConfigureAwait(false));
            List<ConcurrentActivity>? activity = null;
            if (solutions is not null && imports is not null && recommenders is not null && batchJobs is not null)
            {
                activity = solutions.SelectMany(TrainingOf)
                    .Concat(imports)
                    .Concat(batchJobs.Select(ActivityOf))
                    .Concat(recommenders)
                    .ToList();
            }

            return new DatasetGroupResources(_datasetGroupArn, solutions, batchJobs, activity);
        }

        public async Task<DatasetGroupDeployments> ReadDeploymentsAsync(DatasetGroupResources resources, CancellationToken cancellationToken)
        {
            List<DeployedCampaign>? campaigns = resources.Solutions is null ? null : await ReadCampaignsAsync(resources.Solutions, cancellationToken).ConfigureAwait(false);
            List<ExternalCopy>? outputs = resources.BatchJobs is null ? null : await ReadBatchOutputsAsync(resources.BatchJobs, cancellationToken).ConfigureAwait(false);
            return new DatasetGroupDeployments(campaigns, outputs);
        }

        private async Task<List<SolutionModels>?> ReadSolutionsAsync(CancellationToken cancellationToken)
        {
            (bool listed, List<SolutionInfo>? solutions) = await TryAsync("ListSolutions", EveryCheck, () =>
                PageReader.ReadAllAsync<SolutionInfo>((token, size, ct) => _client.ListSolutionsAsync(_datasetGroupArn, token, size, ct), "ListSolutions", cancellationToken), cancellationToken).ConfigureAwait(false);
            if (!listed)
            {
                return null;
            }

            var models = new List<SolutionModels>();
            foreach (SolutionInfo solution in solutions.Where(s => s.SolutionArn is not null))
            {
                (bool read, List<SolutionVersionInfo>? versions) = await TryAsync("ListSolutionVersions", EveryCheck, () =>
                    UnlessGoneAsync(() => PageReader.ReadAllAsync<SolutionVersionInfo>((token, size, ct) => _client.ListSolutionVersionsAsync(solution.SolutionArn, token, size, ct), "ListSolutionVersions", cancellationToken)), cancellationToken).ConfigureAwait(false);
                if (!read)
                {
                    return null;
                }

                if (versions is not null)
                {
                    models.Add(new SolutionModels(solution, versions));
                }
            }

            return models;
        }

        private async Task<List<ConcurrentActivity>?> ReadImportsAsync(CancellationToken cancellationToken)
        {
            (bool listed, List<DatasetInfo>? datasets) = await TryAsync("ListDatasets", AssuranceCheck.ConcurrentActivity, () =>
                PageReader.ReadAllAsync<DatasetInfo>((token, size, ct) => _client.ListDatasetsAsync(_datasetGroupArn, token, size, ct), "ListDatasets", cancellationToken), cancellationToken).ConfigureAwait(false);
            if (!listed)
            {
                return null;
            }

            var imports = new List<ConcurrentActivity>();
            foreach (DatasetInfo dataset in datasets.Where(d => d.DatasetArn is not null))
            {
                (bool read, List<DatasetImportJobInfo>? jobs) = await TryAsync("ListDatasetImportJobs", AssuranceCheck.ConcurrentActivity, () =>
                    UnlessGoneAsync(() => PageReader.ReadAllAsync<DatasetImportJobInfo>((token, size, ct) => _client.ListDatasetImportJobsAsync(dataset.DatasetArn, token, size, ct), "ListDatasetImportJobs", cancellationToken)), cancellationToken).ConfigureAwait(false);
                if (!read)
                {
                    return null;
                }

                imports.AddRange((jobs ?? new List<DatasetImportJobInfo>()).Select(job =>
                    new ConcurrentActivity(ConcurrentActivityKind.DatasetImportJob, job.JobName, job.DatasetImportJobArn, job.Status, job.CreationDateTime, job.LastUpdatedDateTime)));
            }

            return imports;
        }

        private async Task<List<ConcurrentActivity>?> ReadRecommendersAsync(CancellationToken cancellationToken)
        {
            (bool listed, List<RecommenderInfo>? recommenders) = await TryAsync("ListRecommenders", AssuranceCheck.ConcurrentActivity, () =>
                PageReader.ReadAllAsync<RecommenderInfo>((token, size, ct) => _client.ListRecommendersAsync(_datasetGroupArn, token, size, ct), "ListRecommenders", cancellationToken), cancellationToken).ConfigureAwait(false);
            if (!listed)
            {
                return null;
            }

            var activity = new List<ConcurrentActivity>();
            foreach (RecommenderInfo summary in recommenders.Where(r => r.RecommenderArn is not null))
            {
                (bool read, RecommenderInfo? recommender) = await TryAsync("DescribeRecommender", AssuranceCheck.ConcurrentActivity, () =>
                    UnlessGoneAsync(() => _client.DescribeRecommenderAsync(summary.RecommenderArn!, cancellationToken)), cancellationToken).ConfigureAwait(false);
                if (!read)
                {
                    return null;
                }

                if (recommender is null)
                {
                    continue;
                }

                activity.Add(new ConcurrentActivity(ConcurrentActivityKind.Recommender, recommender.Name, recommender.RecommenderArn, recommender.Status, recommender.CreationDateTime, recommender.LastUpdatedDateTime));
                if (recommender.LatestUpdate is RecommenderUpdateInfo update)
                {
                    activity.Add(new ConcurrentActivity(ConcurrentActivityKind.RecommenderUpdate, recommender.Name, recommender.RecommenderArn, update.Status, update.CreationDateTime, update.LastUpdatedDateTime));
                }
            }

            return activity;
        }

        private async Task<List<DeployedCampaign>?> ReadCampaignsAsync(IReadOnlyList<SolutionModels> solutions, CancellationToken cancellationToken)
        {
            var deployed = new List<DeployedCampaign>();

            // Only a solution with an ACTIVE version can have a campaign that serves.
            foreach (SolutionModels model in solutions.Where(m => m.Versions.Any(v => ResourceStatus.IsActive(v.Status))))
            {
                string solutionArn = model.Solution.SolutionArn!;
                (bool listed, List<CampaignInfo>? campaigns) = await TryAsync("ListCampaigns", AssuranceCheck.CampaignsToUpdate, () =>
                    UnlessGoneAsync(() => PageReader.ReadAllAsync<CampaignInfo>((token, size, ct) => _client.ListCampaignsAsync(solutionArn, token, size, ct), "ListCampaigns", cancellationToken)), cancellationToken).ConfigureAwait(false);
                if (!listed)
                {
                    return null;
                }

                foreach (CampaignInfo summary in (campaigns ?? new List<CampaignInfo>()).Where(c => c.CampaignArn is not null && ResourceStatus.CampaignMayServe(c.Status)))
                {
                    (bool read, CampaignInfo? campaign) = await TryAsync("DescribeCampaign", AssuranceCheck.CampaignsToUpdate, () =>
                        UnlessGoneAsync(() => _client.DescribeCampaignAsync(summary.CampaignArn!, cancellationToken)), cancellationToken).ConfigureAwait(false);
                    if (!read)
                    {
                        return null;
                    }

                    if (campaign is not null && ResourceStatus.CampaignMayServe(campaign.Status))
                    {
                        deployed.Add(new DeployedCampaign(solutionArn, campaign));
                    }
                }
            }

            return deployed;
        }

        private async Task<List<ExternalCopy>?> ReadBatchOutputsAsync(IReadOnlyList<GroupBatchJob> batchJobs, CancellationToken cancellationToken)
        {
            var copies = new List<ExternalCopy>(batchJobs.Count);
            foreach (GroupBatchJob batchJob in batchJobs)
            {
                BatchJobInfo summary = batchJob.Job;
                string operation = batchJob.Kind == ExternalCopyKind.BatchInferenceJob ? "DescribeBatchInferenceJob" : "DescribeBatchSegmentJob";
                (bool read, BatchJobInfo? described) = await TryAsync(operation, AssuranceCheck.ExternalCopies, () =>
                    UnlessGoneAsync(() => batchJob.Kind == ExternalCopyKind.BatchInferenceJob
                        ? _client.DescribeBatchInferenceJobAsync(summary.JobArn!, cancellationToken)
                        : _client.DescribeBatchSegmentJobAsync(summary.JobArn!, cancellationToken)), cancellationToken).ConfigureAwait(false);
                if (!read)
                {
                    return null;
                }

                BatchJobInfo job = described ?? summary;
                copies.Add(new ExternalCopy(batchJob.Kind, job.JobName, job.JobArn, job.OutputPath, job.Status, job.CreationDateTime));
            }

            return copies;
        }

        private static List<GroupBatchJob>? BatchJobsOf(IReadOnlyList<SolutionModels> solutions, AccountBatchJobs account)
        {
            if (account.Inference is null || account.Segment is null)
            {
                return null;
            }

            var versions = new HashSet<string>(solutions.SelectMany(m => m.Versions).Select(v => v.SolutionVersionArn).OfType<string>(), StringComparer.Ordinal);
            return account.Inference.Where(job => Reads(job, versions)).Select(job => new GroupBatchJob(ExternalCopyKind.BatchInferenceJob, job))
                .Concat(account.Segment.Where(job => Reads(job, versions)).Select(job => new GroupBatchJob(ExternalCopyKind.BatchSegmentJob, job)))
                .ToList();
        }

        private static bool Reads(BatchJobInfo job, HashSet<string> versions) =>
            job.JobArn is not null && job.SolutionVersionArn is not null && versions.Contains(job.SolutionVersionArn);

        private static IEnumerable<ConcurrentActivity> TrainingOf(SolutionModels model) =>
            model.Versions.Select(version => new ConcurrentActivity(
                ConcurrentActivityKind.SolutionVersion, model.Solution.Name, version.SolutionVersionArn, version.Status, version.CreationDateTime, version.LastUpdatedDateTime));

        private static ConcurrentActivity ActivityOf(GroupBatchJob batchJob) => new ConcurrentActivity(
            batchJob.Kind == ExternalCopyKind.BatchInferenceJob ? ConcurrentActivityKind.BatchInferenceJob : ConcurrentActivityKind.BatchSegmentJob,
            batchJob.Job.JobName,
            batchJob.Job.JobArn,
            batchJob.Job.Status,
            batchJob.Job.CreationDateTime,
            batchJob.Job.LastUpdatedDateTime);

        // A resource deleted between the list and this call is no longer there to judge: null, not a failure.
        private static async Task<T?> UnlessGoneAsync<T>(Func<Task<T>> describe)
            where T : class
        {
            try
            {
                return await describe().ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                return null;
            }
        }

        private Task<(bool Succeeded, T Value)> TryAsync<T>(string operation, AssuranceCheck checks, Func<Task<T>> call, CancellationToken cancellationToken) =>
            TryAsync(_problems, operation, checks, _datasetGroupArn, call, cancellationToken);

        /// <summary>
        /// Runs one read. A service error or a call without an answer (after the SDK's retries) is logged as a problem
        /// and reported as not succeeded; cancellation is not a problem and propagates.
        /// </summary>
        private static async Task<(bool Succeeded, T Value)> TryAsync<T>(ProblemLog problems, string operation, AssuranceCheck checks, string scope, Func<Task<T>> call, CancellationToken cancellationToken)
        {
            try
            {
                return (true, await call().ConfigureAwait(false));
            }
            catch (Exception failure) when ((failure is PersonalizeServiceException || failure is PersonalizeClientException) && !cancellationToken.IsCancellationRequested)
            {
                problems.Add(AssuranceProblem.From(operation, checks, scope, failure));
                return (false, default!);
            }
        }
    }
}
