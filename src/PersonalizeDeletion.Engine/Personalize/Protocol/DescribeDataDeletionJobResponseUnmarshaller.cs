using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeDataDeletionJobResponseUnmarshaller : PersonalizeResponseUnmarshaller
    {
        public static readonly DescribeDataDeletionJobResponseUnmarshaller Instance = new DescribeDataDeletionJobResponseUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new DescribeDataDeletionJobResponse();
            var reader = new StreamingUtf8JsonReader(context.Stream);
            context.Read(ref reader);
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("dataDeletionJob", targetDepth))
                {
                    response.DataDeletionJob = DataDeletionJobUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return response;
        }
    }
}
