using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Personalize.Protocol;
using PersonalizeDeletion.Tests.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>Endpoint resolution from the model's rule set and from the SDK's endpoint settings (no network).</summary>
    public sealed class PersonalizeEndpointTests
    {
        private const string EndpointVariable = "AWS_ENDPOINT_URL_PERSONALIZE";
        private const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";

        [Theory]
        [InlineData("us-east-1", false, false, "https://personalize.us-east-1.amazonaws.com/")]
        [InlineData("eu-west-1", false, false, "https://personalize.eu-west-1.amazonaws.com/")]
        [InlineData("us-east-1", true, false, "https://personalize-fips.us-east-1.amazonaws.com/")]
        [InlineData("us-east-1", false, true, "https://personalize.us-east-1.api.aws/")]
        [InlineData("us-east-1", true, true, "https://personalize-fips.us-east-1.api.aws/")]
        [InlineData("cn-north-1", false, false, "https://personalize.cn-north-1.amazonaws.com.cn/")]
        [InlineData("cn-north-1", false, true, "https://personalize.cn-north-1.api.amazonwebservices.com.cn/")]
        [InlineData("us-gov-west-1", false, false, "https://personalize.us-gov-west-1.amazonaws.com/")]
        [InlineData("us-gov-west-1", true, false, "https://personalize-fips.us-gov-west-1.amazonaws.com/")]
        public void The_rule_set_resolves_regional_fips_and_dual_stack_hosts_per_partition(string region, bool fips, bool dualStack, string expected)
        {
            using var environment = WithoutConfiguredEndpoints();
            var config = new PersonalizeClientConfig
            {
                RegionEndpoint = RegionEndpoint.GetBySystemName(region),
                UseFIPSEndpoint = fips,
                UseDualstackEndpoint = dualStack,
            };

            var endpoint = config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new ListDatasetGroupsRequest()));

            Assert.Equal(expected, endpoint.URL);
        }

        [Fact]
        public void A_client_describes_the_regional_endpoint_it_will_call()
        {
            using var environment = WithoutConfiguredEndpoints();
            using var client = PersonalizeClient.Create(StubClients.Credentials, new PersonalizeClientOptions { Region = "ap-southeast-2" });

            Assert.Equal("https://personalize.ap-southeast-2.amazonaws.com/", client.DescribeEndpoint());
        }

        [Fact]
        public void FIPS_with_a_custom_endpoint_is_rejected_as_the_rule_set_says()
        {
            using var environment = WithoutConfiguredEndpoints();
            var config = new PersonalizeClientConfig { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "eu-west-1", UseFIPSEndpoint = true };

            var error = Assert.Throws<AmazonClientException>(() => config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new ListDatasetGroupsRequest())));

            Assert.Contains("FIPS and custom endpoint are not supported", error.Message);
        }

        [Fact]
        public async Task An_unresolvable_configuration_is_described_for_verbose_output_and_fails_calls_with_the_reason()
        {
            using var server = new StubPersonalizeServer();
            using var environment = WithoutConfiguredEndpoints().Set("AWS_USE_FIPS_ENDPOINT", "true");
            // AWSSDK.Core caches what it read from the environment; make it read the variable set here.
            FallbackInternalConfigurationFactory.Reset();
            try
            {
                using var client = PersonalizeClient.Create(StubClients.Credentials, new PersonalizeClientOptions { Region = "eu-west-1", EndpointUrl = server.Url });

                Assert.Equal("(no endpoint: Invalid Configuration: FIPS and custom endpoint are not supported)", client.DescribeEndpoint());
                var error = await Assert.ThrowsAsync<PersonalizeClientException>(() => client.ListDatasetGroupsAsync(null, null, CancellationToken.None));
                Assert.Contains("FIPS and custom endpoint are not supported", error.Message);
                Assert.Null(error.Endpoint);
                Assert.Empty(server.Requests);
            }
            finally
            {
                environment.Dispose();
                FallbackInternalConfigurationFactory.Reset();
            }
        }

        [Fact]
        public async Task AWS_ENDPOINT_URL_PERSONALIZE_is_honoured_when_no_endpoint_is_given_and_requests_are_signed_for_the_region()
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Json(200, "{}"));
            using var environment = WithoutConfiguredEndpoints().Set(EndpointVariable, server.Url);
            using var client = PersonalizeClient.Create(StubClients.Credentials, new PersonalizeClientOptions { Region = "eu-central-1" });

            await client.ListDatasetGroupsAsync(null, null, CancellationToken.None);

            Assert.Equal(server.Url + "/", client.DescribeEndpoint());
            Assert.Contains("/eu-central-1/personalize/aws4_request", Assert.Single(server.Requests).Headers["Authorization"]);
        }

        [Fact]
        public void A_blank_AWS_ENDPOINT_URL_counts_as_unset_and_the_regional_endpoint_is_called()
        {
            // CI templates export empty variables; the SDK alone would take the blank one for an endpoint and find no URL.
            using var environment = WithoutConfiguredEndpoints().Set(GlobalEndpointVariable, " ");
            using var client = PersonalizeClient.Create(StubClients.Credentials, new PersonalizeClientOptions { Region = "eu-west-1" });

            Assert.Equal("https://personalize.eu-west-1.amazonaws.com/", client.DescribeEndpoint());
        }

        [Fact]
        public async Task A_blank_AWS_ENDPOINT_URL_PERSONALIZE_counts_as_unset_and_AWS_ENDPOINT_URL_is_called()
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Json(200, "{}"));
            using var environment = WithoutConfiguredEndpoints().Set(EndpointVariable, " ").Set(GlobalEndpointVariable, server.Url);
            using var client = PersonalizeClient.Create(StubClients.Credentials, new PersonalizeClientOptions { Region = "eu-central-1" });

            await client.ListDatasetGroupsAsync(null, null, CancellationToken.None);

            Assert.Contains("/eu-central-1/personalize/aws4_request", Assert.Single(server.Requests).Headers["Authorization"]);
        }

        [Fact]
        public async Task An_explicit_endpoint_wins_over_AWS_ENDPOINT_URL_PERSONALIZE()
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Json(200, "{}"));
            using var environment = WithoutConfiguredEndpoints().Set(EndpointVariable, "http://127.0.0.1:9").Set(GlobalEndpointVariable, "http://127.0.0.1:9");
            using var client = PersonalizeClient.Create(StubClients.Credentials, new PersonalizeClientOptions { Region = "eu-west-1", EndpointUrl = server.Url });

            await client.ListDatasetGroupsAsync(null, null, CancellationToken.None);

            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task A_named_profile_supplies_endpoint_url_and_max_attempts()
        {
            using var server = new StubPersonalizeServer()
                .Then(StubResponse.Json(500, "{\"__type\":\"InternalFailure\",\"message\":\"oops\"}"))
                .Then(StubResponse.Json(200, "{}"));
            using var environment = WithoutConfiguredEndpoints().Set("AWS_MAX_ATTEMPTS", null).Set("AWS_RETRY_MODE", null);
            var file = WriteProfileFile("[deletion]\nendpoint_url = " + server.Url + "\nmax_attempts = 1\nretry_mode = standard\n");
            try
            {
                using var client = PersonalizeClient.Create(StubClients.Credentials, new PersonalizeClientOptions
                {
                    Region = "eu-west-1",
                    ProfileName = "deletion",
                    ProfileLocation = file,
                });

                var error = await Assert.ThrowsAsync<PersonalizeServiceException>(() => client.ListDatasetGroupsAsync(null, null, CancellationToken.None));

                Assert.Equal(500, error.StatusCode);
                var request = Assert.Single(server.Requests);
                Assert.Contains("/eu-west-1/personalize/aws4_request", request.Headers["Authorization"]);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public async Task A_named_profile_services_section_in_the_sibling_config_file_supplies_the_personalize_endpoint()
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Json(200, "{}"));
            using var environment = WithoutConfiguredEndpoints().Set("AWS_CONFIG_FILE", null);
            var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "personalize-client-tests-" + Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var credentialsFile = Path.Combine(directory, "credentials");
                File.WriteAllText(credentialsFile, "[deletion]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n");
                File.WriteAllText(Path.Combine(directory, "config"),
                    "[profile deletion]\nservices = local-services\nendpoint_url = http://127.0.0.1:9\n\n" +
                    "[services local-services]\npersonalize =\n  endpoint_url = " + server.Url + "\n");
                using var client = PersonalizeClient.Create(StubClients.Credentials, new PersonalizeClientOptions
                {
                    Region = "eu-west-1",
                    ProfileName = "deletion",
                    ProfileLocation = credentialsFile,
                });

                await client.ListDatasetGroupsAsync(null, null, CancellationToken.None);

                Assert.Equal(server.Url + "/", client.DescribeEndpoint());
                Assert.Single(server.Requests);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static ProcessEnvironmentScope WithoutConfiguredEndpoints() =>
            new ProcessEnvironmentScope().Set(EndpointVariable, null).Set(GlobalEndpointVariable, null);

        private static string WriteProfileFile(string content)
        {
            var path = Path.Combine(Path.GetTempPath(), "personalize-client-tests-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(path, content);
            return path;
        }
    }
}
