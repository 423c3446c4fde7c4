using System.Collections.Generic;
using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class ListDataDeletionJobsResponse : AmazonWebServiceResponse
    {
        public List<DataDeletionJobInfo> DataDeletionJobs { get; set; } = new List<DataDeletionJobInfo>();
        public string? NextToken { get; set; }
    }
}
