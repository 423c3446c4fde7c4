using System.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class ListDataDeletionJobsResponseUnmarshaller : PersonalizeResponseUnmarshaller
    {
        public static readonly ListDataDeletionJobsResponseUnmarshaller Instance = new ListDataDeletionJobsResponseUnmarshaller();

        private static readonly JsonListUnmarshaller<DataDeletionJobInfo?, DataDeletionJobUnmarshaller> JobsUnmarshaller =
            new JsonListUnmarshaller<DataDeletionJobInfo?, DataDeletionJobUnmarshaller>(DataDeletionJobUnmarshaller.Instance);

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new ListDataDeletionJobsResponse();
            var reader = new StreamingUtf8JsonReader(context.Stream);
            context.Read(ref reader);
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("dataDeletionJobs", targetDepth))
                {
                    response.DataDeletionJobs = JobsUnmarshaller.Unmarshall(context, ref reader)?.OfType<DataDeletionJobInfo>().ToList() ?? response.DataDeletionJobs;
                }
                else if (context.TestExpression("nextToken", targetDepth))
                {
                    response.NextToken = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return response;
        }
    }
}
