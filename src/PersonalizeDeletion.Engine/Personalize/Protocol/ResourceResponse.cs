using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>Any Describe operation's answer: the one resource it names.</summary>
    internal sealed class ResourceResponse<T> : AmazonWebServiceResponse
        where T : class
    {
        public T? Resource { get; set; }
    }
}
