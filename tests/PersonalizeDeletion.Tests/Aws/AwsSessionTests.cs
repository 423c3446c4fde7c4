using System;
using Amazon.Runtime;
using PersonalizeDeletion.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Aws
{
    public sealed class AwsSessionTests
    {
        [Theory]
        [InlineData("http://127.0.0.1:8080")]
        [InlineData("https://personalize.eu-west-1.amazonaws.com/")]
        public void AbsoluteHttpEndpointUrlIsKept(string url)
        {
            using var dir = new AwsTestDirectory();

            var session = AwsSessionResolver.Resolve(Keys(endpointUrl: url), dir.Environment);

            Assert.Equal(url, session.EndpointUrl);
        }

        [Theory]
        [InlineData("personalize.eu-west-1.amazonaws.com")]
        [InlineData("/relative/path")]
        [InlineData("ftp://example.com")]
        [InlineData("http://")]
        public void OtherEndpointUrlsAreInvalidEndpointUrl(string url)
        {
            using var dir = new AwsTestDirectory();

            var error = Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(Keys(endpointUrl: url), dir.Environment));

            Assert.Equal("InvalidEndpointUrl", error.ErrorId);
            Assert.Equal(url, error.Target);
        }

        [Fact]
        public void MalformedParametersAreReportedBeforeCredentialsAreSearched()
        {
            using var dir = new AwsTestDirectory();

            var error = Assert.Throws<AwsConfigurationException>(
                () => AwsSessionResolver.Resolve(new AwsConnectionRequest { Region = "not a region" }, dir.Environment));

            Assert.Equal("InvalidRegion", error.ErrorId);
        }

        [Fact]
        public void ClientKeySharesClientsOnlyForTheSameRegionEndpointAndCredentialsObject()
        {
            using var dir = new AwsTestDirectory();
            var session = AwsSessionResolver.Resolve(Keys(endpointUrl: "http://127.0.0.1:8080"), dir.Environment);
            var again = AwsSessionResolver.Resolve(Keys(endpointUrl: "http://127.0.0.1:8080"), dir.Environment);

            Assert.Equal(session.ClientKey, session.ForRegion(session.Region).ClientKey);
            Assert.NotEqual(session.ClientKey, session.ForRegion("ap-south-2").ClientKey);
            Assert.NotEqual(session.ClientKey, AwsSessionResolver.Resolve(Keys(endpointUrl: "http://127.0.0.1:9090"), dir.Environment).ClientKey);
            // The same settings resolved again give another credentials object: a client holds its credentials, so it is not shared.
            Assert.NotSame(session.Credentials, again.Credentials);
            Assert.NotEqual(session.ClientKey, again.ClientKey);
            Assert.Equal(session.ClientKey.GetHashCode(), session.ForRegion(session.Region).ClientKey.GetHashCode());
        }

        [Fact]
        public void ClientKeysCompareCredentialsByReferenceNotByHash()
        {
            // Two credentials objects that are equal in every way (and whatever their hash codes) still get two clients.
            var first = new Amazon.Runtime.BasicAWSCredentials("AKIAFAKE", "secret");
            var second = new Amazon.Runtime.BasicAWSCredentials("AKIAFAKE", "secret");
            var key = new AwsClientKey("us-east-1", "source", null, first);
            Assert.Equal(key, new AwsClientKey("us-east-1", "source", null, first));
            Assert.NotEqual(key, new AwsClientKey("us-east-1", "source", null, second));
            Assert.NotEqual(key, new AwsClientKey("us-east-1", "other source", null, first));
            Assert.NotEqual(key, new AwsClientKey("us-east-1", "source", "http://127.0.0.1:1", first));
        }

        [Fact]
        public void ForRegionKeepsCredentialsAndEndpoint()
        {
            using var dir = new AwsTestDirectory();
            var session = AwsSessionResolver.Resolve(Keys(endpointUrl: "http://127.0.0.1:8080"), dir.Environment);

            var other = session.ForRegion("ap-south-2");

            Assert.Same(session.Credentials, other.Credentials);
            Assert.Equal("ap-south-2", other.Region);
            Assert.Equal("http://127.0.0.1:8080", other.EndpointUrl);
            Assert.Equal(session.CredentialSource, other.CredentialSource);
            Assert.Same(session, session.ForRegion("us-east-1"));
        }

        [Fact]
        public void ForRegionRejectsGarbage()
        {
            using var dir = new AwsTestDirectory();
            var session = AwsSessionResolver.Resolve(Keys(), dir.Environment);

            var error = Assert.Throws<AwsConfigurationException>(() => session.ForRegion("arn:aws:personalize"));

            Assert.Equal("InvalidRegion", error.ErrorId);
        }

        [Fact]
        public void SourceTextsNeverContainSecrets()
        {
            using var dir = new AwsTestDirectory();
            dir.WithCredentials("[dev]\naws_access_key_id = AKIDPROFILESECRET\naws_secret_access_key = profilesecretvalue\naws_session_token = profiletokenvalue\nregion = eu-west-1\n");
            var secrets = new[] { "AKIDPARAMSECRET", "paramsecretvalue", "paramtokenvalue", "AKIDENVSECRET", "envsecretvalue", "envtokenvalue", "AKIDPROFILESECRET", "profilesecretvalue", "profiletokenvalue", "AKIDOBJSECRET", "objsecretvalue", "objtokenvalue" };
            dir.Environment.Set("AWS_ACCESS_KEY_ID", "AKIDENVSECRET").Set("AWS_SECRET_ACCESS_KEY", "envsecretvalue").Set("AWS_SESSION_TOKEN", "envtokenvalue");

            var sessions = new[]
            {
                AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDPARAMSECRET", SecretKey = "paramsecretvalue", SessionToken = "paramtokenvalue", Region = "us-east-1" }, dir.Environment),
                AwsSessionResolver.Resolve(new AwsConnectionRequest { Credential = new SessionAWSCredentials("AKIDOBJSECRET", "objsecretvalue", "objtokenvalue"), Region = "us-east-1" }, dir.Environment),
                AwsSessionResolver.Resolve(new AwsConnectionRequest { StoredCredentials = new ToolsCredentialsWrapper(new ForeignCredentials(new ForeignKeys("AKIDOBJSECRET", "objsecretvalue", "objtokenvalue")), "wrapped"), Region = "us-east-1" }, dir.Environment),
                AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileName = "dev" }, dir.Environment),
                AwsSessionResolver.Resolve(new AwsConnectionRequest(), dir.Environment.Set("AWS_REGION", "us-west-1")),
            };

            foreach (var session in sessions)
            {
                foreach (var secret in secrets)
                {
                    Assert.DoesNotContain(secret, session.CredentialSource, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(secret, session.RegionSource, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        [Fact]
        public void ErrorMessagesNeverContainSecrets()
        {
            using var dir = new AwsTestDirectory();
            dir.Environment.Set("AWS_ACCESS_KEY_ID", "AKIDENVSECRET").Set("AWS_SECRET_ACCESS_KEY", "envsecretvalue");

            var errors = new[]
            {
                Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDHALFSECRET" }, dir.Environment)),
                Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(new AwsConnectionRequest { SecretKey = "halfsecretvalue" }, dir.Environment)),
                Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(new AwsConnectionRequest(), dir.Environment)),
            };

            foreach (var error in errors)
            {
                foreach (var secret in new[] { "AKIDHALFSECRET", "halfsecretvalue", "AKIDENVSECRET", "envsecretvalue" })
                {
                    Assert.DoesNotContain(secret, error.Message, StringComparison.OrdinalIgnoreCase);
                    Assert.NotEqual(secret, error.Target as string);
                }
            }
        }

        [Fact]
        public void AnUnknownRegionIsInvalidRegionWhereTheSdkWouldBuildTheHostNameFromIt()
        {
            using var dir = new AwsTestDirectory();
            var request = Keys();
            request.Region = "us-esat-1";

            var session = AwsSessionResolver.Resolve(request, dir.Environment);
            var error = Assert.Throws<AwsConfigurationException>(() => session.CreatePersonalizeClient(out _));

            Assert.Equal("InvalidRegion", error.ErrorId);
            Assert.Contains("personalize.us-esat-1.amazonaws.com", error.Message, StringComparison.Ordinal);
            Assert.Contains("us-east-1", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void AnUnknownRegionIsUsedWithACustomEndpoint()
        {
            using var dir = new AwsTestDirectory();
            var request = Keys(endpointUrl: "http://127.0.0.1:9");
            request.Region = "xx-newplace-1";

            var session = AwsSessionResolver.Resolve(request, dir.Environment);
            using var client = session.CreatePersonalizeClient(out string endpoint);

            Assert.StartsWith("http://127.0.0.1:9", endpoint, StringComparison.Ordinal);
        }

        [Fact]
        public void CredentialsFromAPipedObjectSaySo()
        {
            using var dir = new AwsTestDirectory();
            var request = Keys();
            request.FromPipeline.Add("AccessKey");
            request.FromPipeline.Add("SecretKey");

            Assert.Equal("AccessKey/SecretKey properties of the piped object", AwsSessionResolver.Resolve(request, dir.Environment).CredentialSource);
        }

        private static AwsConnectionRequest Keys(string? endpointUrl = null) =>
            new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", Region = "us-east-1", EndpointUrl = endpointUrl };
    }
}
