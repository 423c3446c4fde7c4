using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>Reads a Describe operation's answer: the structure named <c>resourceMember</c>.</summary>
    internal sealed class ResourceResponseUnmarshaller<T> : PersonalizeResponseUnmarshaller
        where T : class
    {
        private readonly string _resourceMember;
        private readonly IJsonUnmarshaller<T?, JsonUnmarshallerContext> _resource;

        public ResourceResponseUnmarshaller(string resourceMember, IJsonUnmarshaller<T?, JsonUnmarshallerContext> resourceUnmarshaller)
        {
            _resourceMember = resourceMember;
            _resource = resourceUnmarshaller;
        }

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new ResourceResponse<T>();
            var reader = new StreamingUtf8JsonReader(context.Stream);
            context.Read(ref reader);
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression(_resourceMember, targetDepth))
                {
                    response.Resource = _resource.Unmarshall(context, ref reader);
                }
            }

            return response;
        }
    }
}
