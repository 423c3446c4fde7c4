using System;
using Amazon.Runtime;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// AWSSDK.Core takes a set but blank AWS_ENDPOINT_URL_&lt;SERVICE&gt; or AWS_ENDPOINT_URL for an endpoint and then
    /// has no URL to call (CI templates export empty variables): a blank one counts as unset for every client we build.
    /// </summary>
    internal static class BlankEndpointVariables
    {
        public const string GlobalVariable = "AWS_ENDPOINT_URL";

        /// <summary>
        /// When either variable is blank, sets the other one's endpoint on <paramref name="config"/>, or, when neither
        /// names one, tells the SDK to ignore configured endpoints (so the region's endpoint applies). Otherwise leaves
        /// the SDK's own resolution alone, the profile's <c>services</c> section included.
        /// </summary>
        public static void Apply(ClientConfig config, string serviceVariable)
        {
            if (config is null)
            {
                throw new ArgumentNullException(nameof(config));
            }

            string? service = Environment.GetEnvironmentVariable(serviceVariable);
            string? global = Environment.GetEnvironmentVariable(GlobalVariable);
            if (!IsBlank(service) && !IsBlank(global))
            {
                return;
            }

            string? endpoint = !string.IsNullOrWhiteSpace(service) ? service : !string.IsNullOrWhiteSpace(global) ? global : null;
            if (endpoint is not null)
            {
                config.ServiceURL = endpoint.Trim();
            }
            else
            {
                config.IgnoreConfiguredEndpointUrls = true;
            }
        }

        private static bool IsBlank(string? value) => value is not null && value.Trim().Length == 0;
    }
}
