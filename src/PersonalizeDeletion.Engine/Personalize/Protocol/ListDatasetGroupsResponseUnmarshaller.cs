using System.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class ListDatasetGroupsResponseUnmarshaller : PersonalizeResponseUnmarshaller
    {
        public static readonly ListDatasetGroupsResponseUnmarshaller Instance = new ListDatasetGroupsResponseUnmarshaller();

        private static readonly JsonListUnmarshaller<DatasetGroupInfo?, DatasetGroupUnmarshaller> GroupsUnmarshaller =
            new JsonListUnmarshaller<DatasetGroupInfo?, DatasetGroupUnmarshaller>(DatasetGroupUnmarshaller.Instance);

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var response = new ListDatasetGroupsResponse();
            var reader = new StreamingUtf8JsonReader(context.Stream);
            context.Read(ref reader);
            var targetDepth = context.CurrentDepth;
            while (context.ReadAtDepth(targetDepth, ref reader))
            {
                if (context.TestExpression("datasetGroups", targetDepth))
                {
                    response.DatasetGroups = GroupsUnmarshaller.Unmarshall(context, ref reader)?.OfType<DatasetGroupInfo>().ToList() ?? response.DatasetGroups;
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
