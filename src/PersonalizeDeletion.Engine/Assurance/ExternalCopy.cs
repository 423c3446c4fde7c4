using System;

namespace PersonalizeDeletion
{
    /// <summary>
    /// Output that a batch job of the dataset group wrote to S3 before the deletion: a copy outside Personalize that
    /// a deletion job does not reach, for the user to review. The type name <c>PersonalizeDeletion.ExternalCopy</c> is
    /// public API.
    /// </summary>
    public sealed class ExternalCopy
    {
        internal ExternalCopy(ExternalCopyKind kind, string? jobName, string? jobArn, string? outputLocation, string? status, DateTime? creationDateTime)
        {
            Kind = kind;
            JobName = jobName;
            JobArn = jobArn;
            OutputLocation = outputLocation;
            Status = status;
            CreationDateTime = creationDateTime;
        }

        public ExternalCopyKind Kind { get; }

        public string? JobName { get; }

        public string? JobArn { get; }

        /// <summary>The S3 path the job wrote its results to; null when the service did not say.</summary>
        public string? OutputLocation { get; }

        public string? Status { get; }

        /// <summary>UTC.</summary>
        public DateTime? CreationDateTime { get; }

        public override string ToString() => OutputLocation ?? JobArn ?? string.Empty;
    }
}
