using System;
using Amazon.Runtime;
using Amazon.S3;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// The resolved connection settings of one cmdlet call: credentials, region, endpoint and the
    /// profile whose service settings apply, plus where each came from for -Verbose.
    /// </summary>
    internal sealed class AwsSession
    {
        internal AwsSession(
            AWSCredentials credentials,
            string credentialSource,
            string region,
            string regionSource,
            string? endpointUrl,
            string? profileName,
            string? profileLocation)
        {
            Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            CredentialSource = credentialSource;
            Region = region;
            RegionSource = regionSource;
            EndpointUrl = endpointUrl;
            ProfileName = profileName;
            ProfileLocation = profileLocation;
        }

        public AWSCredentials Credentials { get; }

        /// <summary>Where the credentials came from, e.g. "profile 'dev' from /home/u/.aws/credentials"; never a secret.</summary>
        public string CredentialSource { get; }

        /// <summary>Region system name, e.g. "eu-west-1".</summary>
        public string Region { get; }

        /// <summary>Where the region came from, e.g. "-Region parameter" or "AWS_REGION environment variable".</summary>
        public string RegionSource { get; }

        /// <summary>-EndpointUrl for Personalize; null leaves the endpoint to the SDK's settings.</summary>
        public string? EndpointUrl { get; }

        /// <summary>The profile the credentials came from, whose endpoint/retry settings the clients apply.</summary>
        public string? ProfileName { get; }

        /// <summary>The shared credentials file holding <see cref="ProfileName"/> (its config file sits beside it or is AWS_CONFIG_FILE); else -ProfileLocation, if given.</summary>
        public string? ProfileLocation { get; }

        /// <summary>Sessions with equal keys can share a client (see <see cref="AwsClientKey"/>).</summary>
        public AwsClientKey ClientKey => new AwsClientKey(Region, CredentialSource, EndpointUrl, Credentials);

        public IPersonalizeClient CreatePersonalizeClient() => CreateClient();

        /// <param name="endpoint">The endpoint the client will call, for -Verbose (see <see cref="PersonalizeClient.DescribeEndpoint"/>).</param>
        /// <exception cref="AwsConfigurationException">
        /// InvalidRegion: the region is unknown to the SDK and the endpoint's host name is built from it, so a call could
        /// only fail to resolve (a typo such as us-esat-1). With a custom endpoint any well-formed region is used.
        /// </exception>
        public IPersonalizeClient CreatePersonalizeClient(out string endpoint)
        {
            PersonalizeClient client = CreateClient();
            endpoint = client.DescribeEndpoint();
            if (!AwsRegionName.IsKnown(Region) && HostNamesRegion(endpoint, Region))
            {
                client.Dispose();
                throw AwsRegionName.Unknown(Region, RegionSource, endpoint);
            }

            return client;
        }

        private static bool HostNamesRegion(string endpoint, string region) =>
            Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri)
            && ("." + uri.Host + ".").IndexOf("." + region + ".", StringComparison.OrdinalIgnoreCase) >= 0;

        private PersonalizeClient CreateClient() =>
            PersonalizeClient.Create(
                Credentials,
                new PersonalizeClientOptions
                {
                    Region = Region,
                    EndpointUrl = EndpointUrl,
                    ProfileName = ProfileName,
                    ProfileLocation = ProfileLocation,
                });

        /// <summary>An S3 client for staging; -EndpointUrl is Personalize's alone and does not apply.</summary>
        public IAmazonS3 CreateS3Client() => S3ClientFactory.Create(Credentials, Region, ProfileName, ProfileLocation);

        /// <summary>The same credentials and endpoint in another region, for resources (ARNs) that live there.</summary>
        public AwsSession ForRegion(string region)
        {
            var validated = AwsRegionName.Validate(region, "resource ARN");
            return validated == Region
                ? this
                : new AwsSession(Credentials, CredentialSource, validated, "region of the resource ARN", EndpointUrl, ProfileName, ProfileLocation);
        }
    }
}
