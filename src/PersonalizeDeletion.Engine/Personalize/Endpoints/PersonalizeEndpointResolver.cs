using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util;

namespace PersonalizeDeletion.Personalize.Endpoints
{
    /// <summary>
    /// The pipeline handler that feeds the client configuration into <see cref="PersonalizeEndpointProvider"/>.
    /// AWSSDK.Core has already folded AWS_ENDPOINT_URL_PERSONALIZE, AWS_ENDPOINT_URL and the profile's
    /// endpoint settings into <see cref="ClientConfig.ServiceURL"/> by the time this runs.
    /// </summary>
    internal sealed class PersonalizeEndpointResolver : BaseEndpointResolver
    {
        protected override void ServiceSpecificHandler(IExecutionContext executionContext, EndpointParameters parameters)
        {
            InjectHostPrefix(executionContext.RequestContext);
        }

        protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
        {
            var config = requestContext.ClientConfig;
            var parameters = new PersonalizeEndpointParameters
            {
                Region = requestContext.Request.AlternateEndpoint?.SystemName ?? config.RegionEndpoint?.SystemName,
                UseDualStack = config.UseDualstackEndpoint,
                UseFIPS = config.UseFIPSEndpoint,
                Endpoint = config.ServiceURL,
            };

            // Setting a custom endpoint clears RegionEndpoint; the region then comes from the signing
            // region, else from whatever region the URL names (as the generated resolvers do).
            if (config.RegionEndpoint is null && !string.IsNullOrEmpty(config.ServiceURL))
            {
                parameters.Region = !string.IsNullOrEmpty(config.AuthenticationRegion)
                    ? config.AuthenticationRegion
                    : AWSSDKUtils.DetermineRegion(config.ServiceURL) is string urlRegion ? RegionEndpoint.GetBySystemName(urlRegion).SystemName : null;
            }

            if (parameters.Region == "us-east-1-regional")
            {
                parameters.Region = "us-east-1";
            }

            return parameters;
        }
    }
}
