using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// A solution version (one trained model) as ListSolutionVersions returns it. <see cref="TrainingMode"/> is
    /// FULL, UPDATE or AUTOTRAIN; <see cref="TrainingType"/> is AUTOMATIC or MANUAL. Timestamps are UTC.
    /// </summary>
    internal sealed class SolutionVersionInfo
    {
        public string? SolutionVersionArn { get; set; }
        public string? Status { get; set; }
        public string? TrainingMode { get; set; }
        public string? TrainingType { get; set; }
        public DateTime? CreationDateTime { get; set; }
        public DateTime? LastUpdatedDateTime { get; set; }
        public string? FailureReason { get; set; }
    }
}
