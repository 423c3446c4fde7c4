namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>ListBatchInferenceJobs: batch inference jobs, narrowed to one solution version.</summary>
    internal sealed class ListBatchInferenceJobsRequest : PagedListRequest
    {
        public ListBatchInferenceJobsRequest()
            : base("ListBatchInferenceJobs", "solutionVersionArn")
        {
        }
    }
}
