using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using PersonalizeDeletion.Personalize.Endpoints;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// Client configuration for Amazon Personalize, shaped like a generated SDK service config so that
    /// AWSSDK.Core applies the usual resolution: <c>AWS_ENDPOINT_URL_PERSONALIZE</c> and a profile's
    /// <c>services</c> section (keyed by <see cref="ClientConfig.ServiceId"/>), retry mode and attempts,
    /// defaults mode, FIPS and dual-stack settings.
    /// </summary>
    internal sealed class PersonalizeClientConfig : ClientConfig
    {
        internal const string ServiceIdentifier = "Personalize";
        internal const string SigningName = "personalize";
        internal const string ApiVersion = "2018-05-22";

        private string? _userAgent;

        public PersonalizeClientConfig()
            : base(new DefaultConfigurationProvider(PersonalizeDefaultConfigurations.All))
        {
            ServiceId = ServiceIdentifier;
            AuthenticationServiceName = SigningName;
            EndpointProvider = new PersonalizeEndpointProvider();
        }

        public override string RegionEndpointServiceName => SigningName;

        public override string ServiceVersion => ApiVersion;

        // Built on first use rather than in a static initialiser: module import time is budgeted.
        public override string UserAgent => _userAgent ??= "PersonalizeDeletion/" + ModuleVersion();

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
        {
            var requestContext = new RequestContext(false)
            {
                ClientConfig = this,
                OriginalRequest = parameters.Request,
                Request = new DefaultRequest(parameters.Request, ServiceIdentifier)
                {
                    AlternateEndpoint = parameters.AlternateEndpoint,
                },
            };
            return new PersonalizeEndpointResolver().GetEndpoint(new ExecutionContext(requestContext, null));
        }

        private static string ModuleVersion()
        {
            var version = typeof(PersonalizeClientConfig).Assembly.GetName().Version;
            return version is null ? "0.0.0" : version.ToString(3);
        }
    }
}
