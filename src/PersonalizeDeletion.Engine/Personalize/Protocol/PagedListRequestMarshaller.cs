using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class PagedListRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly PagedListRequestMarshaller Instance = new PagedListRequestMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = (PagedListRequest)input;
            return JsonRequestFactory.Create(request, request.Operation, context =>
            {
                var writer = context.Writer;
                if (request.FilterMember is not null && request.Filter is not null)
                {
                    writer.WriteString(request.FilterMember, request.Filter);
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
