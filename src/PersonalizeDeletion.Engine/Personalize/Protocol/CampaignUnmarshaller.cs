using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// Reads a <c>Campaign</c> or a <c>CampaignSummary</c> (a subset of its members); the campaign's configuration,
    /// its latest update and members the service adds later are skipped.
    /// </summary>
    internal sealed class CampaignUnmarshaller : IJsonUnmarshaller<CampaignInfo?, JsonUnmarshallerContext>
    {
        public static readonly CampaignUnmarshaller Instance = new CampaignUnmarshaller();

        public CampaignInfo? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            var campaign = new CampaignInfo();
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("name", targetDepth))
                {
                    campaign.Name = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("campaignArn", targetDepth))
                {
                    campaign.CampaignArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("solutionVersionArn", targetDepth))
                {
                    campaign.SolutionVersionArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("status", targetDepth))
                {
                    campaign.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("creationDateTime", targetDepth))
                {
                    campaign.CreationDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("lastUpdatedDateTime", targetDepth))
                {
                    campaign.LastUpdatedDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("failureReason", targetDepth))
                {
                    campaign.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return campaign;
        }
    }
}
