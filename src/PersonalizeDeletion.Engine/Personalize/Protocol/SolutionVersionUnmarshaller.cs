using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>Reads a <c>SolutionVersionSummary</c>; members the service adds later are skipped.</summary>
    internal sealed class SolutionVersionUnmarshaller : IJsonUnmarshaller<SolutionVersionInfo?, JsonUnmarshallerContext>
    {
        public static readonly SolutionVersionUnmarshaller Instance = new SolutionVersionUnmarshaller();

        public SolutionVersionInfo? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            var version = new SolutionVersionInfo();
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("solutionVersionArn", targetDepth))
                {
                    version.SolutionVersionArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("status", targetDepth))
                {
                    version.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("trainingMode", targetDepth))
                {
                    version.TrainingMode = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("trainingType", targetDepth))
                {
                    version.TrainingType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("creationDateTime", targetDepth))
                {
                    version.CreationDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("lastUpdatedDateTime", targetDepth))
                {
                    version.LastUpdatedDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("failureReason", targetDepth))
                {
                    version.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return version;
        }
    }
}
