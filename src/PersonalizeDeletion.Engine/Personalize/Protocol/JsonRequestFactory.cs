using System;
using System.IO;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// The awsJson1_1 envelope every Personalize operation shares: <c>POST /</c>, the operation in
    /// <c>X-Amz-Target</c>, and a JSON object body whose members the operation's marshaller writes.
    /// </summary>
    internal static class JsonRequestFactory
    {
        public const string TargetPrefix = "AmazonPersonalize.";
        public const string ContentType = "application/x-amz-json-1.1";

        public static IRequest Create(AmazonWebServiceRequest original, string operation, Action<JsonMarshallerContext> writeMembers)
        {
            var request = new DefaultRequest(original, PersonalizeClientConfig.ServiceIdentifier);
            request.Headers["X-Amz-Target"] = TargetPrefix + operation;
            request.Headers["Content-Type"] = ContentType;
            request.HttpMethod = "POST";
            request.ResourcePath = "/";

            using (var body = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(body))
                {
                    writer.WriteStartObject();
                    writeMembers(new JsonMarshallerContext(request, writer));
                    writer.WriteEndObject();
                }

                // SigV4 hashes the payload, so it has to be a byte array rather than a stream.
                request.Content = body.ToArray();
            }

            return request;
        }
    }
}
