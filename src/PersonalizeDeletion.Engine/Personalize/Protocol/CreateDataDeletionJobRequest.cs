using System.Collections.Generic;
using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class CreateDataDeletionJobRequest : AmazonWebServiceRequest
    {
        public string? JobName { get; set; }
        public string? DatasetGroupArn { get; set; }
        public string? DataLocation { get; set; }
        public string? RoleArn { get; set; }
        public IReadOnlyList<KeyValuePair<string, string>>? Tags { get; set; }
    }
}
