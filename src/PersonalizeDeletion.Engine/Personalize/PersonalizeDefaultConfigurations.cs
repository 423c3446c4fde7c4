using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// The SDK's defaults modes (AWS_DEFAULTS_MODE / a profile's <c>defaults_mode</c>) with the values
    /// generated service packages ship; the SDK falls back to its legacy behaviour when none is chosen.
    /// </summary>
    internal static class PersonalizeDefaultConfigurations
    {
        public static IEnumerable<IDefaultConfiguration> All => new IDefaultConfiguration[]
        {
            Create(DefaultConfigurationMode.Standard, connectMilliseconds: 3100),
            Create(DefaultConfigurationMode.InRegion, connectMilliseconds: 1100),
            Create(DefaultConfigurationMode.CrossRegion, connectMilliseconds: 3100),
            Create(DefaultConfigurationMode.Mobile, connectMilliseconds: 30000),
            Create(DefaultConfigurationMode.Auto, connectMilliseconds: 1100),
        };

        private static DefaultConfiguration Create(DefaultConfigurationMode mode, long connectMilliseconds) => new DefaultConfiguration
        {
            Name = mode,
            RetryMode = RequestRetryMode.Standard,
            S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
            ConnectTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
            TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
            TimeToFirstByteTimeout = null,
            HttpRequestTimeout = null,
        };
    }
}
