namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>ListBatchSegmentJobs: batch segment jobs, narrowed to one solution version.</summary>
    internal sealed class ListBatchSegmentJobsRequest : PagedListRequest
    {
        public ListBatchSegmentJobsRequest()
            : base("ListBatchSegmentJobs", "solutionVersionArn")
        {
        }
    }
}
