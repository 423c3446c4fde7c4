namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>ListDataDeletionJobs: data deletion jobs, newest first, narrowed to one dataset group.</summary>
    internal sealed class ListDataDeletionJobsRequest : PagedListRequest
    {
        public ListDataDeletionJobsRequest()
            : base("ListDataDeletionJobs", "datasetGroupArn")
        {
        }
    }
}
