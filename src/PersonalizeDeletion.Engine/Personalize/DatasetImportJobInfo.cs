using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>A bulk import into a dataset as ListDatasetImportJobs returns it (<see cref="ImportMode"/>: FULL or INCREMENTAL). Timestamps are UTC.</summary>
    internal sealed class DatasetImportJobInfo
    {
        public string? JobName { get; set; }
        public string? DatasetImportJobArn { get; set; }
        public string? Status { get; set; }
        public string? ImportMode { get; set; }
        public DateTime? CreationDateTime { get; set; }
        public DateTime? LastUpdatedDateTime { get; set; }
        public string? FailureReason { get; set; }
    }
}
