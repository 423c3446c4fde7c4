using System.Text.Json;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// Reads a batch job's <c>jobOutput</c> down to <c>s3DataDestination.path</c>, the S3 location the job writes
    /// to; the KMS key is skipped.
    /// </summary>
    internal sealed class BatchJobOutputUnmarshaller : IJsonUnmarshaller<string?, JsonUnmarshallerContext>
    {
        public static readonly BatchJobOutputUnmarshaller Instance = new BatchJobOutputUnmarshaller();

        public string? Unmarshall(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            string? path = null;
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("s3DataDestination", targetDepth))
                {
                    path = ReadPath(context, ref reader);
                }
            }

            return path;
        }

        private static string? ReadPath(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            context.Read(ref reader);
            if (context.CurrentTokenType == JsonTokenType.Null)
            {
                return null;
            }

            string? path = null;
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("path", targetDepth))
                {
                    path = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return path;
        }
    }
}
