using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// A batch inference job or a batch segment job: the two share their members. The list calls fill the summary
    /// members; <see cref="OutputPath"/>, where the job writes its results in S3, comes from the Describe calls alone.
    /// Timestamps are UTC.
    /// </summary>
    internal sealed class BatchJobInfo
    {
        public string? JobName { get; set; }
        public string? JobArn { get; set; }
        public string? SolutionVersionArn { get; set; }
        public string? Status { get; set; }
        public DateTime? CreationDateTime { get; set; }
        public DateTime? LastUpdatedDateTime { get; set; }
        public string? FailureReason { get; set; }
        public string? OutputPath { get; set; }
    }
}
