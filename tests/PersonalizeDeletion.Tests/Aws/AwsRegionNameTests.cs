using System;
using System.Linq;
using Amazon;
using PersonalizeDeletion.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Aws
{
    public sealed class AwsRegionNameTests
    {
        [Theory]
        [InlineData("us-east-1")]
        [InlineData("us-gov-west-1")]
        [InlineData("cn-northwest-1")]
        [InlineData("eusc-de-east-1")]
        [InlineData("eu-isoe-west-1")]
        [InlineData(" EU-West-1 ")]
        public void WellFormedNamesAreAccepted(string name)
        {
            Assert.Equal(name.Trim().ToLowerInvariant(), AwsRegionName.Validate(name, "-Region parameter"));
        }

        [Theory]
        [InlineData("us-east")]
        [InlineData("useast1")]
        [InlineData("https://personalize.us-east-1.amazonaws.com")]
        [InlineData("u-east-1")]
        public void TextThatCannotBeARegionIsInvalidRegion(string name)
        {
            var error = Assert.Throws<AwsConfigurationException>(() => AwsRegionName.Validate(name, "-Region parameter"));
            Assert.Equal(ErrorIds.InvalidRegion, error.ErrorId);
        }

        [Fact]
        public void KnownRegionsAreTheSdksNotTheNamesItWasAskedFor()
        {
            Assert.True(AwsRegionName.IsKnown("eu-west-1"));
            Assert.True(AwsRegionName.IsKnown("us-iso-east-1"));

            // The SDK adds any name it is given to its list; a typo used once must stay unknown.
            _ = RegionEndpoint.GetBySystemName("us-esat-1");
            Assert.False(AwsRegionName.IsKnown("us-esat-1"));
            Assert.DoesNotContain(AwsRegionName.Public(), region => region.Key == "us-esat-1");
        }

        [Fact]
        public void PublicRegionsLeaveOutIsolatedPartitionsAndPseudoRegions()
        {
            var names = AwsRegionName.Public().Select(region => region.Key).ToList();

            Assert.Contains("eu-west-1", names);
            Assert.Contains("us-gov-west-1", names);
            Assert.Contains("cn-north-1", names);
            Assert.DoesNotContain(names, name => name.Contains("-iso", StringComparison.Ordinal));
            Assert.DoesNotContain(names, name => name.EndsWith("-regional", StringComparison.Ordinal));
            Assert.Equal(names.OrderBy(name => name, StringComparer.Ordinal), names);
        }

        [Theory]
        [InlineData("us-esat-1", "us-east-1")]
        [InlineData("eu-wset-1", "eu-west-1")]
        [InlineData("ap-southeast-22", "ap-southeast-2")]
        [InlineData("eu-centrl-1", "eu-central-1")]
        public void TheClosestKnownRegionComesFirst(string typo, string meant)
        {
            var closest = AwsRegionName.Closest(typo, 3);

            Assert.Equal(3, closest.Count);
            Assert.Equal(meant, closest[0]);
        }

        [Fact]
        public void TheUnknownRegionErrorNamesTheSourceTheEndpointAndTheWayOut()
        {
            var error = AwsRegionName.Unknown("us-esat-1", "-Region parameter", "https://personalize.us-esat-1.amazonaws.com/");

            Assert.Equal(ErrorIds.InvalidRegion, error.ErrorId);
            Assert.Equal("us-esat-1", error.Target);
            Assert.Contains("'us-esat-1' (from the -Region parameter) is not a known AWS region", error.Message, StringComparison.Ordinal);
            Assert.Contains("https://personalize.us-esat-1.amazonaws.com/", error.Message, StringComparison.Ordinal);
            Assert.Contains("closest known regions are us-east-1, ", error.Message, StringComparison.Ordinal);
            Assert.Contains("-EndpointUrl", error.Message, StringComparison.Ordinal);
        }
    }
}
