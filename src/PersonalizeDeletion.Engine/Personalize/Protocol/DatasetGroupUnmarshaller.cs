using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// Reads a <c>DatasetGroup</c> or a <c>DatasetGroupSummary</c> (a subset of its members);
    /// members the service adds later are skipped.
    /// </summary>
    internal sealed class DatasetGroupUnmarshaller : IJsonUnmarshaller<DatasetGroupInfo?, JsonUnmarshallerContext>
    {
        public static readonly DatasetGroupUnmarshaller Instance = new DatasetGroupUnmarshaller();

        public DatasetGroupInfo? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            if (context.IsEmptyResponse)
            {
                return null;
            }

            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            var group = new DatasetGroupInfo();
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("name", targetDepth))
                {
                    group.Name = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("datasetGroupArn", targetDepth))
                {
                    group.DatasetGroupArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("status", targetDepth))
                {
                    group.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("roleArn", targetDepth))
                {
                    group.RoleArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("kmsKeyArn", targetDepth))
                {
                    group.KmsKeyArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("domain", targetDepth))
                {
                    group.Domain = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("creationDateTime", targetDepth))
                {
                    group.CreationDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("lastUpdatedDateTime", targetDepth))
                {
                    group.LastUpdatedDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("failureReason", targetDepth))
                {
                    group.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return group;
        }
    }
}
