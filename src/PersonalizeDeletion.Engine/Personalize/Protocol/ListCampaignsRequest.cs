namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>ListCampaigns: the campaigns that deploy a solution's versions.</summary>
    internal sealed class ListCampaignsRequest : PagedListRequest
    {
        public ListCampaignsRequest()
            : base("ListCampaigns", "solutionArn")
        {
        }
    }
}
