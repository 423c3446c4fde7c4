using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// Reads a <c>DataDeletionJob</c> or a <c>DataDeletionJobSummary</c> (a subset of its members);
    /// members the service adds later are skipped.
    /// </summary>
    internal sealed class DataDeletionJobUnmarshaller : IJsonUnmarshaller<DataDeletionJobInfo?, JsonUnmarshallerContext>
    {
        public static readonly DataDeletionJobUnmarshaller Instance = new DataDeletionJobUnmarshaller();

        public DataDeletionJobInfo? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
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

            var job = new DataDeletionJobInfo();
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("jobName", targetDepth))
                {
                    job.JobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("dataDeletionJobArn", targetDepth))
                {
                    job.DataDeletionJobArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("datasetGroupArn", targetDepth))
                {
                    job.DatasetGroupArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("dataSource", targetDepth))
                {
                    job.DataLocation = DataSourceUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("roleArn", targetDepth))
                {
                    job.RoleArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("status", targetDepth))
                {
                    job.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("numDeleted", targetDepth))
                {
                    job.NumDeleted = NullableIntUnmarshaller.Instance.Unmarshall(context, ref reader);
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
