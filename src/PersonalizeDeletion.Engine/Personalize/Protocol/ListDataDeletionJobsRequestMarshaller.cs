using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class ListDataDeletionJobsRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly ListDataDeletionJobsRequestMarshaller Instance = new ListDataDeletionJobsRequestMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = (ListDataDeletionJobsRequest)input;
            return JsonRequestFactory.Create(request, "ListDataDeletionJobs", context =>
            {
                var writer = context.Writer;
                if (request.DatasetGroupArn is not null)
                {
                    writer.WriteString("datasetGroupArn", request.DatasetGroupArn);
                }

                if (request.NextToken is not null)
                {
                    writer.WriteString("nextToken", request.NextToken);
                }

                if (request.MaxResults is int maxResults)
                {
                    writer.WriteNumber("maxResults", maxResults);
                }
            });
        }
    }
}
