using System;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// Creates one data deletion job exactly once. The service call is not idempotent, so a name clash is
    /// resolved by looking at the job that holds the name: if it is this request, it is returned instead of
    /// creating another (unless it FAILED: see <see cref="SubmissionStatus.EarlierAttemptFailed"/>); if it is
    /// not, the caller gets <see cref="JobNameInUseException"/>. A Create that fails without an answer (transport
    /// failure, timeout, 5xx) is settled by describing the job by its name: found means created, not found means
    /// not created, and anything else is <see cref="JobOutcomeUnknownException"/>.
    /// </summary>
    internal sealed class DataDeletionJobSubmitter
    {
        private readonly IPersonalizeClient _client;

        public DataDeletionJobSubmitter(IPersonalizeClient client)
        {
            _client = client;
        }

        /// <param name="input">The request.</param>
        /// <param name="nameIsDerived">True when <see cref="JobNamer.Derive"/> made the name, so the name itself proves the content.</param>
        /// <param name="isSameData">
        /// For a caller-chosen name whose job points elsewhere: whether that location holds the same data as
        /// ours (e.g. an earlier staging of the same CSV). Null when there is nothing to compare.
        /// </param>
        public async Task<SubmissionOutcome> SubmitAsync(
            CreateDataDeletionJobInput input,
            bool nameIsDerived,
            Func<string, CancellationToken, Task<bool>>? isSameData,
            CancellationToken cancellationToken)
        {
            string arn;
            try
            {
                arn = await _client.CreateDataDeletionJobAsync(input, cancellationToken).ConfigureAwait(false);
            }
            catch (LimitExceededException quota)
            {
                return new SubmissionOutcome(SubmissionStatus.QuotaFull, null, quota.Message);
            }
            catch (ResourceAlreadyExistsException)
            {
                return await ResolveExistingAsync(input, nameIsDerived, isSameData, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (IsWithoutAnswer(failure))
            {
                return await SettleAsync(input, failure, nameIsDerived, isSameData, cancellationToken).ConfigureAwait(false);
            }

            return new SubmissionOutcome(SubmissionStatus.Created, await DescribeOrSketchAsync(arn, input, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>
        /// Failures after which the job may exist: no answer reached us (the request may have been processed), or
        /// the service failed on its side. A modelled 4xx error (invalid input, quota, throttling, access) is an
        /// answer: the job was not created.
        /// </summary>
        internal static bool IsWithoutAnswer(Exception failure) =>
            failure is PersonalizeClientException
            || failure is OperationCanceledException
            || (failure is PersonalizeServiceException service && service.StatusCode >= 500);

        // How long the look-up may take after the caller was stopped (Ctrl+C) during the Create: long enough to tell
        // the common case (the SDK was waiting to retry, nothing was created), so that nothing is left behind.
        private static readonly TimeSpan StoppedLookupTimeout = TimeSpan.FromSeconds(5);

        private async Task<SubmissionOutcome> SettleAsync(
            CreateDataDeletionJobInput input,
            Exception createFailure,
            bool nameIsDerived,
            Func<string, CancellationToken, Task<bool>>? isSameData,
            CancellationToken cancellationToken)
        {
            string arn = JobArnFor(input);
            DataDeletionJobInfo found;

            // Stopped by the caller: look all the same, briefly, on a token of its own.
            using (CancellationTokenSource lookup = cancellationToken.IsCancellationRequested
                ? new CancellationTokenSource(StoppedLookupTimeout)
                : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                try
                {
                    found = await _client.DescribeDataDeletionJobAsync(arn, lookup.Token).ConfigureAwait(false);
                }
                catch (ResourceNotFoundException)
                {
                    // Names are unique: no job under it means the Create was not carried out. Its own error stands.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(createFailure).Throw();
                    throw;
                }
                catch (Exception checkFailure) when (checkFailure is PersonalizeServiceException || checkFailure is PersonalizeClientException || checkFailure is OperationCanceledException)
                {
                    throw new JobOutcomeUnknownException(input.JobName, arn, createFailure, checkFailure);
                }
            }

            if (string.Equals(found.DatasetGroupArn, input.DatasetGroupArn, StringComparison.Ordinal)
                && string.Equals(found.DataLocation, input.DataLocation, StringComparison.Ordinal))
            {
                return new SubmissionOutcome(SubmissionStatus.Created, found, "the service created it before the answer was lost");
            }

            // The name was taken before this call (its answer, "already exists", was what got lost).
            return await JudgeExistingAsync(input, found, nameIsDerived, isSameData, cancellationToken).ConfigureAwait(false);
        }

        private async Task<SubmissionOutcome> ResolveExistingAsync(
            CreateDataDeletionJobInput input,
            bool nameIsDerived,
            Func<string, CancellationToken, Task<bool>>? isSameData,
            CancellationToken cancellationToken)
        {
            string existingArn = JobArnFor(input);
            DataDeletionJobInfo existing;
            try
            {
                existing = await _client.DescribeDataDeletionJobAsync(existingArn, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                throw new JobNameInUseException(input.JobName, existingArn, "the service says the name exists, but the job cannot be described.");
            }

            return await JudgeExistingAsync(input, existing, nameIsDerived, isSameData, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Whether the job holding the name is this request (and whether it failed), or another one.</summary>
        private static async Task<SubmissionOutcome> JudgeExistingAsync(
            CreateDataDeletionJobInput input,
            DataDeletionJobInfo existing,
            bool nameIsDerived,
            Func<string, CancellationToken, Task<bool>>? isSameData,
            CancellationToken cancellationToken)
        {
            string existingArn = existing.DataDeletionJobArn ?? JobArnFor(input);
            if (!string.Equals(existing.DatasetGroupArn, input.DatasetGroupArn, StringComparison.Ordinal))
            {
                throw new JobNameInUseException(input.JobName, existingArn, $"it belongs to dataset group {existing.DatasetGroupArn}.");
            }

            string? sameBecause =
                string.Equals(existing.DataLocation, input.DataLocation, StringComparison.Ordinal) ? "it has the same dataset group and data location"
                : nameIsDerived ? "its name is derived from the same dataset group, role and data"
                : existing.DataLocation is string location && isSameData is not null && await isSameData(location, cancellationToken).ConfigureAwait(false)
                    ? $"its data at {location} is the same as this request's"
                : null;
            if (sameBecause is null)
            {
                throw new JobNameInUseException(input.JobName, existingArn, $"it deletes the users listed at {existing.DataLocation ?? "another location"}.");
            }

            if (string.Equals(existing.Status, DataDeletionJob.StatusFailed, StringComparison.OrdinalIgnoreCase))
            {
                // Returning a failed job as "already submitted" would leave its users undeleted for good: a re-run
                // would find it again. A derived name moves on to the next attempt; a chosen name needs a new one.
                if (nameIsDerived)
                {
                    return new SubmissionOutcome(SubmissionStatus.EarlierAttemptFailed, existing, existing.FailureReason);
                }

                throw JobNameInUseException.Failed(input.JobName, existingArn, existing.FailureReason);
            }

            return new SubmissionOutcome(SubmissionStatus.AlreadySubmitted, existing, sameBecause);
        }

        private async Task<DataDeletionJobInfo> DescribeOrSketchAsync(string arn, CreateDataDeletionJobInput input, CancellationToken cancellationToken)
        {
            try
            {
                return await _client.DescribeDataDeletionJobAsync(arn, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException || failure is OperationCanceledException)
            {
                // The job exists; a failed (or stopped) follow-up Describe must not turn a success into an error,
                // nor let the caller take the job for one that was never created.
                return new DataDeletionJobInfo
                {
                    DataDeletionJobArn = arn,
                    JobName = input.JobName,
                    DatasetGroupArn = input.DatasetGroupArn,
                    DataLocation = input.DataLocation,
                    RoleArn = input.RoleArn,
                    Status = DataDeletionJob.StatusPending,
                };
            }
        }

        /// <summary>Job ARNs live beside their dataset group: same partition, region and account.</summary>
        internal static string JobArnFor(CreateDataDeletionJobInput input)
        {
            if (!PersonalizeArn.TryParse(input.DatasetGroupArn, out PersonalizeArn? group))
            {
                throw new ArgumentException($"'{input.DatasetGroupArn}' is not a dataset group ARN.", nameof(input));
            }

            return $"arn:{group!.Partition}:personalize:{group.Region}:{group.Account}:{PersonalizeArn.DataDeletionJobResourceType}/{input.JobName}";
        }
    }
}
