using System;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>The exception behind a <c>DataDeletionJobFailed</c> error: the job and the service's failure reason.</summary>
    public sealed class DataDeletionJobFailedException : Exception
    {
        public DataDeletionJobFailedException(DataDeletionJob job)
            : base($"Data deletion job '{job.JobName}' FAILED: {job.FailureReason ?? "the service gave no reason"}")
        {
            Job = job;
        }

        public DataDeletionJob Job { get; }

        public string? FailureReason => Job.FailureReason;
    }
}
