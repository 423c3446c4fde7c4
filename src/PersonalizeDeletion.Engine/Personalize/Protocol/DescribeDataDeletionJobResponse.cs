using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeDataDeletionJobResponse : AmazonWebServiceResponse
    {
        public DataDeletionJobInfo? DataDeletionJob { get; set; }
    }
}
