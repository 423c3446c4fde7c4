using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>A campaign of one of the group's solutions, described, so its deployed solution version is known.</summary>
    internal sealed class DeployedCampaign
    {
        public DeployedCampaign(string? solutionArn, CampaignInfo campaign)
        {
            SolutionArn = solutionArn;
            Campaign = campaign;
        }

        public string? SolutionArn { get; }

        public CampaignInfo Campaign { get; }
    }
}
