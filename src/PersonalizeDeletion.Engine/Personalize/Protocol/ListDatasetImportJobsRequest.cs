namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>ListDatasetImportJobs: the bulk imports into a dataset.</summary>
    internal sealed class ListDatasetImportJobsRequest : PagedListRequest
    {
        public ListDatasetImportJobsRequest()
            : base("ListDatasetImportJobs", "datasetArn")
        {
        }
    }
}
