using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class ListDatasetGroupsRequest : AmazonWebServiceRequest
    {
        public string? NextToken { get; set; }
        public int? MaxResults { get; set; }
    }
}
