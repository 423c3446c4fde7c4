using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// A data deletion job as the service describes it. List calls fill the summary members only
    /// (no DataLocation, RoleArn or NumDeleted); Describe fills every member the service returns.
    /// Timestamps are UTC.
    /// </summary>
    internal sealed class DataDeletionJobInfo
    {
        public string? JobName { get; set; }
        public string? DataDeletionJobArn { get; set; }
        public string? DatasetGroupArn { get; set; }
        public string? DataLocation { get; set; }
        public string? RoleArn { get; set; }
        public string? Status { get; set; }
        public int? NumDeleted { get; set; }
        public DateTime? CreationDateTime { get; set; }
        public DateTime? LastUpdatedDateTime { get; set; }
        public string? FailureReason { get; set; }
    }
}
