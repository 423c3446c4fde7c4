using System;
using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// Builds the S3 client used for staging. Its endpoint comes from the SDK's standard settings
    /// (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, the profile's <c>services</c> section or
    /// <c>endpoint_url</c>), never from -EndpointUrl, which is Personalize's.
    /// </summary>
    internal static class S3ClientFactory
    {
        public static AmazonS3Client Create(AWSCredentials credentials, string region, string? profileName, string? profileLocation)
        {
            var config = new AmazonS3Config();
            if (profileName != null)
            {
                // The profile's services/endpoint_url and retry settings apply, as for Personalize.
                config.Profile = new Profile(profileName, profileLocation);
            }

            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            BlankEndpointVariables.Apply(config, "AWS_ENDPOINT_URL_S3");

            // Reading ServiceURL makes the SDK resolve its configured endpoint now, so the
            // addressing style can be chosen before the client exists.
            if (RequiresPathStyle(config.ServiceURL))
            {
                // Local S3 stand-ins (MinIO, LocalStack, test fakes) cannot serve
                // virtual-hosted buckets: "bucket.127.0.0.1" is not a resolvable host.
                config.ForcePathStyle = true;
            }

            // With a custom endpoint the SDK would otherwise sign for the environment's or the
            // profile's region, or us-east-1, rather than the region resolved for this call.
            config.AuthenticationRegion = region;
            return new AmazonS3Client(credentials, config);
        }

        /// <summary>True when <paramref name="serviceUrl"/> points at an IP address or localhost.</summary>
        public static bool RequiresPathStyle(string? serviceUrl)
        {
            if (string.IsNullOrEmpty(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
            {
                return false;
            }

            if (uri.HostNameType == UriHostNameType.IPv4 || uri.HostNameType == UriHostNameType.IPv6)
            {
                return true;
            }

            var host = uri.IdnHost.TrimEnd('.');
            return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || IPAddress.TryParse(host, out _);
        }
    }
}
