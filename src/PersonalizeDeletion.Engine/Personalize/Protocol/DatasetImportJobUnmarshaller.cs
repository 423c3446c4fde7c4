using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>Reads a <c>DatasetImportJobSummary</c>; members the service adds later are skipped.</summary>
    internal sealed class DatasetImportJobUnmarshaller : IJsonUnmarshaller<DatasetImportJobInfo?, JsonUnmarshallerContext>
    {
        public static readonly DatasetImportJobUnmarshaller Instance = new DatasetImportJobUnmarshaller();

        public DatasetImportJobInfo? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            var job = new DatasetImportJobInfo();
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("jobName", targetDepth))
                {
                    job.JobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("datasetImportJobArn", targetDepth))
                {
                    job.DatasetImportJobArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("status", targetDepth))
                {
                    job.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("importMode", targetDepth))
                {
                    job.ImportMode = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("creationDateTime", targetDepth))
                {
                    job.CreationDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("lastUpdatedDateTime", targetDepth))
                {
                    job.LastUpdatedDateTime = EpochSecondsUnmarshaller.Read(context, ref reader);
                }
                else if (context.TestExpression("failureReason", targetDepth))
                {
                    job.FailureReason = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return job;
        }
    }
}
