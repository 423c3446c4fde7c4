using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class ListDatasetGroupsRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly ListDatasetGroupsRequestMarshaller Instance = new ListDatasetGroupsRequestMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = (ListDatasetGroupsRequest)input;
            return JsonRequestFactory.Create(request, "ListDatasetGroups", context =>
            {
                var writer = context.Writer;
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
