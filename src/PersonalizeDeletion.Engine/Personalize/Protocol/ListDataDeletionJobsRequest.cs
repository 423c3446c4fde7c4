using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class ListDataDeletionJobsRequest : AmazonWebServiceRequest
    {
        public string? DatasetGroupArn { get; set; }
        public string? NextToken { get; set; }
        public int? MaxResults { get; set; }
    }
}
