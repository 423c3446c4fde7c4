namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>ListRecommenders: the dataset group's recommenders.</summary>
    internal sealed class ListRecommendersRequest : PagedListRequest
    {
        public ListRecommendersRequest()
            : base("ListRecommenders", "datasetGroupArn")
        {
        }
    }
}
