using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// Polls many data deletion jobs cheaply. Jobs of one dataset group are learned from one
    /// ListDataDeletionJobs walk of that group (newest first, stopping once every tracked job was seen)
    /// instead of a Describe per job; Describe is spent only on jobs whose group is not known yet and on
    /// jobs that just finished (the list omits NumDeleted). There is no SDK waiter for these jobs.
    /// </summary>
    internal sealed class DataDeletionJobWaiter
    {
        private const int PageSize = 100;

        private readonly Func<string?, IPersonalizeClient> _clientForRegion;
        private readonly List<DataDeletionJob> _jobs;
        private readonly HashSet<DataDeletionJob> _finished = new HashSet<DataDeletionJob>();
        private readonly HashSet<DataDeletionJob> _abandoned = new HashSet<DataDeletionJob>();

        /// <param name="jobs">The jobs to wait for; their members are updated in place as rounds learn more.</param>
        /// <param name="clientForRegion">The client for a job's region (null: the session's region).</param>
        public DataDeletionJobWaiter(IEnumerable<DataDeletionJob> jobs, Func<string?, IPersonalizeClient> clientForRegion)
        {
            _jobs = jobs.ToList();
            _clientForRegion = clientForRegion;
        }

        public IReadOnlyList<DataDeletionJob> Jobs => _jobs;

        public IEnumerable<DataDeletionJob> Unfinished => _jobs.Where(job => !_finished.Contains(job) && !_abandoned.Contains(job));

        public int FinishedCount => _finished.Count;

        public bool IsDone => !Unfinished.Any();

        /// <summary>Stop tracking a job (it does not exist, or its state cannot be learned); the caller reports it.</summary>
        public void Abandon(DataDeletionJob job) => _abandoned.Add(job);

        /// <summary>
        /// One round. Whatever the input objects said about their status is treated as stale: a job counts as
        /// finished only once a call in this wait saw it finished.
        /// </summary>
        public async Task<PollRound> PollAsync(CancellationToken cancellationToken)
        {
            var newlyFinished = new List<DataDeletionJob>();
            var failures = new List<KeyValuePair<DataDeletionJob, Exception>>();
            int listCalls = 0;
            int describeCalls = 0;
            bool throttled = false;

            List<DataDeletionJob> pending = Unfinished.ToList();
            var needDescribe = new List<DataDeletionJob>(pending.Where(job => job.DatasetGroupArn is null));

            foreach (IGrouping<string, DataDeletionJob> group in pending.Where(job => job.DatasetGroupArn is not null).GroupBy(job => job.DatasetGroupArn!, StringComparer.Ordinal))
            {
                var byArn = group.Where(job => job.JobArn is not null).ToDictionary(job => job.JobArn!, StringComparer.Ordinal);
                IPersonalizeClient client = _clientForRegion(group.First().Region);
                string? token = null;
                try
                {
                    do
                    {
                        Page<DataDeletionJobInfo> page = await client.ListDataDeletionJobsAsync(group.Key, token, PageSize, cancellationToken).ConfigureAwait(false);
                        listCalls++;
                        foreach (DataDeletionJobInfo summary in page.Items)
                        {
                            if (summary.DataDeletionJobArn is string arn && byArn.TryGetValue(arn, out DataDeletionJob? job))
                            {
                                byArn.Remove(arn);
                                job.Apply(summary);
                                if (job.IsFinished)
                                {
                                    needDescribe.Add(job);
                                }
                            }
                        }

                        token = byArn.Count == 0 ? null : page.NextToken;
                    }
                    while (token is not null);

                    // Not in its group's listing: the group we were told may be wrong, so ask about the job itself.
                    needDescribe.AddRange(byArn.Values);
                }
                catch (PersonalizeServiceException failure) when (failure.IsThrottling)
                {
                    throttled = true;
                }
                catch (Exception failure) when (failure is ResourceNotFoundException || failure is InvalidInputException)
                {
                    // The group itself is the problem (wrong or unknown): learn about each job directly instead.
                    needDescribe.AddRange(group);
                }
                catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
                {
                    foreach (DataDeletionJob job in group)
                    {
                        failures.Add(new KeyValuePair<DataDeletionJob, Exception>(job, failure));
                    }
                }
            }

            foreach (DataDeletionJob job in needDescribe.Distinct())
            {
                try
                {
                    DataDeletionJobInfo info = await _clientForRegion(job.Region).DescribeDataDeletionJobAsync(job.JobArn!, cancellationToken).ConfigureAwait(false);
                    describeCalls++;
                    job.Apply(info);
                    if (job.IsFinished)
                    {
                        _finished.Add(job);
                        newlyFinished.Add(job);
                    }
                }
                catch (PersonalizeServiceException failure) when (failure.IsThrottling)
                {
                    describeCalls++;
                    throttled = true;
                }
                catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
                {
                    describeCalls++;
                    failures.Add(new KeyValuePair<DataDeletionJob, Exception>(job, failure));
                }
            }

            return new PollRound(newlyFinished, listCalls, describeCalls, throttled, failures);
        }
    }
}
