using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using PersonalizeDeletion.Aws;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// STS GetCallerIdentity through AWSSDK.SecurityToken's client, built from the command's session: its credentials
    /// and region, and the SDK's own endpoint settings for STS (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the profile's
    /// <c>services</c> section). -EndpointUrl is Personalize's alone and does not apply. The identity is asked once.
    /// </summary>
    internal sealed class StsCallerIdentityReader : ICallerIdentityReader, IDisposable
    {
        private const string StsEndpointVariable = "AWS_ENDPOINT_URL_STS";

        private readonly AmazonSecurityTokenServiceClient _client;
        private CallerIdentity? _identity;

        private StsCallerIdentityReader(AmazonSecurityTokenServiceClient client)
        {
            _client = client;
        }

        public static StsCallerIdentityReader Create(AwsSession session)
        {
            if (session is null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            var config = new AmazonSecurityTokenServiceConfig();
            if (session.ProfileName is not null)
            {
                config.Profile = new Profile(session.ProfileName, session.ProfileLocation);
            }

            config.RegionEndpoint = RegionEndpoint.GetBySystemName(session.Region);

            BlankEndpointVariables.Apply(config, StsEndpointVariable);

            // With a custom endpoint the SDK would otherwise sign for the environment's or the profile's region.
            config.AuthenticationRegion = session.Region;
            return new StsCallerIdentityReader(new AmazonSecurityTokenServiceClient(session.Credentials, config));
        }

        public async Task<CallerIdentity> ReadAsync(CancellationToken cancellationToken)
        {
            if (_identity is not null)
            {
                return _identity;
            }

            GetCallerIdentityResponse response;
            try
            {
                response = await _client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception failure) when (failure is AmazonServiceException || failure is AmazonClientException || failure is HttpRequestException || failure is IOException || failure is OperationCanceledException
                || failure is ArgumentException || failure is InvalidOperationException)
            {
                // An ArgumentException or InvalidOperationException is the SDK's own settings failing (an endpoint it cannot use).
                throw new CallerIdentityException("STS GetCallerIdentity failed: " + failure.Message, failure);
            }

            if (string.IsNullOrEmpty(response.Arn))
            {
                throw new CallerIdentityException("STS GetCallerIdentity answered without an ARN.", new InvalidDataException("No Arn in GetCallerIdentityResponse."));
            }

            _identity = new CallerIdentity(response.Arn, response.Account, response.UserId);
            return _identity;
        }

        public void Dispose() => _client.Dispose();
    }
}
