using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class ResourceArnRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly ResourceArnRequestMarshaller Instance = new ResourceArnRequestMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = (ResourceArnRequest)input;
            return JsonRequestFactory.Create(request, request.Operation, context => context.Writer.WriteString(request.ArnMember, request.Arn));
        }
    }
}
