namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>ListSolutions: the dataset group's solutions.</summary>
    internal sealed class ListSolutionsRequest : PagedListRequest
    {
        public ListSolutionsRequest()
            : base("ListSolutions", "datasetGroupArn")
        {
        }
    }
}
