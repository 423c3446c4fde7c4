using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeDatasetGroupResponseUnmarshaller : PersonalizeResponseUnmarshaller
    {
        public static readonly DescribeDatasetGroupResponseUnmarshaller Instance = new DescribeDatasetGroupResponseUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new DescribeDatasetGroupResponse();
            var reader = new StreamingUtf8JsonReader(context.Stream);
            context.Read(ref reader);
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("datasetGroup", targetDepth))
                {
                    response.DatasetGroup = DatasetGroupUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return response;
        }
    }
}
