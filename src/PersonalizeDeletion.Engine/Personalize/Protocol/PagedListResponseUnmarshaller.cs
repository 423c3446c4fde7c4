using System.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>Reads a List operation's answer: the array named <c>listMember</c>, item by item, and <c>nextToken</c>.</summary>
    internal sealed class PagedListResponseUnmarshaller<T> : PersonalizeResponseUnmarshaller
        where T : class
    {
        private readonly string _listMember;
        private readonly JsonListUnmarshaller<T?, IJsonUnmarshaller<T?, JsonUnmarshallerContext>> _items;

        public PagedListResponseUnmarshaller(string listMember, IJsonUnmarshaller<T?, JsonUnmarshallerContext> itemUnmarshaller)
        {
            _listMember = listMember;
            _items = new JsonListUnmarshaller<T?, IJsonUnmarshaller<T?, JsonUnmarshallerContext>>(itemUnmarshaller);
        }

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new PagedListResponse<T>();
            var reader = new StreamingUtf8JsonReader(context.Stream);
            context.Read(ref reader);
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression(_listMember, targetDepth))
                {
                    response.Items = _items.Unmarshall(context, ref reader)?.OfType<T>().ToList() ?? response.Items;
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
