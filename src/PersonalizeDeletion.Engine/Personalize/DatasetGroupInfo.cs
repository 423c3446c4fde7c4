using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>A dataset group as Describe/ListDatasetGroups return it. Timestamps are UTC.</summary>
    internal sealed class DatasetGroupInfo
    {
        public string? Name { get; set; }
        public string? DatasetGroupArn { get; set; }
        public string? Status { get; set; }
        public string? RoleArn { get; set; }
        public string? KmsKeyArn { get; set; }
        public string? Domain { get; set; }
        public DateTime? CreationDateTime { get; set; }
        public DateTime? LastUpdatedDateTime { get; set; }
        public string? FailureReason { get; set; }
    }
}
