using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeDatasetGroupResponse : AmazonWebServiceResponse
    {
        public DatasetGroupInfo? DatasetGroup { get; set; }
    }
}
