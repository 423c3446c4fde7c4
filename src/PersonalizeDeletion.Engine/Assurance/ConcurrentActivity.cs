using System;
using System.Globalization;

namespace PersonalizeDeletion
{
    /// <summary>
    /// One piece of work in a dataset group that, if it runs while a deletion job runs, voids the guarantee that the
    /// users' data leaves the group's models: a training, a bulk import, a batch job, a recommender being created or
    /// updated. The type name <c>PersonalizeDeletion.ConcurrentActivity</c> is public API.
    /// </summary>
    public sealed class ConcurrentActivity
    {
        internal ConcurrentActivity(ConcurrentActivityKind kind, string? name, string? arn, string? status, DateTime? creationDateTime, DateTime? lastUpdatedDateTime)
        {
            Kind = kind;
            Name = name;
            Arn = arn;
            Status = status;
            CreationDateTime = creationDateTime;
            LastUpdatedDateTime = lastUpdatedDateTime;
        }

        public ConcurrentActivityKind Kind { get; }

        /// <summary>The job's or the recommender's name; for a solution version, the name of its solution.</summary>
        public string? Name { get; }

        /// <summary>The resource's ARN; for a recommender update, the recommender's.</summary>
        public string? Arn { get; }

        /// <summary>As the service reports it, such as <c>CREATE IN_PROGRESS</c>.</summary>
        public string? Status { get; }

        /// <summary>UTC.</summary>
        public DateTime? CreationDateTime { get; }

        /// <summary>UTC.</summary>
        public DateTime? LastUpdatedDateTime { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1} ({2})", Kind, Name ?? Arn, Status);
    }
}
