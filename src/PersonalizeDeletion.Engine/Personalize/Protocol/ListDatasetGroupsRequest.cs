namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>ListDatasetGroups: the account's dataset groups in the region; the operation has no narrowing member.</summary>
    internal sealed class ListDatasetGroupsRequest : PagedListRequest
    {
        public ListDatasetGroupsRequest()
            : base("ListDatasetGroups", filterMember: null)
        {
        }
    }
}
