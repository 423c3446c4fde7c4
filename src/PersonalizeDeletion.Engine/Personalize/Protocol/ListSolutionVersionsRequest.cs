namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>ListSolutionVersions: a solution's versions (trained models).</summary>
    internal sealed class ListSolutionVersionsRequest : PagedListRequest
    {
        public ListSolutionVersionsRequest()
            : base("ListSolutionVersions", "solutionArn")
        {
        }
    }
}
