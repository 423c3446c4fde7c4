using System;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// The job name is taken by a job that is not this request (another dataset group or other data), so
    /// submitting under it would either fail or be mistaken for a re-run.
    /// </summary>
    public sealed class JobNameInUseException : InvalidOperationException
    {
        public JobNameInUseException(string jobName, string existingJobArn, string reason)
            : base($"A data deletion job named '{jobName}' already exists ({existingJobArn}) for a different request: {reason} Choose another -JobName.")
        {
            JobName = jobName;
            ExistingJobArn = existingJobArn;
        }

        private JobNameInUseException(string jobName, string existingJobArn, string message, bool _)
            : base(message)
        {
            JobName = jobName;
            ExistingJobArn = existingJobArn;
        }

        /// <summary>The name holds this very request, but that job FAILED: its users were not deleted.</summary>
        public static JobNameInUseException Failed(string jobName, string existingJobArn, string? failureReason) =>
            new JobNameInUseException(
                jobName,
                existingJobArn,
                $"The data deletion job named '{jobName}' ({existingJobArn}) was submitted for this request before, but it FAILED ({failureReason ?? "no reason given"}): its users were not deleted. Choose another -JobName to submit them again.",
                true);

        public string JobName { get; }

        public string ExistingJobArn { get; }
    }
}
