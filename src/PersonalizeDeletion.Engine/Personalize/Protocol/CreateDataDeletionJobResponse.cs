using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class CreateDataDeletionJobResponse : AmazonWebServiceResponse
    {
        public string? DataDeletionJobArn { get; set; }
    }
}
