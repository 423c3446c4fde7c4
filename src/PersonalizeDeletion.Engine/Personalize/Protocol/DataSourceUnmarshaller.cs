using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>Reads a <c>DataSource</c> structure down to its only member, <c>dataLocation</c>.</summary>
    internal sealed class DataSourceUnmarshaller : IJsonUnmarshaller<string?, JsonUnmarshallerContext>
    {
        public static readonly DataSourceUnmarshaller Instance = new DataSourceUnmarshaller();

        public string? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            string? dataLocation = null;
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("dataLocation", targetDepth))
                {
                    dataLocation = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return dataLocation;
        }
    }
}
