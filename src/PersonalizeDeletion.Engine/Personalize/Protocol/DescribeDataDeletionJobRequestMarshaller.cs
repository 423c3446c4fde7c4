using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeDataDeletionJobRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly DescribeDataDeletionJobRequestMarshaller Instance = new DescribeDataDeletionJobRequestMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = (DescribeDataDeletionJobRequest)input;
            return JsonRequestFactory.Create(request, "DescribeDataDeletionJob", context =>
            {
                if (request.DataDeletionJobArn is not null)
                {
                    context.Writer.WriteString("dataDeletionJobArn", request.DataDeletionJobArn);
                }
            });
        }
    }
}
