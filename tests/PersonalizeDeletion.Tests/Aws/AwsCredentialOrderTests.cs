using System;
using Amazon.Runtime;
using PersonalizeDeletion.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>
    /// Every source is configured; the first <c>removed</c> ones are then taken away. The next one
    /// must win, which proves each source wins when present and loses to the one before it.
    /// </summary>
    public sealed class AwsCredentialOrderTests
    {
        private const string ContainerUri = "http://127.0.0.1:9/credentials";

        [Theory]
        [InlineData(0, "AKIDPARAM", "-AccessKey/-SecretKey parameters")]
        [InlineData(1, "AKIDCREDOBJ", "-Credential parameter")]
        [InlineData(2, "AKIDNAMED", "profile 'named' from ")]
        [InlineData(3, "AKIDSTORED", "$StoredAWSCredentials")]
        [InlineData(4, "AKIDENV", "environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")]
        [InlineData(5, "AKIDENVPROFILE", "profile 'envprofile' from ")]
        [InlineData(6, "AKIDDEFAULT", "profile 'default' from ")]
        public void KeyedSourceWinsOverEverythingAfterIt(int removed, string expectedAccessKey, string expectedSource)
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed);

            var session = AwsSessionResolver.Resolve(request, dir.Environment);

            Assert.Equal(expectedAccessKey, session.Credentials.GetCredentials().AccessKey);
            Assert.StartsWith(expectedSource, session.CredentialSource, StringComparison.Ordinal);
        }

        [Fact]
        public void WebIdentityFromEnvironmentComesAfterTheDefaultProfile()
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed: 7);

            var session = AwsSessionResolver.Resolve(request, dir.Environment);

            Assert.IsType<AssumeRoleWithWebIdentityCredentials>(session.Credentials);
            Assert.Contains("AWS_WEB_IDENTITY_TOKEN_FILE", session.CredentialSource, StringComparison.Ordinal);
        }

        [Fact]
        public void ContainerCredentialsComeAfterWebIdentity()
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed: 8);

            var session = AwsSessionResolver.Resolve(request, dir.Environment);

            Assert.IsType<GenericContainerCredentials>(session.Credentials);
            Assert.Equal("container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI)", session.CredentialSource);
        }

        [Fact]
        public void NothingLeftIsCredentialsNotFoundNamingEveryWay()
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed: 9);

            var error = Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(request, dir.Environment));

            Assert.Equal("CredentialsNotFound", error.ErrorId);
            foreach (var way in new[] { "-AccessKey", "-SecretKey", "-Credential", "-ProfileName", "Set-AWSCredential", "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "'default'", "AWS_EC2_METADATA_DISABLED" })
            {
                Assert.Contains(way, error.Message, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void SessionTokenParameterMakesSessionCredentials()
        {
            using var dir = new AwsTestDirectory();
            var request = new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", SessionToken = "paramtoken", Region = "us-east-1" };

            var session = AwsSessionResolver.Resolve(request, dir.Environment);

            Assert.IsType<SessionAWSCredentials>(session.Credentials);
            Assert.Equal("paramtoken", session.Credentials.GetCredentials().Token);
        }

        [Theory]
        [InlineData("AKIDPARAM", null, null)]
        [InlineData(null, "paramsecret", null)]
        [InlineData(null, null, "paramtoken")]
        [InlineData("AKIDPARAM", null, "paramtoken")]
        public void HalfAKeyPairIsInvalidCredentialParametersEvenWithOtherSources(string? accessKey, string? secretKey, string? token)
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed: 0);
            request.AccessKey = accessKey;
            request.SecretKey = secretKey;
            request.SessionToken = token;

            var error = Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(request, dir.Environment));

            Assert.Equal("InvalidCredentialParameters", error.ErrorId);
        }

        [Fact]
        public void MissingProfileNameIsProfileNotFoundEvenWhenEnvironmentKeysExist()
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed: 2);
            request.StoredCredentials = null;
            request.ProfileName = "nosuchprofile";

            var error = Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(request, dir.Environment));

            Assert.Equal("ProfileNotFound", error.ErrorId);
            Assert.Equal("nosuchprofile", error.Target);
            Assert.Contains(dir.CredentialsPath, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void MissingAwsProfileIsProfileNotFoundRatherThanTheDefaultProfile()
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed: 5);
            dir.Environment.Set("AWS_PROFILE", "gone");

            var error = Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(request, dir.Environment));

            Assert.Equal("ProfileNotFound", error.ErrorId);
            Assert.Contains("AWS_PROFILE", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void StoredProfileNameSelectsThatProfile()
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed: 3);
            request.StoredCredentials = "named";

            var session = AwsSessionResolver.Resolve(request, dir.Environment);

            Assert.Equal("AKIDNAMED", session.Credentials.GetCredentials().AccessKey);
            Assert.Equal("named", session.ProfileName);
            Assert.StartsWith("$StoredAWSCredentials (profile 'named'", session.CredentialSource, StringComparison.Ordinal);
        }

        [Fact]
        public void StoredProfileNameThatDoesNotExistIsProfileNotFound()
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed: 3);
            request.StoredCredentials = "gone";

            var error = Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(request, dir.Environment));

            Assert.Equal("ProfileNotFound", error.ErrorId);
        }

        [Fact]
        public void LegacySecretKeyVariableIsHonouredLikeTheSdk()
        {
            using var dir = new AwsTestDirectory();
            dir.Environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_KEY", "legacysecret").Set("AWS_SESSION_TOKEN", "envtoken");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { Region = "us-east-1" }, dir.Environment);

            var keys = session.Credentials.GetCredentials();
            Assert.Equal("legacysecret", keys.SecretKey);
            Assert.Equal("envtoken", keys.Token);
            Assert.Equal("environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_KEY, AWS_SESSION_TOKEN)", session.CredentialSource);
        }

        [Fact]
        public void HalfAKeyPairInTheEnvironmentFallsThroughLikeTheSdk()
        {
            using var dir = new AwsTestDirectory();
            dir.WithCredentials("[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = defaultsecret\n");
            dir.Environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { Region = "us-east-1" }, dir.Environment);

            Assert.Equal("AKIDDEFAULT", session.Credentials.GetCredentials().AccessKey);
        }

        [Fact]
        public void DefaultProfileWithoutCredentialsIsNotASource()
        {
            using var dir = new AwsTestDirectory();
            dir.WithConfig("[default]\nregion = eu-west-1\n");

            var error = Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(new AwsConnectionRequest(), dir.Environment));

            Assert.Equal("CredentialsNotFound", error.ErrorId);
        }

        /// <summary>All ten sources, in resolution order; the first <paramref name="removed"/> are left out.</summary>
        private static AwsConnectionRequest Scenario(AwsTestDirectory dir, int removed)
        {
            var request = new AwsConnectionRequest { Region = "us-west-2" };
            if (removed < 1)
            {
                request.AccessKey = "AKIDPARAM";
                request.SecretKey = "paramsecret";
            }

            if (removed < 2)
            {
                request.Credential = new BasicAWSCredentials("AKIDCREDOBJ", "credobjsecret");
            }

            if (removed < 3)
            {
                request.ProfileName = "named";
            }

            if (removed < 4)
            {
                request.StoredCredentials = new BasicAWSCredentials("AKIDSTORED", "storedsecret");
            }

            if (removed < 5)
            {
                dir.Environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", "envsecret");
            }

            if (removed < 6)
            {
                dir.Environment.Set("AWS_PROFILE", "envprofile");
            }

            var credentials =
                "[named]\naws_access_key_id = AKIDNAMED\naws_secret_access_key = namedsecret\n"
                + "[envprofile]\naws_access_key_id = AKIDENVPROFILE\naws_secret_access_key = envprofilesecret\n";
            if (removed < 7)
            {
                credentials += "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = defaultsecret\n";
            }

            dir.WithCredentials(credentials);

            if (removed < 8)
            {
                var tokenFile = dir.WriteFile("token.jwt", "header.payload.signature");
                dir.Environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile).Set("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/web");
            }

            if (removed < 9)
            {
                // GenericContainerCredentials reads the process environment itself.
                dir.Environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", ContainerUri);
                dir.Process.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", ContainerUri);
            }

            return request;
        }
    }
}
