namespace PersonalizeDeletion
{
    /// <summary>
    /// A campaign that deploys a solution version trained before the deletion: it keeps recommending from the deleted
    /// users' data until it is updated to a version trained after. The type name
    /// <c>PersonalizeDeletion.CampaignToUpdate</c> is public API.
    /// </summary>
    public sealed class CampaignToUpdate
    {
        internal CampaignToUpdate(string? campaignName, string? campaignArn, string? solutionArn, string? solutionVersionArn, string? status)
        {
            CampaignName = campaignName;
            CampaignArn = campaignArn;
            SolutionArn = solutionArn;
            SolutionVersionArn = solutionVersionArn;
            Status = status;
        }

        public string? CampaignName { get; }

        /// <summary>What <c>aws personalize update-campaign --campaign-arn</c> (or Update-PERSCampaign) takes.</summary>
        public string? CampaignArn { get; }

        public string? SolutionArn { get; }

        /// <summary>The solution version the campaign deploys now.</summary>
        public string? SolutionVersionArn { get; }

        public string? Status { get; }

        public override string ToString() => CampaignName ?? CampaignArn ?? string.Empty;
    }
}
