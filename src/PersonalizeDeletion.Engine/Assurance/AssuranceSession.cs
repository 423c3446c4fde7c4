using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// The assurance checks of one command. Each dataset group is read once per command (<see cref="DatasetGroupReader"/>
    /// lists the calls) and each region's batch jobs once, however many jobs and poll rounds ask; what a group's
    /// deployments add is read once, the first time a completed job of the group is judged. A call that fails leaves
    /// its checks null and is handed out once as an <see cref="AssuranceProblem"/>; it never fails the command.
    /// </summary>
    /// <remarks>
    /// A group is read when first asked about, so a command judges a group once its jobs have finished: work that
    /// starts after the read is not seen by later judgements in the same command.
    /// </remarks>
    internal sealed class AssuranceSession
    {
        private readonly Func<string, IPersonalizeClient> _clientForRegion;
        private readonly ProblemLog _problems = new ProblemLog();
        private readonly Dictionary<string, Task<AccountBatchJobs>> _batchJobs = new Dictionary<string, Task<AccountBatchJobs>>(StringComparer.Ordinal);
        private readonly Dictionary<string, Task<DatasetGroupResources>> _resources = new Dictionary<string, Task<DatasetGroupResources>>(StringComparer.Ordinal);
        private readonly Dictionary<string, Task<DatasetGroupDeployments>> _deployments = new Dictionary<string, Task<DatasetGroupDeployments>>(StringComparer.Ordinal);

        /// <param name="clientForRegion">The command's Personalize client for a region (a dataset group's region).</param>
        public AssuranceSession(Func<string, IPersonalizeClient> clientForRegion)
        {
            _clientForRegion = clientForRegion ?? throw new ArgumentNullException(nameof(clientForRegion));
        }

        /// <summary>Before a job is created: the group's work in progress now.</summary>
        /// <exception cref="ArgumentException"><paramref name="datasetGroupArn"/> is not a dataset group ARN.</exception>
        public async Task<ConcurrentActivityCheck> CheckConcurrentActivityAsync(string datasetGroupArn, CancellationToken cancellationToken)
        {
            DatasetGroupResources resources = await ResourcesAsync(datasetGroupArn, cancellationToken).ConfigureAwait(false);
            List<ConcurrentActivity>? inProgress = resources.Activity?.Where(activity => ResourceStatus.IsInProgress(activity.Kind, activity.Status)).ToList();
            return new ConcurrentActivityCheck(datasetGroupArn, inProgress, _problems.TakeNew());
        }

        /// <summary>
        /// Judges each job: a FAILED one needs no call; a running one is checked for work overlapping its run so far;
        /// a COMPLETED one is judged in full. Each job carries its judgement; jobs keep their order in the result.
        /// </summary>
        public async Task<AssuranceJudgement> JudgeAsync(IReadOnlyList<DataDeletionJob> jobs, CancellationToken cancellationToken)
        {
            if (jobs is null)
            {
                throw new ArgumentNullException(nameof(jobs));
            }

            var outcomes = new List<DeletionOutcome>(jobs.Count);
            foreach (DataDeletionJob job in jobs)
            {
                DatasetGroupResources? resources = null;
                DatasetGroupDeployments? deployments = null;
                bool failed = string.Equals(job.Status, DataDeletionJob.StatusFailed, StringComparison.OrdinalIgnoreCase);
                if (!failed && PersonalizeArn.TryParse(job.DatasetGroupArn, PersonalizeArn.DatasetGroupResourceType, out _))
                {
                    resources = await ResourcesAsync(job.DatasetGroupArn!, cancellationToken).ConfigureAwait(false);
                    if (string.Equals(job.Status, DataDeletionJob.StatusCompleted, StringComparison.OrdinalIgnoreCase))
                    {
                        deployments = await DeploymentsAsync(job.DatasetGroupArn!, resources, cancellationToken).ConfigureAwait(false);
                    }
                }

                DeletionOutcome outcome = OutcomeJudge.Judge(job, resources, deployments);
                job.Judged(outcome);
                outcomes.Add(outcome);
            }

            return new AssuranceJudgement(outcomes, _problems.TakeNew());
        }

        private Task<DatasetGroupResources> ResourcesAsync(string datasetGroupArn, CancellationToken cancellationToken)
        {
            string region = RegionOf(datasetGroupArn);
            return Once(_resources, datasetGroupArn, () =>
            {
                IPersonalizeClient client = _clientForRegion(region);
                var reader = new DatasetGroupReader(client, datasetGroupArn, _problems);
                return reader.ReadResourcesAsync(ct => Once(_batchJobs, region, () => DatasetGroupReader.ReadAccountBatchJobsAsync(client, region, _problems, ct)), cancellationToken);
            });
        }

        private Task<DatasetGroupDeployments> DeploymentsAsync(string datasetGroupArn, DatasetGroupResources resources, CancellationToken cancellationToken)
        {
            string region = RegionOf(datasetGroupArn);
            return Once(_deployments, datasetGroupArn, () =>
                new DatasetGroupReader(_clientForRegion(region), datasetGroupArn, _problems).ReadDeploymentsAsync(resources, cancellationToken));
        }

        private static string RegionOf(string datasetGroupArn) =>
            PersonalizeArn.TryParse(datasetGroupArn, PersonalizeArn.DatasetGroupResourceType, out PersonalizeArn? arn)
                ? arn!.Region
                : throw new ArgumentException("Not a dataset group ARN: " + datasetGroupArn, nameof(datasetGroupArn));

        /// <summary>The read for the key, started once; one cancelled (Ctrl+C) is started again by the next caller.</summary>
        private static Task<T> Once<T>(Dictionary<string, Task<T>> reads, string key, Func<Task<T>> start)
        {
            lock (reads)
            {
                if (!reads.TryGetValue(key, out Task<T>? read) || read.IsCanceled)
                {
                    read = start();
                    reads[key] = read;
                }

                return read;
            }
        }
    }
}
