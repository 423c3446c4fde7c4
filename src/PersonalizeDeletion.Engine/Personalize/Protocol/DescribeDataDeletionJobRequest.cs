using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeDataDeletionJobRequest : AmazonWebServiceRequest
    {
        public string? DataDeletionJobArn { get; set; }
    }
}
