using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using PersonalizeDeletion.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Aws
{
    public sealed class S3ClientFactoryTests
    {
        [Theory]
        [InlineData("http://127.0.0.1:9000", true)]
        [InlineData("http://[::1]:9000/", true)]
        [InlineData("https://10.1.2.3", true)]
        [InlineData("http://localhost:4566", true)]
        [InlineData("http://LOCALHOST", true)]
        [InlineData("http://s3.localhost:4566", true)]
        [InlineData("https://s3.eu-west-1.amazonaws.com", false)]
        [InlineData("https://minio.example.com", false)]
        [InlineData(null, false)]
        [InlineData("", false)]
        public void PathStyleOnlyForIpAddressesAndLocalhost(string? serviceUrl, bool expected)
        {
            Assert.Equal(expected, S3ClientFactory.RequiresPathStyle(serviceUrl));
        }

        [Fact]
        public void ProfileEndpointOnLocalhostMakesThePathStyleClient()
        {
            using var dir = new AwsTestDirectory();
            dir.WithConfig("[profile local]\naws_access_key_id = AKIDLOCAL\naws_secret_access_key = localsecret\nregion = eu-west-3\nendpoint_url = http://localhost:4566\n");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileName = "local" }, dir.Environment);
            using var client = session.CreateS3Client();

            var config = Assert.IsType<AmazonS3Config>(client.Config);
            Assert.Equal("http://localhost:4566/", config.ServiceURL);
            Assert.True(config.ForcePathStyle);
            Assert.Equal("eu-west-3", config.AuthenticationRegion);
        }

        [Fact]
        public void AwsEndpointWithoutOverridesKeepsVirtualHostedStyle()
        {
            using var dir = new AwsTestDirectory();

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", Region = "eu-west-1" }, dir.Environment);
            using var client = session.CreateS3Client();

            var config = Assert.IsType<AmazonS3Config>(client.Config);
            Assert.Null(config.ServiceURL);
            Assert.False(config.ForcePathStyle);
            Assert.Equal("eu-west-1", config.RegionEndpoint.SystemName);
        }

        [Theory]
        [InlineData(" ", null)]
        [InlineData(" ", "http://127.0.0.1:9000")]
        public void BlankEndpointVariablesCountAsUnset(string s3Variable, string? globalVariable)
        {
            // CI templates export empty variables; the SDK alone would take a blank one for an endpoint and find no URL.
            using var dir = new AwsTestDirectory();
            dir.Process.Set("AWS_ENDPOINT_URL_S3", s3Variable);
            dir.Process.Set("AWS_ENDPOINT_URL", globalVariable ?? " ");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", Region = "eu-west-1" }, dir.Environment);
            using var client = session.CreateS3Client();

            var config = Assert.IsType<AmazonS3Config>(client.Config);
            if (globalVariable is null)
            {
                Assert.Null(config.ServiceURL);
                Assert.False(config.ForcePathStyle);
                Assert.Equal("eu-west-1", config.RegionEndpoint.SystemName);
            }
            else
            {
                Assert.Equal(globalVariable + "/", config.ServiceURL);
                Assert.True(config.ForcePathStyle);
            }

            Assert.Equal("eu-west-1", config.AuthenticationRegion);
        }

        [Fact]
        public void PersonalizeEndpointUrlDoesNotApplyToS3()
        {
            using var dir = new AwsTestDirectory();

            var session = AwsSessionResolver.Resolve(
                new AwsConnectionRequest { AccessKey = "AKIDPARAM", SecretKey = "paramsecret", Region = "eu-west-1", EndpointUrl = "http://127.0.0.1:1/" },
                dir.Environment);
            using var client = session.CreateS3Client();

            Assert.Null(client.Config.ServiceURL);
        }

        [Fact]
        public async Task PutObjectGoesPathStyleToTheLoopbackEndpointSignedForTheResolvedRegion()
        {
            using var dir = new AwsTestDirectory();
            var port = LoopbackPort.Free();
            using var listener = new HttpListener();
            listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            listener.Start();
            dir.Process.Set("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + port);
            dir.Environment.Set("AWS_ACCESS_KEY_ID", "AKIDS3TEST").Set("AWS_SECRET_ACCESS_KEY", "s3secret").Set("AWS_REGION", "eu-north-1");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest(), dir.Environment);
            using var client = session.CreateS3Client();
            var served = ServeOnce(listener);
            await client.PutObjectAsync(new PutObjectRequest { BucketName = "staging-bucket", Key = "deletions/users.csv", ContentBody = "USER_ID\nuser-1\n" });
            var request = await served;

            Assert.Equal("PUT", request.Method);
            Assert.Equal("/staging-bucket/deletions/users.csv", request.Path);
            Assert.Equal("127.0.0.1:" + port, request.Host);
            Assert.Contains("Credential=AKIDS3TEST/", request.Authorization, StringComparison.Ordinal);
            Assert.Contains("/eu-north-1/s3/aws4_request", request.Authorization, StringComparison.Ordinal);
            Assert.Contains("user-1", request.Body, StringComparison.Ordinal);
        }

        private static async Task<(string Method, string Path, string Host, string Authorization, string Body)> ServeOnce(HttpListener listener)
        {
            var context = await listener.GetContextAsync();
            string body;
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                body = await reader.ReadToEndAsync();
            }

            var received = (
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Headers["Host"] ?? string.Empty,
                context.Request.Headers["Authorization"] ?? string.Empty,
                body);
            context.Response.StatusCode = 200;
            context.Response.Headers["ETag"] = "\"d41d8cd98f00b204e9800998ecf8427e\"";
            context.Response.Close();
            return received;
        }
    }
}
