using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// A campaign. ListCampaigns fills the summary members only; <see cref="SolutionVersionArn"/>, the model the
    /// campaign deploys, comes from DescribeCampaign alone. Timestamps are UTC.
    /// </summary>
    internal sealed class CampaignInfo
    {
        public string? Name { get; set; }
        public string? CampaignArn { get; set; }
        public string? SolutionVersionArn { get; set; }
        public string? Status { get; set; }
        public DateTime? CreationDateTime { get; set; }
        public DateTime? LastUpdatedDateTime { get; set; }
        public string? FailureReason { get; set; }
    }
}
