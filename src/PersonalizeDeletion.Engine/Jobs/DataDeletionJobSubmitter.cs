using System;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// Creates one data deletion job exactly once, with the job name as the idempotency key. The service call is
    /// not idempotent but names are unique, so the same Create sent again can only create the job or meet it:
    /// a Create without an answer (transport failure, timeout, 5xx) is sent again, bounded and with back-off,
    /// until an answer settles it. ResourceAlreadyExists leads to the job holding the name: this request's (it
    /// is returned instead of a second job, unless it FAILED: <see cref="SubmissionStatus.EarlierAttemptFailed"/>)
    /// or another one (<see cref="JobNameInUseException"/>). "Not created" is concluded only from the service
    /// refusing the Create; a read that finds nothing never concludes it, because the service's reads lag behind
    /// its writes. When nothing settles it, <see cref="JobOutcomeUnknownException"/> names the job to look for.
    /// </summary>
    internal sealed class DataDeletionJobSubmitter
    {
        private readonly IPersonalizeClient _client;
        private readonly SubmitterTiming _timing;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        public DataDeletionJobSubmitter(IPersonalizeClient client)
            : this(client, SubmitterTiming.Default, Task.Delay)
        {
        }

        /// <param name="client">The client for the job's region.</param>
        /// <param name="timing">How often to send and read again, and after how long.</param>
        /// <param name="delay">Waits between sends and reads (tests pass one that records instead of sleeping).</param>
        public DataDeletionJobSubmitter(IPersonalizeClient client, SubmitterTiming timing, Func<TimeSpan, CancellationToken, Task> delay)
        {
            _client = client;
            _timing = timing;
            _delay = delay;
        }

        /// <param name="input">The request.</param>
        /// <param name="nameIsDerived">True when <see cref="JobNamer.Derive"/> made the name, so the name itself proves the content.</param>
        /// <param name="isSameData">
        /// For a caller-chosen name whose job points elsewhere: whether that location holds the same data as
        /// ours (e.g. an earlier staging of the same CSV). Null when there is nothing to compare.
        /// </param>
        /// <param name="cancellationToken">Stops the submission; once a Create went out, a stop ends in <see cref="JobOutcomeUnknownException"/>.</param>
        public async Task<SubmissionOutcome> SubmitAsync(
            CreateDataDeletionJobInput input,
            bool nameIsDerived,
            Func<string, CancellationToken, Task<bool>>? isSameData,
            CancellationToken cancellationToken)
        {
            Exception? lastFailure = null;
            int sends = 0;
            while (true)
            {
                sends++;
                string arn;
                try
                {
                    arn = await _client.CreateDataDeletionJobAsync(input, cancellationToken).ConfigureAwait(false);
                }
                catch (ResourceAlreadyExistsException exists)
                {
                    return await ResolveExistingAsync(input, answerLost: lastFailure is not null || exists.AfterUnansweredAttempt, nameIsDerived, isSameData, cancellationToken).ConfigureAwait(false);
                }
                catch (LimitExceededException quota) when (lastFailure is null && !quota.AfterUnansweredAttempt)
                {
                    return new SubmissionOutcome(SubmissionStatus.QuotaFull, null, quota.Message);
                }
                catch (Exception refusal) when (IsRefusal(refusal, afterLostAnswer: lastFailure is not null || (refusal is PersonalizeServiceException { AfterUnansweredAttempt: true })))
                {
                    // The service answered no: nothing was created by any send of this request.
                    throw;
                }
                catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException || failure is OperationCanceledException)
                {
                    lastFailure = failure;
                    if (cancellationToken.IsCancellationRequested)
                    {
                        throw Unknown(input, $"the command was stopped while Create was out ({Describe(failure)}).", failure);
                    }

                    if (sends >= _timing.MaxSends)
                    {
                        break;
                    }

                    await WaitAsync(_timing.ResendDelays[sends - 1], input, failure, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                string? how = lastFailure is null ? null : FormattableString.Invariant($"send {sends} created it after an earlier send got no answer ({Describe(lastFailure)})");
                return new SubmissionOutcome(SubmissionStatus.Created, await DescribeOrSketchAsync(arn, input, cancellationToken).ConfigureAwait(false), how);
            }

            // No send was answered. Finding the job proves it was created; not finding it proves nothing.
            DataDeletionJobInfo? found = await ReadPatientlyAsync(JobArnFor(input), input, lastFailure, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                throw Unknown(
                    input,
                    FormattableString.Invariant($"{sends} sends of the same Create got no answer that settles it (the last: {Describe(lastFailure!)}), and no read found the job."),
                    lastFailure);
            }

            return await JudgeFoundAsync(input, found, answerLost: true, nameIsDerived, isSameData, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Failures after which the job may exist: no answer reached us (the request may have been processed), or
        /// the service failed on its side.
        /// </summary>
        internal static bool IsWithoutAnswer(Exception failure) =>
            failure is PersonalizeClientException
            || failure is OperationCanceledException
            || (failure is PersonalizeServiceException service && service.StatusCode >= 500);

        /// <summary>
        /// Whether the service's answer proves that no send of this request created the job. Before any send went
        /// unanswered, every 4xx answer does (the modelled refusals, and access, signature or throttling refusals
        /// the service gives before it runs the operation). After one went unanswered, only a refusal of the
        /// request itself does (invalid input, too many tags), because the same request was refused the same way
        /// the first time; a state-dependent refusal (the PENDING quota, a group not ACTIVE, throttling) may
        /// follow a first send that did create the job.
        /// </summary>
        internal static bool IsRefusal(Exception failure, bool afterLostAnswer)
        {
            if (!(failure is PersonalizeServiceException service) || IsWithoutAnswer(failure))
            {
                return false;
            }

            if (!afterLostAnswer)
            {
                return true;
            }

            return failure is InvalidInputException
                || failure is TooManyTagsException
                || service.ErrorCode == "ValidationException"
                || service.ErrorCode == "SerializationException";
        }

        private async Task<SubmissionOutcome> ResolveExistingAsync(
            CreateDataDeletionJobInput input,
            bool answerLost,
            bool nameIsDerived,
            Func<string, CancellationToken, Task<bool>>? isSameData,
            CancellationToken cancellationToken)
        {
            string arn = JobArnFor(input);
            DataDeletionJobInfo? existing = await ReadPatientlyAsync(arn, input, null, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                // The SDK retries a Create whose answer it lost, so even a first "already exists" may be this request.
                throw Unknown(input, "the service says a job of that name exists, but no read could see it.", null);
            }

            return await JudgeFoundAsync(input, existing, answerLost, nameIsDerived, isSameData, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Describes the job until a read sees it, waiting between reads: a job created a moment ago may not be
        /// visible yet. Null when no read saw it (which says nothing about whether it exists).
        /// </summary>
        private async Task<DataDeletionJobInfo?> ReadPatientlyAsync(string arn, CreateDataDeletionJobInput input, Exception? createFailure, CancellationToken cancellationToken)
        {
            for (int read = 0; ; read++)
            {
                try
                {
                    return await _client.DescribeDataDeletionJobAsync(arn, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception failure) when (failure is ResourceNotFoundException || IsWithoutAnswer(failure) || IsThrottling(failure))
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        throw Unknown(input, $"the command was stopped while looking for the job ({Describe(failure)}).", createFailure ?? failure);
                    }

                    if (read >= _timing.ReadDelays.Count)
                    {
                        return null;
                    }

                    await WaitAsync(_timing.ReadDelays[read], input, createFailure ?? failure, cancellationToken).ConfigureAwait(false);
                }
                catch (PersonalizeServiceException failure)
                {
                    throw Unknown(input, $"looking for the job was refused ({Describe(failure)}).", createFailure ?? failure);
                }
            }
        }

        /// <summary>The job that holds the name: created by a send of this call, an earlier run of this request, or another request.</summary>
        private static async Task<SubmissionOutcome> JudgeFoundAsync(
            CreateDataDeletionJobInput input,
            DataDeletionJobInfo found,
            bool answerLost,
            bool nameIsDerived,
            Func<string, CancellationToken, Task<bool>>? isSameData,
            CancellationToken cancellationToken)
        {
            if (answerLost
                && string.Equals(found.DatasetGroupArn, input.DatasetGroupArn, StringComparison.Ordinal)
                && string.Equals(found.DataLocation, input.DataLocation, StringComparison.Ordinal))
            {
                return new SubmissionOutcome(SubmissionStatus.Created, found, "the service created it before an answer was lost");
            }

            return await JudgeExistingAsync(input, found, nameIsDerived, isSameData, cancellationToken).ConfigureAwait(false);
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
                // The job exists; a failed (not yet visible, or stopped) follow-up Describe must not turn a success
                // into an error, nor let the caller take the job for one that was never created.
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

        private async Task WaitAsync(TimeSpan delay, CreateDataDeletionJobInput input, Exception lastFailure, CancellationToken cancellationToken)
        {
            try
            {
                await _delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException stopped) when (cancellationToken.IsCancellationRequested)
            {
                throw Unknown(input, $"the command was stopped before the Create was settled (the last answer: {Describe(lastFailure)}).", stopped);
            }
        }

        private static bool IsThrottling(Exception failure) => failure is PersonalizeServiceException { IsThrottling: true };

        private static JobOutcomeUnknownException Unknown(CreateDataDeletionJobInput input, string reason, Exception? lastFailure) =>
            new JobOutcomeUnknownException(input.JobName, JobArnFor(input), reason, lastFailure);

        private static string Describe(Exception failure) => failure is PersonalizeServiceException service
            ? FormattableString.Invariant($"{service.ErrorCode}, HTTP {service.StatusCode}: {service.Message}")
            : failure.Message;

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
