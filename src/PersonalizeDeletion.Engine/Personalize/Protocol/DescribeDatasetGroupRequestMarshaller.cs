using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeDatasetGroupRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly DescribeDatasetGroupRequestMarshaller Instance = new DescribeDatasetGroupRequestMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = (DescribeDatasetGroupRequest)input;
            return JsonRequestFactory.Create(request, "DescribeDatasetGroup", context =>
            {
                if (request.DatasetGroupArn is not null)
                {
                    context.Writer.WriteString("datasetGroupArn", request.DatasetGroupArn);
                }
            });
        }
    }
}
