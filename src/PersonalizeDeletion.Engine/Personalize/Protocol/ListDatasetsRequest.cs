namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>ListDatasets: the dataset group's datasets.</summary>
    internal sealed class ListDatasetsRequest : PagedListRequest
    {
        public ListDatasetsRequest()
            : base("ListDatasets", "datasetGroupArn")
        {
        }
    }
}
