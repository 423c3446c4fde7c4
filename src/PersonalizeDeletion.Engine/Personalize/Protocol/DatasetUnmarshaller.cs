using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>Reads a <c>DatasetSummary</c>; members the service adds later are skipped.</summary>
    internal sealed class DatasetUnmarshaller : IJsonUnmarshaller<DatasetInfo?, JsonUnmarshallerContext>
    {
        public static readonly DatasetUnmarshaller Instance = new DatasetUnmarshaller();

        public DatasetInfo? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            var dataset = new DatasetInfo();
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("name", targetDepth))
                {
                    dataset.Name = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("datasetArn", targetDepth))
                {
                    dataset.DatasetArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("datasetType", targetDepth))
                {
                    dataset.DatasetType = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("status", targetDepth))
                {
                    dataset.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("creationDateTime", targetDepth))
                {
                    dataset.CreationDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("lastUpdatedDateTime", targetDepth))
                {
                    dataset.LastUpdatedDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
            }

            return dataset;
        }
    }
}
