using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// The shape every Describe operation of Personalize shares: one required ARN. Each operation is a subclass, so
    /// the SDK's logs and metrics name it.
    /// </summary>
    internal abstract class ResourceArnRequest : AmazonWebServiceRequest
    {
        protected ResourceArnRequest(string operation, string arnMember, string arn)
        {
            Operation = operation;
            ArnMember = arnMember;
            Arn = arn;
        }

        /// <summary>The operation, as in <c>X-Amz-Target</c>.</summary>
        public string Operation { get; }

        /// <summary>The wire name of the ARN member, such as <c>campaignArn</c>.</summary>
        public string ArnMember { get; }

        public string Arn { get; }
    }
}
