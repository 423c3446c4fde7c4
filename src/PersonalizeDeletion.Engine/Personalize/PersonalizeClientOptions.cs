using System;
using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// What the credential layer resolved for one <see cref="PersonalizeClient"/>. Unset members fall
    /// back to the SDK's own resolution (environment, the named profile, then defaults).
    /// </summary>
    internal sealed class PersonalizeClientOptions
    {
        /// <summary>Required. A region system name such as <c>eu-west-1</c>; also the SigV4 signing region.</summary>
        public string Region { get; set; } = string.Empty;

        /// <summary>An explicit endpoint; wins over AWS_ENDPOINT_URL_PERSONALIZE, AWS_ENDPOINT_URL and profile endpoints.</summary>
        public string? EndpointUrl { get; set; }

        /// <summary>The profile whose <c>endpoint_url</c>, <c>services</c>, <c>retry_mode</c> and <c>max_attempts</c> apply.</summary>
        public string? ProfileName { get; set; }

        /// <summary>The shared config/credentials file holding <see cref="ProfileName"/>; null for the default locations.</summary>
        public string? ProfileLocation { get; set; }

        /// <summary>Retries after the first attempt; null leaves it to config/environment/profile.</summary>
        public int? MaxErrorRetry { get; set; }

        /// <summary>Per-attempt HTTP timeout; null keeps the SDK default.</summary>
        public TimeSpan? Timeout { get; set; }

        public RequestRetryMode? RetryMode { get; set; }
    }
}
