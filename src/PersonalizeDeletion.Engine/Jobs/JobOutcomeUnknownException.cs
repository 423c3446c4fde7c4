using System;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// CreateDataDeletionJob failed in a way that does not say whether the service created the job (the
    /// connection broke or timed out, or the service answered 5xx, after the SDK's retries), and looking for the
    /// job by its name did not settle it either. The job may exist and read the data it was given, so that data
    /// must be kept; running the same command again finds the job by its name or creates it.
    /// </summary>
    public sealed class JobOutcomeUnknownException : InvalidOperationException
    {
        public JobOutcomeUnknownException(string jobName, string jobArn, Exception createFailure, Exception checkFailure)
            : base(
                $"Creating data deletion job '{jobName}' failed without saying whether the job was created ({createFailure.Message}), and looking for {jobArn} failed too ({checkFailure.Message}).",
                createFailure)
        {
            JobName = jobName;
            JobArn = jobArn;
        }

        public string JobName { get; }

        /// <summary>Where the job is if it was created: Get-PDataDeletionJob -JobArn tells.</summary>
        public string JobArn { get; }
    }
}
