using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>Reads a <c>RecommenderUpdateSummary</c>; the configuration and members the service adds later are skipped.</summary>
    internal sealed class RecommenderUpdateUnmarshaller : IJsonUnmarshaller<RecommenderUpdateInfo?, JsonUnmarshallerContext>
    {
        public static readonly RecommenderUpdateUnmarshaller Instance = new RecommenderUpdateUnmarshaller();

        public RecommenderUpdateInfo? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            var update = new RecommenderUpdateInfo();
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("status", targetDepth))
                {
                    update.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("creationDateTime", targetDepth))
                {
                    update.CreationDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("lastUpdatedDateTime", targetDepth))
                {
                    update.LastUpdatedDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("failureReason", targetDepth))
                {
                    update.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return update;
        }
    }
}
