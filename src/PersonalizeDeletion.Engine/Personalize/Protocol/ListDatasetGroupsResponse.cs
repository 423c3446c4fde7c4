using System.Collections.Generic;
using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class ListDatasetGroupsResponse : AmazonWebServiceResponse
    {
        public List<DatasetGroupInfo> DatasetGroups { get; set; } = new List<DatasetGroupInfo>();
        public string? NextToken { get; set; }
    }
}
