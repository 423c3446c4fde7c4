using System;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>The exception behind a <c>DataDeletionJobFailed</c> error: the job and the service's failure reason.</summary>
    public sealed class DataDeletionJobFailedException : Exception
    {
        // Internal: PowerShell enumerates the public constructors of the module's public types at import, and a
        // public one naming DataDeletionJob would load the engine there instead of at the first command.
        internal DataDeletionJobFailedException(DataDeletionJob job)
            : base($"Data deletion job '{job.JobName}' FAILED: {job.FailureReason ?? "the service gave no reason"}")
        {
            Job = job;
        }

        public DataDeletionJob Job { get; }

        public string? FailureReason => Job.FailureReason;
    }
}
