using System;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// CreateDataDeletionJob got no answer that says whether the job was created (the connection broke or timed
    /// out, the service failed, the caller stopped), sending the same Create again did not settle it, and no read
    /// found the job either. A read that finds nothing proves nothing (the service's reads lag behind a Create),
    /// so the job may exist and read the data it was given: that data must be kept. Running the same command
    /// again finds the job by its name or creates it.
    /// </summary>
    public sealed class JobOutcomeUnknownException : InvalidOperationException
    {
        public JobOutcomeUnknownException(string jobName, string jobArn, string reason, Exception? lastFailure)
            : base($"Whether data deletion job '{jobName}' was created is not known: {reason} The job may exist and read its data; look for it by its name, {jobName} ({jobArn}): the service's reads can lag behind a Create.", lastFailure)
        {
            JobName = jobName;
            JobArn = jobArn;
        }

        public string JobName { get; }

        /// <summary>Where the job is if it was created: Get-PDataDeletionJob -JobArn tells, once the service's reads see it.</summary>
        public string JobArn { get; }
    }
}
