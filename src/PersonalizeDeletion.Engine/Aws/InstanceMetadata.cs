using System;
using Amazon.Runtime;
using Amazon.Util;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// The EC2 instance metadata service (IMDS), the last source of credentials and region.
    /// Off an EC2 instance each probe waits for the SDK's connection timeout and retries (a
    /// second or more), so AWS_EC2_METADATA_DISABLED=true, honoured here as by the SDK, skips it.
    /// </summary>
    internal static class InstanceMetadata
    {
        public const string DisabledVariable = "AWS_EC2_METADATA_DISABLED";

        public static bool IsDisabled(IAwsEnvironment environment) =>
            string.Equals(environment.GetVariable(DisabledVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The instance role's credentials when IMDS names a role. Constructing them asks IMDS
        /// for the role, which is the probe that decides the source now: otherwise a machine
        /// without credentials would fail later, inside a service call, with an obscure metadata
        /// error instead of CredentialsNotFound. The keys themselves are fetched on first use.
        /// </summary>
        public static AWSCredentials? TryGetCredentials()
        {
            try
            {
                return new InstanceProfileAWSCredentials();
            }
            catch (Exception ex) when (ex is AmazonClientException || ex is AmazonServiceException || ex is InvalidOperationException || ex is System.Net.WebException || ex is System.Net.Http.HttpRequestException)
            {
                return null;
            }
        }

        public static string? TryGetRegion()
        {
            try
            {
                return EC2InstanceMetadata.Region?.SystemName;
            }
            catch (Exception ex) when (ex is AmazonClientException || ex is InvalidOperationException || ex is System.Net.WebException || ex is System.Net.Http.HttpRequestException)
            {
                return null;
            }
        }
    }
}
