using System;
using System.Linq;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using PersonalizeDeletion.Staging;
using S3Location = PersonalizeDeletion.Staging.S3Location;
using PersonalizeDeletion.Tests.Fake;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    /// <summary>The first bytes of a data location's objects, read with the real AmazonS3Client from the fake's S3.</summary>
    public sealed class S3DataLocationInspectorTests : IAsyncLifetime
    {
        private const string Bucket = "customer-data";
        private readonly FakeHost _fake = new FakeHost();
        private AmazonS3Client _s3 = null!;

        public async Task InitializeAsync()
        {
            await _fake.InitializeAsync();
            _s3 = new AmazonS3Client(
                new BasicAWSCredentials(SdkSignedPersonalizeClient.DefaultAccessKey, SdkSignedPersonalizeClient.DefaultSecret),
                new AmazonS3Config { ServiceURL = _fake.Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        }

        public async Task DisposeAsync()
        {
            _s3.Dispose();
            await _fake.DisposeAsync();
        }

        [Fact]
        public async Task ReadsOnlyTheFirstKilobyteOfEachCsvAndNamesTheFirstBadOneInKeyOrder()
        {
            await PutAsync("gdpr/a.csv", "USER_ID\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"u-{i}\n")));
            await PutAsync("gdpr/b.csv", "user_id\nx\n");
            await PutAsync("gdpr/c.csv", "USER_ID,EMAIL\ny,y@example.com\n");
            await PutAsync("gdpr/notes.txt", "not a csv");
            var inspector = new S3DataLocationInspector(_s3, "123456789012");

            Assert.True(S3Location.TryParse("s3://customer-data/gdpr/", out S3Location? folder, out _));
            DataLocationSummary summary = (await inspector.SummarizeAsync(folder!, CancellationToken.None))!;
            Assert.Equal(new[] { "gdpr/a.csv", "gdpr/b.csv", "gdpr/c.csv" }, summary.Objects.Select(item => item.Key));

            DataLocationProblem problem = (await inspector.CheckObjectsAsync(Bucket, summary.Objects, CancellationToken.None))!;
            Assert.Equal("s3://customer-data/gdpr/b.csv", problem.Uri);
            Assert.False(problem.KmsEncrypted);
            Assert.Contains("its header reads 'user_id'", problem.Reason, StringComparison.Ordinal);

            JsonElement[] gets = await RequestsAsync("GetObject");
            Assert.Equal(3, gets.Length);
            Assert.All(gets, get => Assert.Equal("123456789012", Header(get, "x-amz-expected-bucket-owner")));
            Assert.Equal("bytes=0-1023", Header(gets.Single(get => get.GetProperty("path").GetString()!.EndsWith("/a.csv", StringComparison.Ordinal)), "range"));
            Assert.Equal("bytes=0-9", Header(gets.Single(get => get.GetProperty("path").GetString()!.EndsWith("/b.csv", StringComparison.Ordinal)), "range"));
        }

        [Fact]
        public async Task AKmsEncryptedObjectUnderAFolderIsToldByItsGet()
        {
            await PutAsync("weekly/a.csv", "USER_ID\nx\n");
            await PutAsync("weekly/b.csv", "USER_ID\ny\n", kms: true);
            var inspector = new S3DataLocationInspector(_s3, "123456789012");

            Assert.True(S3Location.TryParse("s3://customer-data/weekly/", out S3Location? folder, out _));
            DataLocationSummary summary = (await inspector.SummarizeAsync(folder!, CancellationToken.None))!;
            Assert.Null(summary.KmsEncryptedKey);
            DataLocationProblem problem = (await inspector.CheckObjectsAsync(Bucket, summary.Objects, CancellationToken.None))!;

            Assert.True(problem.KmsEncrypted);
            Assert.Equal("s3://customer-data/weekly/b.csv", problem.Uri);
        }

        [Fact]
        public async Task AnEmptyObjectIsRefusedWithoutAGetAndGoodObjectsPass()
        {
            await PutAsync("empty.csv", string.Empty);
            await PutAsync("good.csv", "\uFEFFUSER_ID\r\nx\r\n");
            var inspector = new S3DataLocationInspector(_s3, null);

            DataLocationProblem problem = (await inspector.CheckObjectsAsync(Bucket, new[] { new DataLocationObject("empty.csv", 0) }, CancellationToken.None))!;
            Assert.Contains("it is empty", problem.Reason, StringComparison.Ordinal);
            Assert.Empty(await RequestsAsync("GetObject"));

            Assert.Null(await inspector.CheckObjectsAsync(Bucket, new[] { new DataLocationObject("good.csv", 14) }, CancellationToken.None));
        }

        private static string? Header(JsonElement request, string name) =>
            request.GetProperty("headers").EnumerateObject().FirstOrDefault(header => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase)).Value.GetString();

        private async Task PutAsync(string key, string body, bool kms = false)
        {
            var request = new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = body, ContentType = "text/csv" };
            if (kms)
            {
                request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS;
                request.ServerSideEncryptionKeyManagementServiceKeyId = "arn:aws:kms:us-east-1:123456789012:key/abc";
            }

            await _s3.PutObjectAsync(request);
        }

        private async Task<JsonElement[]> RequestsAsync(string operation) =>
            (await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/requests")).EnumerateArray()
                .Where(request => request.GetProperty("operation").GetString() == operation)
                .ToArray();
    }
}
