using System;
using PersonalizeDeletion.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Aws
{
    public sealed class AwsRegionResolutionTests
    {
        [Theory]
        [InlineData(0, "ap-northeast-1", "-Region parameter")]
        [InlineData(1, "ap-northeast-2", "$StoredAWSRegion")]
        [InlineData(2, "ap-northeast-3", "AWS_REGION environment variable")]
        [InlineData(3, "ap-southeast-1", "AWS_DEFAULT_REGION environment variable")]
        [InlineData(4, "ap-southeast-2", "region of profile 'dev'")]
        [InlineData(5, "ca-central-1", "region of profile 'default'")]
        public void EachSourceWinsOverEverythingAfterIt(int removed, string expectedRegion, string expectedSource)
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed);

            var session = AwsSessionResolver.Resolve(request, dir.Environment);

            Assert.Equal(expectedRegion, session.Region);
            Assert.Equal(expectedSource, session.RegionSource);
        }

        [Fact]
        public void ARegionBoundFromAPipedObjectSaysSoInVerboseAndErrors()
        {
            using var dir = new AwsTestDirectory();
            var request = new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", Region = "eu-west-3" };
            request.FromPipeline.Add("Region");

            Assert.Equal("Region property of the piped object", AwsSessionResolver.Resolve(request, dir.Environment).RegionSource);

            request.Region = "not a region";
            var error = Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(request, dir.Environment));
            Assert.Contains("(from the Region property of the piped object)", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void NothingLeftIsRegionNotFoundNamingEveryWay()
        {
            using var dir = new AwsTestDirectory();
            var request = Scenario(dir, removed: 6);

            var error = Assert.Throws<AwsConfigurationException>(() => AwsSessionResolver.Resolve(request, dir.Environment));

            Assert.Equal("RegionNotFound", error.ErrorId);
            foreach (var way in new[] { "-Region", "Set-DefaultAWSRegion", "$StoredAWSRegion", "AWS_REGION", "region = " })
            {
                Assert.Contains(way, error.Message, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void AwsProfileRegionAppliesEvenWhenCredentialsComeFromElsewhere()
        {
            using var dir = new AwsTestDirectory();
            dir.WithConfig("[default]\nregion = ca-central-1\n[profile envprofile]\nregion = sa-east-1\n");
            dir.Environment.Set("AWS_PROFILE", "envprofile");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret" }, dir.Environment);

            Assert.Equal("sa-east-1", session.Region);
            Assert.Equal("region of profile 'envprofile'", session.RegionSource);
        }

        [Fact]
        public void DefaultProfileRegionIsReadFromProfileLocation()
        {
            using var dir = new AwsTestDirectory();
            dir.WithConfig("[default]\nregion = ca-central-1\n");
            var elsewhere = dir.WriteFile("elsewhere/credentials", "[default]\naws_access_key_id = AKIDX\naws_secret_access_key = xsecret\nregion = me-south-1\n");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileLocation = elsewhere }, dir.Environment);

            Assert.Equal("me-south-1", session.Region);
        }

        [Theory]
        [InlineData("SystemName")]
        [InlineData("Region")]
        public void StoredRegionObjectIsRead(string shape)
        {
            using var dir = new AwsTestDirectory();
            object stored = shape == "SystemName" ? new RegionEndpointLike("eu-south-1") : new ToolsRegionLike("eu-south-2");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", StoredRegion = stored }, dir.Environment);

            Assert.Equal(shape == "SystemName" ? "eu-south-1" : "eu-south-2", session.Region);
            Assert.Equal("$StoredAWSRegion", session.RegionSource);
        }

        [Theory]
        [InlineData("us-east-1")]
        [InlineData("cn-north-1")]
        [InlineData("us-gov-west-1")]
        [InlineData("us-isob-east-1")]
        [InlineData("xy-newplace-7")]
        public void WellFormedRegionNamesAreAccepted(string region)
        {
            using var dir = new AwsTestDirectory();

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", Region = region }, dir.Environment);

            Assert.Equal(region, session.Region);
        }

        [Fact]
        public void RegionNameIsNormalized()
        {
            using var dir = new AwsTestDirectory();

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", Region = " EU-West-1 " }, dir.Environment);

            Assert.Equal("eu-west-1", session.Region);
        }

        [Theory]
        [InlineData("useast1")]
        [InlineData("us east 1")]
        [InlineData("https://us-east-1")]
        [InlineData("us-east-")]
        [InlineData("us-east-1; rm -rf")]
        public void GarbageRegionIsInvalidRegion(string region)
        {
            using var dir = new AwsTestDirectory();

            var error = Assert.Throws<AwsConfigurationException>(
                () => AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", Region = region }, dir.Environment));

            Assert.Equal("InvalidRegion", error.ErrorId);
            Assert.Equal(region, error.Target);
        }

        [Fact]
        public void GarbageRegionInTheEnvironmentIsInvalidRegionNamingTheVariable()
        {
            using var dir = new AwsTestDirectory();
            dir.Environment.Set("AWS_REGION", "Frankfurt");

            var error = Assert.Throws<AwsConfigurationException>(
                () => AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret" }, dir.Environment));

            Assert.Equal("InvalidRegion", error.ErrorId);
            Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void StoredRegionOfAnotherTypeIsInvalidRegion()
        {
            using var dir = new AwsTestDirectory();

            var error = Assert.Throws<AwsConfigurationException>(
                () => AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", StoredRegion = 17 }, dir.Environment));

            Assert.Equal("InvalidRegion", error.ErrorId);
        }

        /// <summary>Credentials come from the 'dev' profile; all six region sources are set, the first <paramref name="removed"/> left out.</summary>
        private static AwsConnectionRequest Scenario(AwsTestDirectory dir, int removed)
        {
            var request = new AwsConnectionRequest { ProfileName = "dev" };
            if (removed < 1)
            {
                request.Region = "ap-northeast-1";
            }

            if (removed < 2)
            {
                request.StoredRegion = "ap-northeast-2";
            }

            if (removed < 3)
            {
                dir.Environment.Set("AWS_REGION", "ap-northeast-3");
            }

            if (removed < 4)
            {
                dir.Environment.Set("AWS_DEFAULT_REGION", "ap-southeast-1");
            }

            var config = "[profile dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = devsecret\n";
            if (removed < 5)
            {
                config += "region = ap-southeast-2\n";
            }

            if (removed < 6)
            {
                config += "[default]\nregion = ca-central-1\n";
            }

            dir.WithConfig(config);
            return request;
        }
    }
}
