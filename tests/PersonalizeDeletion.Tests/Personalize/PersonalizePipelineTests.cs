using System;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Tests.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>Signing, retries, cancellation and transport failures, all provided by AWSSDK.Core's pipeline.</summary>
    public sealed class PersonalizePipelineTests
    {
        private const string DatasetGroupsPage = "{\"datasetGroups\":[{\"name\":\"shop\"}]}";

        [Fact]
        public async Task Requests_to_a_custom_endpoint_are_SigV4_signed_for_personalize_in_the_configured_region()
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Json(200, DatasetGroupsPage));
            using var client = StubClients.For(server);

            await client.ListDatasetGroupsAsync(null, null, CancellationToken.None);

            var request = Assert.Single(server.Requests);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/", request.Path);
            Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
            Assert.Equal("AmazonPersonalize.ListDatasetGroups", request.Headers["X-Amz-Target"]);
            Assert.True(request.Headers.ContainsKey("X-Amz-Date"));
            Assert.Matches(
                new Regex(@"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/eu-west-1/personalize/aws4_request, SignedHeaders=[^,]*\bx-amz-target\b[^,]*, Signature=[0-9a-f]{64}$"),
                request.Headers["Authorization"]);
            Assert.Contains("PersonalizeDeletion/", request.Headers["User-Agent"]);
        }

        [Fact]
        public async Task A_500_is_retried_by_the_SDK()
        {
            using var server = new StubPersonalizeServer()
                .Then(StubResponse.Json(500, "{\"__type\":\"InternalFailure\",\"message\":\"oops\"}"))
                .Then(StubResponse.Json(200, DatasetGroupsPage));
            using var client = StubClients.For(server, maxErrorRetry: 2);

            var page = await client.ListDatasetGroupsAsync(null, null, CancellationToken.None);

            Assert.Equal("shop", Assert.Single(page.Items).Name);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task A_500_that_outlasts_the_retries_surfaces_as_a_service_exception_after_max_attempts()
        {
            using var server = new StubPersonalizeServer()
                .Then(StubResponse.Json(503, "{\"__type\":\"ServiceUnavailable\",\"message\":\"down\"}"))
                .Then(StubResponse.Json(503, "{\"__type\":\"ServiceUnavailable\",\"message\":\"down\"}"));
            using var client = StubClients.For(server, maxErrorRetry: 1);

            var error = await Assert.ThrowsAsync<PersonalizeServiceException>(() => client.ListDatasetGroupsAsync(null, null, CancellationToken.None));

            Assert.Equal(503, error.StatusCode);
            Assert.Equal("ServiceUnavailable", error.ErrorCode);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task A_refusal_after_an_attempt_the_SDK_retried_unanswered_says_so()
        {
            // The first attempt may have been carried out (its answer was dropped): the quota refusal of the retry
            // must not read as "nothing was created".
            // The SDK takes LimitExceededException for throttling and retries it too, and may resend on a connection
            // it thinks stale: the number of attempts is the SDK's business, so every later answer is the refusal.
            var server = new StubPersonalizeServer().Then(StubResponse.Drop());
            for (int i = 0; i < 8; i++)
            {
                server.Then(StubResponse.Error(400, "LimitExceededException", "Too many PENDING jobs."));
            }

            using var disposeServer = server;
            using var client = StubClients.For(server, maxErrorRetry: 2);

            var error = await Assert.ThrowsAsync<LimitExceededException>(() => client.CreateDataDeletionJobAsync(
                new CreateDataDeletionJobInput("job", "arn:aws:personalize:eu-west-1:123456789012:dataset-group/g", "s3://b/k.csv", "arn:aws:iam::123456789012:role/r", null),
                CancellationToken.None));

            Assert.True(error.AfterUnansweredAttempt);
            Assert.True(server.Requests.Count >= 2, $"{server.Requests.Count} attempt(s): the SDK did not retry the dropped one");
        }

        [Theory]
        [InlineData(500)]
        [InlineData(503)]
        public async Task A_refusal_after_a_retried_5xx_says_an_attempt_went_unanswered(int status)
        {
            using var server = new StubPersonalizeServer()
                .Then(StubResponse.Error(status, "InternalFailure", "oops"))
                .Then(StubResponse.Error(400, "ResourceAlreadyExistsException", "exists"));
            using var client = StubClients.For(server, maxErrorRetry: 2);

            var error = await Assert.ThrowsAsync<ResourceAlreadyExistsException>(() => client.CreateDataDeletionJobAsync(
                new CreateDataDeletionJobInput("job", "arn:aws:personalize:eu-west-1:123456789012:dataset-group/g", "s3://b/k.csv", "arn:aws:iam::123456789012:role/r", null),
                CancellationToken.None));

            Assert.True(error.AfterUnansweredAttempt);
        }

        [Fact]
        public async Task A_refusal_at_the_first_attempt_says_no_attempt_went_unanswered()
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Error(400, "LimitExceededException", "Too many PENDING jobs."));
            using var client = StubClients.For(server, maxErrorRetry: 0);

            var error = await Assert.ThrowsAsync<LimitExceededException>(() => client.CreateDataDeletionJobAsync(
                new CreateDataDeletionJobInput("job", "arn:aws:personalize:eu-west-1:123456789012:dataset-group/g", "s3://b/k.csv", "arn:aws:iam::123456789012:role/r", null),
                CancellationToken.None));

            Assert.False(error.AfterUnansweredAttempt);
        }

        [Fact]
        public async Task A_5xx_with_a_non_json_body_surfaces_as_a_service_exception_with_its_status()
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Json(502, "<html><body>Bad Gateway</body></html>"));
            using var client = StubClients.For(server, maxErrorRetry: 0);

            var error = await Assert.ThrowsAsync<PersonalizeServiceException>(() => client.ListDatasetGroupsAsync(null, null, CancellationToken.None));

            Assert.Equal(502, error.StatusCode);
            Assert.False(string.IsNullOrEmpty(error.ErrorCode));
            Assert.False(string.IsNullOrEmpty(error.Message));
        }

        [Fact]
        public async Task A_success_without_the_promised_member_is_a_client_exception_not_a_null()
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Json(200, "{}"));
            using var client = StubClients.For(server);

            var error = await Assert.ThrowsAsync<PersonalizeClientException>(() => client.DescribeDatasetGroupAsync("arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop", CancellationToken.None));

            Assert.Contains("datasetGroup", error.Message);
            Assert.Contains(server.Url, error.Message);
        }

        [Fact]
        public async Task ThrottlingException_is_retried_by_the_SDK()
        {
            using var server = new StubPersonalizeServer()
                .Then(StubResponse.Error(400, "ThrottlingException", "Rate exceeded"))
                .Then(StubResponse.Json(200, DatasetGroupsPage));
            using var client = StubClients.For(server, maxErrorRetry: 2);

            await client.ListDatasetGroupsAsync(null, null, CancellationToken.None);

            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task LimitExceededException_counts_as_throttling_in_AWSSDK_Core_so_it_is_retried_before_it_surfaces()
        {
            using var server = new StubPersonalizeServer()
                .Then(StubResponse.Error(400, "LimitExceededException", "5 pending jobs"))
                .Then(StubResponse.Error(400, "LimitExceededException", "5 pending jobs"));
            using var client = StubClients.For(server, maxErrorRetry: 1);

            var error = await Assert.ThrowsAsync<LimitExceededException>(() => client.CreateDataDeletionJobAsync(
                new CreateDataDeletionJobInput("pdj-1", "arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop", "s3://b/k.csv", "arn:aws:iam::123456789012:role/r", null),
                CancellationToken.None));

            Assert.Equal("5 pending jobs", error.Message);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task A_dropped_connection_is_retried_by_the_SDK()
        {
            using var server = new StubPersonalizeServer()
                .Then(StubResponse.Drop())
                .Then(StubResponse.Json(200, DatasetGroupsPage));
            using var client = StubClients.For(server, maxErrorRetry: 2);

            var page = await client.ListDatasetGroupsAsync(null, null, CancellationToken.None);

            Assert.Single(page.Items);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task Connections_dropped_past_the_retries_surface_as_a_client_exception_naming_the_endpoint()
        {
            using var server = new StubPersonalizeServer();
            for (var i = 0; i < 30; i++)
            {
                server.Then(StubResponse.Drop());
            }

            using var client = StubClients.For(server, maxErrorRetry: 1);

            var error = await Assert.ThrowsAsync<PersonalizeClientException>(() => client.ListDatasetGroupsAsync(null, null, CancellationToken.None));

            Assert.Equal(server.Url + "/", error.Endpoint);
            Assert.StartsWith("Could not reach Amazon Personalize at " + server.Url, error.Message);
            Assert.NotNull(error.InnerException);
            // Stale-connection retries (MaxStaleConnectionRetries) come on top of MaxErrorRetry, but the SDK gives up.
            Assert.InRange(server.Requests.Count, 2, 29);
        }

        [Fact]
        public async Task A_refused_connection_surfaces_as_a_client_exception_naming_the_endpoint()
        {
            var unusedPort = LoopbackPort.Free();
            using var client = PersonalizeClient.Create(StubClients.Credentials, new PersonalizeClientOptions
            {
                Region = StubClients.Region,
                EndpointUrl = $"http://127.0.0.1:{unusedPort}",
                MaxErrorRetry = 0,
            });

            var error = await Assert.ThrowsAsync<PersonalizeClientException>(() => client.ListDatasetGroupsAsync(null, null, CancellationToken.None));

            Assert.Contains($"http://127.0.0.1:{unusedPort}", error.Message);
            Assert.StartsWith("Could not reach Amazon Personalize at", error.Message);
        }

        [Fact]
        public async Task A_request_timeout_surfaces_as_a_client_exception_not_as_a_cancellation()
        {
            // Every attempt goes unanswered: on a loaded machine the SDK may count a timed-out connection as stale
            // and try once more on top of MaxErrorRetry, and that attempt must time out as well.
            using var server = new StubPersonalizeServer();
            for (var i = 0; i < 5; i++)
            {
                server.Then(StubResponse.NoAnswer());
            }

            using var client = StubClients.For(server, maxErrorRetry: 0, timeout: TimeSpan.FromMilliseconds(300));

            var error = await Assert.ThrowsAsync<PersonalizeClientException>(() => client.ListDatasetGroupsAsync(null, null, CancellationToken.None));

            Assert.Contains(server.Url, error.Message);
            Assert.Contains("did not answer in time", error.Message);
        }

        [Fact]
        public async Task A_response_slower_than_the_timeout_is_retried_by_the_SDK()
        {
            using var server = new StubPersonalizeServer()
                .Then(StubResponse.NoAnswer())
                .Then(StubResponse.Json(200, DatasetGroupsPage));
            using var client = StubClients.For(server, maxErrorRetry: 2, timeout: TimeSpan.FromMilliseconds(500));

            Page<DatasetGroupInfo> page = await client.ListDatasetGroupsAsync(null, null, CancellationToken.None);

            Assert.NotEmpty(page.Items);
            Assert.True(server.Requests.Count >= 2, $"{server.Requests.Count} attempt(s): the SDK did not retry the slow request");
        }

        [Fact]
        public async Task Responses_that_stay_slower_than_the_timeout_end_in_a_clear_error_after_the_retries()
        {
            // More silent answers than any attempt count: besides MaxErrorRetry the SDK may resend a request whose
            // connection it considers stale, so the exact number of attempts is the SDK's business.
            var server = new StubPersonalizeServer();
            for (int i = 0; i < 12; i++)
            {
                server.Then(StubResponse.NoAnswer());
            }

            using var disposeServer = server;
            using var client = StubClients.For(server, maxErrorRetry: 2, timeout: TimeSpan.FromMilliseconds(300));

            var error = await Assert.ThrowsAsync<PersonalizeClientException>(() => client.ListDatasetGroupsAsync(null, null, CancellationToken.None));

            Assert.Contains("did not answer in time", error.Message);
            Assert.True(server.Requests.Count >= 3, $"{server.Requests.Count} attempt(s): the SDK did not retry the slow request");
        }

        [Fact]
        public async Task Missing_credentials_surface_as_a_client_exception()
        {
            using var server = new StubPersonalizeServer();
            using var client = PersonalizeClient.Create(new UnresolvableCredentials(), new PersonalizeClientOptions { Region = StubClients.Region, EndpointUrl = server.Url });

            var error = await Assert.ThrowsAsync<PersonalizeClientException>(() => client.ListDatasetGroupsAsync(null, null, CancellationToken.None));

            Assert.Contains("no credentials configured", error.Message);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task Cancelling_while_the_SDK_backs_off_between_retries_ends_the_call_with_OperationCanceledException()
        {
            using var cancellation = new CancellationTokenSource();
            using var server = new StubPersonalizeServer();
            for (var i = 0; i < 10; i++)
            {
                server.Then(StubResponse.Json(500, "{\"__type\":\"InternalFailure\",\"message\":\"oops\"}"));
            }

            // Cancel once the second failure is on the wire: the SDK is then unmarshalling it or waiting
            // out its back-off before the third attempt.
            server.AfterResponse = number =>
            {
                if (number == 2)
                {
                    cancellation.Cancel();
                }
            };
            using var client = StubClients.For(server, maxErrorRetry: 9);

            var call = client.ListDatasetGroupsAsync(null, null, cancellation.Token);

            // The bound only keeps a broken build from hanging the run; nine un-cancelled back-offs take far longer.
            var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(cancellation.Token, error.CancellationToken);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task Cancelling_a_call_in_flight_passes_the_OperationCanceledException_through()
        {
            using var cancellation = new CancellationTokenSource();
            using var server = new StubPersonalizeServer().Then(StubResponse.NoAnswer());
            server.OnRequest = _ => cancellation.Cancel();
            using var client = StubClients.For(server, maxErrorRetry: 0);

            var call = client.DescribeDatasetGroupAsync("arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop", cancellation.Token);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        [Fact]
        public async Task An_already_cancelled_token_sends_nothing()
        {
            using var server = new StubPersonalizeServer();
            using var client = StubClients.For(server);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListDatasetGroupsAsync(null, null, new CancellationToken(canceled: true)));

            Assert.Empty(server.Requests);
        }

        private sealed class UnresolvableCredentials : AWSCredentials
        {
            public override ImmutableCredentials GetCredentials() => throw new AmazonClientException("no credentials configured");

            public override Task<ImmutableCredentials> GetCredentialsAsync() => throw new AmazonClientException("no credentials configured");
        }
    }
}
