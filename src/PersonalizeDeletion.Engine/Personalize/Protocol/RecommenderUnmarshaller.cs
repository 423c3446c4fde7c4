using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// Reads a <c>Recommender</c> or a <c>RecommenderSummary</c> (a subset of its members); configuration, metrics
    /// and members the service adds later are skipped.
    /// </summary>
    internal sealed class RecommenderUnmarshaller : IJsonUnmarshaller<RecommenderInfo?, JsonUnmarshallerContext>
    {
        public static readonly RecommenderUnmarshaller Instance = new RecommenderUnmarshaller();

        public RecommenderInfo? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            var recommender = new RecommenderInfo();
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("name", targetDepth))
                {
                    recommender.Name = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("recommenderArn", targetDepth))
                {
                    recommender.RecommenderArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("datasetGroupArn", targetDepth))
                {
                    recommender.DatasetGroupArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("recipeArn", targetDepth))
                {
                    recommender.RecipeArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("status", targetDepth))
                {
                    recommender.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("creationDateTime", targetDepth))
                {
                    recommender.CreationDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("lastUpdatedDateTime", targetDepth))
                {
                    recommender.LastUpdatedDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("failureReason", targetDepth))
                {
                    recommender.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("latestRecommenderUpdate", targetDepth))
                {
                    recommender.LatestUpdate = RecommenderUpdateUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return recommender;
        }
    }
}
