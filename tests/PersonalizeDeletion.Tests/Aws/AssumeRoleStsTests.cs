using System;
using System.IO;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using PersonalizeDeletion.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>
    /// AWSSDK.Core loads AWSSDK.SecurityToken by reflection for role profiles. This proves the
    /// shipped STS package works with our pinned AWSSDK.Core, against a loopback STS stand-in.
    /// </summary>
    public sealed class AssumeRoleStsTests
    {
        private const string AssumeRoleResponse =
            "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
            + "<Credentials><AccessKeyId>ASIAROLEKEY</AccessKeyId><SecretAccessKey>rolesecret</SecretAccessKey>"
            + "<SessionToken>roletoken</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
            + "<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:session</AssumedRoleId>"
            + "<Arn>arn:aws:sts::123456789012:assumed-role/admin/session</Arn></AssumedRoleUser>"
            + "</AssumeRoleResult><ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>";

        [Fact]
        public async Task RoleProfileAssumesTheRoleThroughStsWithTheSourceProfileKeys()
        {
            using var dir = new AwsTestDirectory();
            var port = LoopbackPort.Free();
            using var listener = new HttpListener();
            listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            listener.Start();
            dir.Process.Set("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + port);
            dir.WithCredentials("[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = basesecret\n");
            dir.WithConfig("[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\nregion = eu-west-1\n");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileName = "admin" }, dir.Environment);
            var served = ServeOnce(listener);
            var keys = await session.Credentials.GetCredentialsAsync();
            var (authorization, body) = await served;

            Assert.Equal(("ASIAROLEKEY", "rolesecret", "roletoken"), (keys.AccessKey, keys.SecretKey, keys.Token));
            Assert.Contains("Credential=AKIDBASE/", authorization, StringComparison.Ordinal);
            Assert.Contains("Action=AssumeRole", body, StringComparison.Ordinal);
            Assert.Contains(Uri.EscapeDataString("arn:aws:iam::123456789012:role/admin"), body, StringComparison.Ordinal);
        }

        private static async Task<(string Authorization, string Body)> ServeOnce(HttpListener listener)
        {
            var context = await listener.GetContextAsync();
            string body;
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                body = await reader.ReadToEndAsync();
            }

            var payload = Encoding.UTF8.GetBytes(AssumeRoleResponse);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/xml";
            context.Response.ContentLength64 = payload.Length;
            await context.Response.OutputStream.WriteAsync(payload);
            context.Response.Close();
            return (context.Request.Headers["Authorization"] ?? string.Empty, body);
        }
    }
}
