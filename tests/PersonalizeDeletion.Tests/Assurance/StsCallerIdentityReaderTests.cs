using System;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Assurance;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Tests.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Assurance
{
    /// <summary>STS GetCallerIdentity through AWSSDK.SecurityToken's client built from the session, against a loopback STS.</summary>
    public sealed class StsCallerIdentityReaderTests
    {
        private const string Identity =
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
            + "<Arn>arn:aws:sts::123456789012:assumed-role/DeletionRunner/ticket-42</Arn><UserId>AROAEXAMPLE:ticket-42</UserId><Account>123456789012</Account>"
            + "</GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>";

        private const string InvalidToken =
            "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>"
            + "<Message>The security token included in the request is invalid.</Message></Error><RequestId>req-1</RequestId></ErrorResponse>";

        [Fact]
        public async Task Reads_the_caller_from_the_sts_endpoint_of_the_environment_signed_for_the_sessions_region_once()
        {
            using var dir = new AwsTestDirectory();
            using var sts = new LoopbackSts();
            dir.Process.Set("AWS_ENDPOINT_URL_STS", sts.Url);
            AwsSession session = AwsSessionResolver.Resolve(
                new AwsConnectionRequest { AccessKey = "AKIDSTSTEST", SecretKey = "stssecret", Region = "eu-west-1", EndpointUrl = "http://127.0.0.1:1/" },
                dir.Environment);

            using StsCallerIdentityReader reader = StsCallerIdentityReader.Create(session);
            Task<(string Authorization, string Body)> served = sts.ServeAsync(200, Identity);
            CallerIdentity identity = await reader.ReadAsync(CancellationToken.None);
            (string authorization, string body) = await served;
            CallerIdentity again = await reader.ReadAsync(CancellationToken.None);

            Assert.Equal("arn:aws:sts::123456789012:assumed-role/DeletionRunner/ticket-42", identity.Arn);
            Assert.Equal("123456789012", identity.Account);
            Assert.Equal("AROAEXAMPLE:ticket-42", identity.UserId);
            Assert.Contains("Action=GetCallerIdentity", body, StringComparison.Ordinal);
            Assert.Contains("Credential=AKIDSTSTEST/", authorization, StringComparison.Ordinal);
            Assert.Contains("/eu-west-1/sts/aws4_request", authorization, StringComparison.Ordinal);
            Assert.Same(identity, again);
            Assert.Equal(1, sts.Requests);
        }

        [Theory]
        [InlineData("AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL")]
        [InlineData("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS")]
        public async Task A_blank_endpoint_variable_counts_as_unset_and_the_other_one_is_called(string set, string blank)
        {
            using var dir = new AwsTestDirectory();
            using var sts = new LoopbackSts();
            dir.Process.Set(set, sts.Url);
            dir.Process.Set(blank, " ");
            AwsSession session = AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDBLANK", SecretKey = "blanksecret", Region = "eu-west-1" }, dir.Environment);

            using StsCallerIdentityReader reader = StsCallerIdentityReader.Create(session);
            Task<(string Authorization, string Body)> served = sts.ServeAsync(200, Identity);
            CallerIdentity identity = await reader.ReadAsync(CancellationToken.None);
            (string authorization, _) = await served;

            Assert.Equal("123456789012", identity.Account);
            Assert.Contains("/eu-west-1/sts/aws4_request", authorization, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Follows_the_sts_endpoint_of_the_profiles_services_section()
        {
            using var dir = new AwsTestDirectory();
            using var sts = new LoopbackSts();
            dir.WithConfig("[profile runner]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profilesecret\nregion = eu-central-1\nservices = local\n\n"
                + "[services local]\nsts =\n  endpoint_url = " + sts.Url + "\n");
            AwsSession session = AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileName = "runner" }, dir.Environment);

            using StsCallerIdentityReader reader = StsCallerIdentityReader.Create(session);
            Task<(string Authorization, string Body)> served = sts.ServeAsync(200, Identity);
            CallerIdentity identity = await reader.ReadAsync(CancellationToken.None);
            (string authorization, _) = await served;

            Assert.Equal("123456789012", identity.Account);
            Assert.Contains("Credential=AKIDPROFILE/", authorization, StringComparison.Ordinal);
            Assert.Contains("/eu-central-1/sts/aws4_request", authorization, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_error_from_sts_is_a_CallerIdentityException_that_says_why()
        {
            using var dir = new AwsTestDirectory();
            using var sts = new LoopbackSts();
            dir.Process.Set("AWS_ENDPOINT_URL_STS", sts.Url);
            AwsSession session = AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDBAD", SecretKey = "bad", Region = "eu-west-1" }, dir.Environment);

            using StsCallerIdentityReader reader = StsCallerIdentityReader.Create(session);
            Task<(string Authorization, string Body)> served = sts.ServeAsync(403, InvalidToken);
            var error = await Assert.ThrowsAsync<CallerIdentityException>(() => reader.ReadAsync(CancellationToken.None));
            await served;

            Assert.Contains("The security token included in the request is invalid.", error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.InnerException);
        }

        /// <summary>A loopback STS that answers one request at a time.</summary>
        private sealed class LoopbackSts : IDisposable
        {
            private readonly HttpListener _listener = new HttpListener();

            public LoopbackSts()
            {
                Url = "http://127.0.0.1:" + LoopbackPort.Free();
                _listener.Prefixes.Add(Url + "/");
                _listener.Start();
            }

            public string Url { get; }

            public int Requests { get; private set; }

            public async Task<(string Authorization, string Body)> ServeAsync(int status, string answer)
            {
                HttpListenerContext context = await _listener.GetContextAsync();
                Requests++;
                string body;
                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    body = await reader.ReadToEndAsync();
                }

                byte[] payload = Encoding.UTF8.GetBytes(answer);
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/xml";
                context.Response.ContentLength64 = payload.Length;
                await context.Response.OutputStream.WriteAsync(payload);
                context.Response.Close();
                return (context.Request.Headers["Authorization"] ?? string.Empty, body);
            }

            public void Dispose() => _listener.Close();
        }
    }
}
