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

        public string JobName { get; }

        public string ExistingJobArn { get; }
    }
}
