using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>Reads a <c>SolutionSummary</c>; members the service adds later are skipped.</summary>
    internal sealed class SolutionUnmarshaller : IJsonUnmarshaller<SolutionInfo?, JsonUnmarshallerContext>
    {
        public static readonly SolutionUnmarshaller Instance = new SolutionUnmarshaller();

        public SolutionInfo? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            var solution = new SolutionInfo();
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("name", targetDepth))
                {
                    solution.Name = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("solutionArn", targetDepth))
                {
                    solution.SolutionArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("status", targetDepth))
                {
                    solution.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("recipeArn", targetDepth))
                {
                    solution.RecipeArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("creationDateTime", targetDepth))
                {
                    solution.CreationDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("lastUpdatedDateTime", targetDepth))
                {
                    solution.LastUpdatedDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
            }

            return solution;
        }
    }
}
