using System.Collections.Generic;
using Amazon.Runtime.Internal;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>Names the service for the SDK's metrics and logging; request names map to operations as-is.</summary>
    internal sealed class PersonalizeServiceMetadata : IServiceMetadata
    {
        public string ServiceId => PersonalizeClientConfig.ServiceIdentifier;

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>(0);
    }
}
