using System;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// Creates one data deletion job exactly once. The service call is not idempotent, so a name clash is
    /// resolved by looking at the job that holds the name: if it is this request, it is returned instead of
    /// creating another; if it is not, the caller gets <see cref="JobNameInUseException"/>.
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

            return new SubmissionOutcome(SubmissionStatus.Created, await DescribeOrSketchAsync(arn, input, cancellationToken).ConfigureAwait(false));
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

            if (!string.Equals(existing.DatasetGroupArn, input.DatasetGroupArn, StringComparison.Ordinal))
            {
                throw new JobNameInUseException(input.JobName, existingArn, $"it belongs to dataset group {existing.DatasetGroupArn}.");
            }

            if (string.Equals(existing.DataLocation, input.DataLocation, StringComparison.Ordinal))
            {
                return new SubmissionOutcome(SubmissionStatus.AlreadySubmitted, existing, "it has the same dataset group and data location");
            }

            if (nameIsDerived)
            {
                return new SubmissionOutcome(SubmissionStatus.AlreadySubmitted, existing, "its name is derived from the same dataset group, role and data");
            }

            if (existing.DataLocation is string location && isSameData is not null
                && await isSameData(location, cancellationToken).ConfigureAwait(false))
            {
                return new SubmissionOutcome(SubmissionStatus.AlreadySubmitted, existing, $"its data at {location} is the same as this request's");
            }

            throw new JobNameInUseException(input.JobName, existingArn, $"it deletes the users listed at {existing.DataLocation ?? "another location"}.");
        }

        private async Task<DataDeletionJobInfo> DescribeOrSketchAsync(string arn, CreateDataDeletionJobInput input, CancellationToken cancellationToken)
        {
            try
            {
                return await _client.DescribeDataDeletionJobAsync(arn, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
            {
                // The job exists; a failed follow-up Describe must not turn a success into an error.
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
