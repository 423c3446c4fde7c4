using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using PersonalizeDeletion.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Aws
{
    public sealed class CredentialObjectTests
    {
        [Fact]
        public void OurAwsCredentialsAreUsedAsTheyAre()
        {
            using var dir = new AwsTestDirectory();
            var ours = new SessionAWSCredentials("AKIDOURS", "ourssecret", "ourstoken");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { Credential = ours, Region = "us-east-1" }, dir.Environment);

            Assert.Same(ours, session.Credentials);
            Assert.Equal("-Credential parameter", session.CredentialSource);
        }

        [Fact]
        public void ForeignCredentialIsAskedAgainOnEveryRefresh()
        {
            using var dir = new AwsTestDirectory();
            var foreign = new ForeignCredentials(new ForeignKeys("AKIDFIRST", "firstsecret", "firsttoken"));

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { Credential = foreign, Region = "us-east-1" }, dir.Environment);
            var first = session.Credentials.GetCredentials();
            foreign.Current = new ForeignKeys("AKIDSECOND", "secondsecret", null);
            var second = session.Credentials.GetCredentials();

            Assert.Equal(("AKIDFIRST", "firstsecret", "firsttoken"), (first.AccessKey, first.SecretKey, first.Token));
            Assert.Equal(("AKIDSECOND", "secondsecret"), (second.AccessKey, second.SecretKey));
            Assert.False(second.UseToken);
            Assert.Equal(2, foreign.Calls);
        }

        [Fact]
        public async Task ForeignCredentialIsReadThroughTheAsyncPath()
        {
            using var dir = new AwsTestDirectory();
            var foreign = new ForeignCredentials(new ForeignKeys("AKIDASYNC", "asyncsecret", null));

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { Credential = foreign, Region = "us-east-1" }, dir.Environment);
            var keys = await session.Credentials.GetCredentialsAsync();

            Assert.Equal("AKIDASYNC", keys.AccessKey);
            Assert.Equal(1, foreign.Calls);
        }

        [Fact]
        public async Task AsyncOnlyForeignCredentialWorksBothWays()
        {
            using var dir = new AwsTestDirectory();
            var foreign = new AsyncOnlyForeignCredentials(new ForeignKeys("AKIDAONLY", "aonlysecret", "aonlytoken"));

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { Credential = foreign, Region = "us-east-1" }, dir.Environment);

            Assert.Equal("AKIDAONLY", (await session.Credentials.GetCredentialsAsync()).AccessKey);
            Assert.Equal("aonlytoken", session.Credentials.GetCredentials().Token);
        }

        [Fact]
        public void ToolsWrapperAroundOurCredentialsIsUnwrapped()
        {
            using var dir = new AwsTestDirectory();
            var inner = new BasicAWSCredentials("AKIDWRAPPED", "wrappedsecret");
            var stored = new ToolsCredentialsWrapper(inner, "dev");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { StoredCredentials = stored, Region = "us-east-1" }, dir.Environment);

            Assert.Same(inner, session.Credentials);
            Assert.Equal("$StoredAWSCredentials ('dev')", session.CredentialSource);
        }

        [Fact]
        public void ToolsWrapperAroundForeignCredentialsIsUnwrapped()
        {
            using var dir = new AwsTestDirectory();
            var stored = new ToolsCredentialsWrapper(new ForeignCredentials(new ForeignKeys("AKIDFOREIGNWRAP", "fwsecret", null)), "Supplied Key Parameters");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { Credential = stored, Region = "us-east-1" }, dir.Environment);

            Assert.Equal("AKIDFOREIGNWRAP", session.Credentials.GetCredentials().AccessKey);
            Assert.Equal("-Credential parameter ('Supplied Key Parameters')", session.CredentialSource);
        }

        [Theory]
        [InlineData("not credentials")]
        [InlineData(42)]
        public void AnythingElseIsInvalidCredentialObject(object value)
        {
            using var dir = new AwsTestDirectory();

            var error = Assert.Throws<AwsConfigurationException>(
                () => AwsSessionResolver.Resolve(new AwsConnectionRequest { Credential = value, Region = "us-east-1" }, dir.Environment));

            Assert.Equal("InvalidCredentialObject", error.ErrorId);
            Assert.Equal(value.GetType().FullName, error.Target);
        }

        [Fact]
        public void StoredObjectThatIsNotCredentialsIsInvalidCredentialObject()
        {
            using var dir = new AwsTestDirectory();

            var error = Assert.Throws<AwsConfigurationException>(
                () => AwsSessionResolver.Resolve(new AwsConnectionRequest { StoredCredentials = new Uri("https://example.com"), Region = "us-east-1" }, dir.Environment));

            Assert.Equal("InvalidCredentialObject", error.ErrorId);
            Assert.Contains("$StoredAWSCredentials", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ForeignCredentialReturningNoKeysFailsWhenAskedWithTheTypedError()
        {
            using var dir = new AwsTestDirectory();
            var foreign = new ForeignCredentials(new ForeignKeys("", "secret", null));

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { Credential = foreign, Region = "us-east-1" }, dir.Environment);
            var error = Assert.Throws<AwsConfigurationException>(() => session.Credentials.GetCredentials());

            Assert.Equal("InvalidCredentialObject", error.ErrorId);
        }
    }
}
