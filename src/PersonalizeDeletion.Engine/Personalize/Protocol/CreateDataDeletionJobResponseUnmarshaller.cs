using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class CreateDataDeletionJobResponseUnmarshaller : PersonalizeResponseUnmarshaller
    {
        public static readonly CreateDataDeletionJobResponseUnmarshaller Instance = new CreateDataDeletionJobResponseUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new CreateDataDeletionJobResponse();
            var reader = new StreamingUtf8JsonReader(context.Stream);
            context.Read(ref reader);
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("dataDeletionJobArn", targetDepth))
                {
                    response.DataDeletionJobArn = StringUnmarshaller.Instance.Unmarshall(context, ref reader);
                }
            }

            return response;
        }
    }
}
