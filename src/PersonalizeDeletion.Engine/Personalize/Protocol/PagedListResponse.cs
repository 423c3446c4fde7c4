using System.Collections.Generic;
using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>One page of any List operation: its items and the token of the next page.</summary>
    internal sealed class PagedListResponse<T> : AmazonWebServiceResponse
    {
        public List<T> Items { get; set; } = new List<T>();
        public string? NextToken { get; set; }
    }
}
