namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeCampaignRequest : ResourceArnRequest
    {
        public DescribeCampaignRequest(string arn)
            : base("DescribeCampaign", "campaignArn", arn)
        {
        }
    }
}
