using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Jobs
{
    internal enum SubmissionStatus
    {
        /// <summary>The service created the job now.</summary>
        Created,

        /// <summary>The same request was submitted before (a re-run, or the SDK retried a Create whose answer was lost).</summary>
        AlreadySubmitted,

        /// <summary>The dataset group has as many PENDING deletion jobs as the service allows; try again later.</summary>
        QuotaFull,

        /// <summary>
        /// The derived name holds this same request, but that job FAILED: its users were not deleted, and the
        /// request should go again under the next attempt's name (<see cref="JobNamer.Derive"/>).
        /// </summary>
        EarlierAttemptFailed,
    }

    internal sealed class SubmissionOutcome
    {
        public SubmissionOutcome(SubmissionStatus status, DataDeletionJobInfo? job, string? message = null)
        {
            Status = status;
            Job = job;
            Message = message;
        }

        public SubmissionStatus Status { get; }

        /// <summary>The job as last described (the failed one for EarlierAttemptFailed); null only for <see cref="SubmissionStatus.QuotaFull"/>.</summary>
        public DataDeletionJobInfo? Job { get; }

        /// <summary>The service's message (for QuotaFull) or why an existing job was taken as this one.</summary>
        public string? Message { get; }
    }
}
