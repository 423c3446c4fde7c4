using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// The error half shared by every operation. The SDK reads the code from <c>x-amzn-ErrorType</c> or
    /// <c>__type</c> (dropping any namespace prefix), plus the message and request id. We hand the
    /// pipeline a plain <see cref="AmazonServiceException"/> carrying that code: its retry policy keys on
    /// the code and status, and <see cref="PersonalizeExceptionTranslator"/> maps the code to our typed
    /// exceptions once retries are over.
    /// </summary>
    internal abstract class PersonalizeResponseUnmarshaller : JsonResponseUnmarshaller
    {
        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            var reader = new StreamingUtf8JsonReader(context.Stream);
            var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
            return new AmazonServiceException(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
        }
    }
}
