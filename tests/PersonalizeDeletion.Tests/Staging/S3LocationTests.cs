using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    public class S3LocationTests
    {
        [Theory]
        [InlineData("s3://my-bucket/users.csv", "my-bucket", "users.csv", false, "s3://my-bucket/users.csv")]
        [InlineData("s3://my-bucket/deletions/2026/users.csv", "my-bucket", "deletions/2026/users.csv", false, "s3://my-bucket/deletions/2026/users.csv")]
        [InlineData("s3://my-bucket/deletions/", "my-bucket", "deletions/", true, "s3://my-bucket/deletions/")]
        [InlineData("s3://my-bucket/", "my-bucket", "", true, "s3://my-bucket/")]
        [InlineData("s3://my-bucket", "my-bucket", "", true, "s3://my-bucket/")]
        [InlineData("S3://my.bucket.1/Key", "my.bucket.1", "Key", false, "s3://my.bucket.1/Key")]
        [InlineData("s3://abc/a//b", "abc", "a//b", false, "s3://abc/a//b")]
        [InlineData("s3://amzn-s3-demo-bucket/x", "amzn-s3-demo-bucket", "x", false, "s3://amzn-s3-demo-bucket/x")]
        public void ParsesValidUris(string text, string bucket, string key, bool isFolder, string canonical)
        {
            Assert.True(S3Location.TryParse(text, out S3Location? location, out string? error), error);
            Assert.Null(error);
            Assert.Equal(bucket, location!.Bucket);
            Assert.Equal(key, location.Key);
            Assert.Equal(isFolder, location.IsFolder);
            Assert.Equal(canonical, location.ToString());
        }

        [Theory]
        [InlineData(null, "empty")]
        [InlineData("", "empty")]
        [InlineData("https://my-bucket/key", "must start with s3://")]
        [InlineData("my-bucket/key", "must start with s3://")]
        [InlineData("s3://", "no bucket")]
        [InlineData("s3:///key", "no bucket")]
        [InlineData("s3://ab/key", "3 to 63")]
        [InlineData("s3://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/key", "64 characters long")]
        [InlineData("s3://My-Bucket/key", "lowercase")]
        [InlineData("s3://my_bucket/key", "contains '_'")]
        [InlineData("s3://-bucket/key", "start and end")]
        [InlineData("s3://bucket./key", "start and end")]
        [InlineData("s3://my..bucket/key", "adjacent dots")]
        [InlineData("s3://192.168.10.1/key", "IP address")]
        [InlineData("s3://xn--bucket/key", "reserved prefix")]
        [InlineData("s3://sthree-bucket/key", "reserved prefix")]
        [InlineData("s3://bucket-s3alias/key", "reserved suffix")]
        [InlineData("s3://bucket--ol-s3/key", "reserved suffix")]
        [InlineData("s3://bucket/my key", "white space")]
        [InlineData(" s3://bucket/key", "must start with s3://")]
        [InlineData("s3://bucket/key\t", "white space")]
        [InlineData("s3://bucket/key\u0001", "control character")]
        public void RejectsInvalidUrisWithAReason(string? text, string reason)
        {
            Assert.False(S3Location.TryParse(text, out S3Location? location, out string? error));
            Assert.Null(location);
            Assert.Contains(reason, error);
        }

        [Fact]
        public void LimitsTheWholeUriTo256Characters()
        {
            string prefix = "s3://bucket/";
            Assert.True(S3Location.TryParse(prefix + new string('k', 256 - prefix.Length), out _, out _));
            Assert.False(S3Location.TryParse(prefix + new string('k', 257 - prefix.Length), out _, out string? error));
            Assert.Contains("at most 256", error);
        }

        [Theory]
        [InlineData("s3://bucket/key", true)]
        [InlineData("S3://bucket", true)]
        [InlineData("s3://", true)]
        [InlineData("s3:/bucket", false)]
        [InlineData("user-1", false)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void RecognisesS3Uris(string? text, bool expected) => Assert.Equal(expected, S3Location.LooksLikeS3Uri(text));
    }
}
