using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// The shape every paged List operation of Personalize shares: one optional ARN that narrows the list, a
    /// <c>nextToken</c> and a <c>maxResults</c>. Each operation is a subclass, so the SDK's logs and metrics name it.
    /// </summary>
    internal abstract class PagedListRequest : AmazonWebServiceRequest
    {
        protected PagedListRequest(string operation, string? filterMember)
        {
            Operation = operation;
            FilterMember = filterMember;
        }

        /// <summary>The operation, as in <c>X-Amz-Target</c>.</summary>
        public string Operation { get; }

        /// <summary>
        /// The wire name of the narrowing member, such as <c>datasetGroupArn</c>; null for an operation that always
        /// lists the whole account and region (ListDatasetGroups), which never sends <see cref="Filter"/>.
        /// </summary>
        public string? FilterMember { get; }

        /// <summary>Null lists the whole account and region.</summary>
        public string? Filter { get; set; }

        public string? NextToken { get; set; }

        public int? MaxResults { get; set; }
    }
}
