using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Requests;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// Decides which staged CSVs Wait-PDataDeletionJob -RemoveStagedData may delete. A staged CSV is a list of
    /// people who asked to be forgotten, so it should go once its deletion is done, but never while a job still has
    /// to read it: removing it then fails that job with its users not deleted. An object goes only when all hold:
    /// <list type="bullet">
    /// <item>New-PDataDeletionJob staged it (its metadata says so and names the dataset groups it was staged for);</item>
    /// <item>no job of this wait that reads it is unfinished (PENDING, IN_PROGRESS, or a status not known);</item>
    /// <item>for each of those dataset groups a job of this wait that read it COMPLETED (a FAILED job's CSV stays,
    /// to be submitted again);</item>
    /// <item>no other unfinished job, of this or an earlier run, reads it: each group's jobs are listed once, and
    /// the unfinished ones whose data location is not known are described.</item>
    /// </list>
    /// Whatever cannot be established (a listing or a read refused or failing) keeps the object.
    /// </summary>
    internal sealed class StagedDataRemover
    {
        private readonly Func<string?, IDataLocationInspector> _inspector;
        private readonly Func<string?, IPersonalizeClient> _clientForRegion;
        private readonly Dictionary<string, List<DataDeletionJobInfo>> _listings = new Dictionary<string, List<DataDeletionJobInfo>>(StringComparer.Ordinal);
        private readonly Dictionary<string, DataDeletionJobInfo> _described = new Dictionary<string, DataDeletionJobInfo>(StringComparer.Ordinal);

        /// <param name="inspector">
        /// The bucket side (staging metadata and deletion) for an expected bucket owner (null: no owner check).
        /// </param>
        /// <param name="clientForRegion">The Personalize client for a region.</param>
        public StagedDataRemover(Func<string?, IDataLocationInspector> inspector, Func<string?, IPersonalizeClient> clientForRegion)
        {
            _inspector = inspector;
            _clientForRegion = clientForRegion;
        }

        /// <summary>One decision per data location the jobs read, in the order the jobs came.</summary>
        public async Task<IReadOnlyList<StagedDataDecision>> DecideAsync(IReadOnlyList<DataDeletionJob> jobs, CancellationToken cancellationToken)
        {
            var decisions = new List<StagedDataDecision>();
            List<IGrouping<string, DataDeletionJob>> byLocation = jobs
                .Where(job => LocationOf(job) is not null)
                .GroupBy(job => LocationOf(job)!, StringComparer.Ordinal)
                .ToList();
            foreach (IGrouping<string, DataDeletionJob> readers in byLocation)
            {
                decisions.Add(await DecideAsync(readers.Key, readers.ToList(), jobs, cancellationToken).ConfigureAwait(false));
            }

            return decisions;
        }

        public Task RemoveAsync(StagedDataDecision decision, CancellationToken cancellationToken)
        {
            if (!decision.Remove || decision.Location is null)
            {
                throw new InvalidOperationException($"{decision.Uri} is to be kept: {decision.Reason}");
            }

            return _inspector(decision.ExpectedBucketOwner).DeleteAsync(decision.Location.Bucket, decision.Location.Key, cancellationToken);
        }

        private async Task<StagedDataDecision> DecideAsync(string uri, List<DataDeletionJob> readers, IReadOnlyList<DataDeletionJob> waited, CancellationToken cancellationToken)
        {
            string? owner = PersonalizeArn.TryParse(readers[0].DatasetGroupArn, out PersonalizeArn? firstGroup) ? firstGroup!.Account : null;
            if (!S3Location.TryParse(uri, out S3Location? location, out _) || location!.IsFolder)
            {
                return Keep(uri, null, readers, owner, "it is not an object New-PDataDeletionJob staged.");
            }

            DataDeletionJob? running = readers.FirstOrDefault(job => !job.IsFinished);
            if (running is not null)
            {
                return Keep(uri, location, readers, owner, $"job {running.JobName} is {running.Status ?? "in an unknown state"} and still has to read it.");
            }

            var completedGroups = new HashSet<string>(
                readers.Where(IsCompleted).Select(job => job.DatasetGroupArn ?? string.Empty),
                StringComparer.Ordinal);
            if (completedGroups.Count == 0)
            {
                return Keep(uri, location, readers, owner, $"job {readers[0].JobName} FAILED, so its users were not deleted; the CSV stays so they can be submitted again.");
            }

            IReadOnlyList<string>? stagedFor;
            try
            {
                stagedFor = await _inspector(owner).GetStagedForDatasetGroupsAsync(location.Bucket, location.Key, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (!(failure is OperationCanceledException))
            {
                return new StagedDataDecision(uri, location, readers, owner, remove: false, $"S3 could not say what it is ({failure.Message}).", failure);
            }

            if (stagedFor is null)
            {
                return Keep(uri, location, readers, owner, "it was not staged by this module (or no longer exists); a data location you gave is never removed.");
            }

            if (stagedFor.Count == 0)
            {
                return Keep(uri, location, readers, owner, "it does not record which dataset groups read it.");
            }

            List<string> waitingFor = stagedFor.Where(group => !completedGroups.Contains(group)).ToList();
            if (waitingFor.Count > 0)
            {
                return Keep(uri, location, readers, owner, $"no job of this wait that read it COMPLETED for {string.Join(", ", waitingFor)}.");
            }

            string? stillReading = await FindOtherReaderAsync(uri, readers, waited, stagedFor, cancellationToken).ConfigureAwait(false);
            return stillReading is null
                ? new StagedDataDecision(uri, location, readers, owner, remove: true, "every dataset group it was staged for has a COMPLETED job that read it, and no unfinished job reads it.")
                : Keep(uri, location, readers, owner, stillReading);
        }

        /// <summary>Why another unfinished job may still read the object; null when none does.</summary>
        private async Task<string?> FindOtherReaderAsync(
            string uri,
            List<DataDeletionJob> readers,
            IReadOnlyList<DataDeletionJob> waited,
            IReadOnlyList<string> stagedFor,
            CancellationToken cancellationToken)
        {
            var done = new HashSet<string>(readers.Where(job => job.JobArn is not null).Select(job => job.JobArn!), StringComparer.Ordinal);
            var knownLocations = waited
                .Where(job => job.JobArn is not null && LocationOf(job) is not null)
                .GroupBy(job => job.JobArn!, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => LocationOf(group.First())!, StringComparer.Ordinal);

            var candidates = new List<(string Arn, string? Name, string? Status, string Group)>();

            // Unfinished jobs of this wait whose location is not known yet (timed out before any Describe).
            foreach (DataDeletionJob job in waited.Where(job => job.JobArn is not null && !job.IsFinished && !knownLocations.ContainsKey(job.JobArn!)))
            {
                candidates.Add((job.JobArn!, job.JobName, job.Status, job.DatasetGroupArn ?? "its dataset group"));
            }

            foreach (string group in stagedFor.Concat(readers.Select(job => job.DatasetGroupArn).OfType<string>()).Distinct(StringComparer.Ordinal))
            {
                List<DataDeletionJobInfo> listing;
                try
                {
                    listing = await ListAsync(group, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
                {
                    return $"the jobs of {group} could not be listed ({failure.Message}), so whether another job still reads it is not known.";
                }

                candidates.AddRange(listing
                    .Where(info => info.DataDeletionJobArn is not null && !DataDeletionJob.IsFinishedStatus(info.Status))
                    .Select(info => (info.DataDeletionJobArn!, info.JobName, info.Status, group)));
            }

            foreach (var (arn, name, status, group) in candidates.Where(candidate => !done.Contains(candidate.Arn)).GroupBy(candidate => candidate.Arn, StringComparer.Ordinal).Select(same => same.First()))
            {
                if (!knownLocations.TryGetValue(arn, out string? location))
                {
                    try
                    {
                        location = (await DescribeAsync(arn, cancellationToken).ConfigureAwait(false)).DataLocation;
                    }
                    catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
                    {
                        return $"where job {name ?? arn} ({status ?? "status unknown"}) reads could not be learned ({failure.Message}).";
                    }
                }

                if (string.Equals(location, uri, StringComparison.Ordinal))
                {
                    return $"job {name ?? arn} of {group} is {status ?? "in an unknown state"} and still reads it.";
                }
            }

            return null;
        }

        private async Task<List<DataDeletionJobInfo>> ListAsync(string datasetGroupArn, CancellationToken cancellationToken)
        {
            if (_listings.TryGetValue(datasetGroupArn, out List<DataDeletionJobInfo>? cached))
            {
                return cached;
            }

            IPersonalizeClient client = _clientForRegion(PersonalizeArn.TryParse(datasetGroupArn, out PersonalizeArn? group) ? group!.Region : null);
            List<DataDeletionJobInfo> jobs = await PageReader.ReadAllAsync<DataDeletionJobInfo>(
                (token, size, ct) => client.ListDataDeletionJobsAsync(datasetGroupArn, token, size, ct), "ListDataDeletionJobs", cancellationToken).ConfigureAwait(false);

            _listings[datasetGroupArn] = jobs;
            return jobs;
        }

        private async Task<DataDeletionJobInfo> DescribeAsync(string jobArn, CancellationToken cancellationToken)
        {
            if (_described.TryGetValue(jobArn, out DataDeletionJobInfo? cached))
            {
                return cached;
            }

            IPersonalizeClient client = _clientForRegion(PersonalizeArn.TryParse(jobArn, out PersonalizeArn? arn) ? arn!.Region : null);
            DataDeletionJobInfo info = await client.DescribeDataDeletionJobAsync(jobArn, cancellationToken).ConfigureAwait(false);
            _described[jobArn] = info;
            return info;
        }

        /// <summary>What a job reads: what the service said, else the CSV New-PDataDeletionJob staged for it.</summary>
        private static string? LocationOf(DataDeletionJob job) => job.DataLocation ?? job.StagedObject;

        private static bool IsCompleted(DataDeletionJob job) => string.Equals(job.Status, DataDeletionJob.StatusCompleted, StringComparison.OrdinalIgnoreCase);

        private static StagedDataDecision Keep(string uri, S3Location? location, List<DataDeletionJob> readers, string? owner, string reason) =>
            new StagedDataDecision(uri, location, readers, owner, remove: false, reason);
    }
}
