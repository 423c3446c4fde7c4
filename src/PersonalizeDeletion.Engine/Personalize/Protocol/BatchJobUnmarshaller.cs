using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// Reads a <c>BatchInferenceJob</c> or a <c>BatchSegmentJob</c>, or their summaries: the same members but for
    /// the name of the ARN. Input, configuration and members the service adds later are skipped.
    /// </summary>
    internal sealed class BatchJobUnmarshaller : IJsonUnmarshaller<BatchJobInfo?, JsonUnmarshallerContext>
    {
        public static readonly BatchJobUnmarshaller Inference = new BatchJobUnmarshaller("batchInferenceJobArn");

        public static readonly BatchJobUnmarshaller Segment = new BatchJobUnmarshaller("batchSegmentJobArn");

        private readonly string _arnMember;

        private BatchJobUnmarshaller(string arnMember)
        {
            _arnMember = arnMember;
        }

        public BatchJobInfo? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            var job = new BatchJobInfo();
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("jobName", targetDepth))
                {
                    job.JobName = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression(_arnMember, targetDepth))
                {
                    job.JobArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("solutionVersionArn", targetDepth))
                {
                    job.SolutionVersionArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
                else if (context.TestExpression("status", targetDepth))
                {
                    job.Status = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
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
                else if (context.TestExpression("jobOutput", targetDepth))
                {
                    job.OutputPath = BatchJobOutputUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return job;
        }
    }
}
