using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeDatasetGroupRequest : AmazonWebServiceRequest
    {
        public string? DatasetGroupArn { get; set; }
    }
}
