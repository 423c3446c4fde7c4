using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using PersonalizeDeletion.Staging;
using PersonalizeDeletion.Tests.Fake;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    /// <summary>
    /// A part sent while it is written, through the real AWSSDK.S3 to the fake: the SDK reads the stream as it
    /// grows, and a request stopped before its announced length leaves no part behind.
    /// </summary>
    public sealed class StreamedPartOverTheWireTests : IAsyncLifetime
    {
        private const string Bucket = "personalize-staging";
        private const int PartSize = 5 * 1024 * 1024;
        private const int Published = 1024 * 1024;
        private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

        private readonly FakeHost _fake = new FakeHost();
        private AmazonS3Client _s3 = null!;
        private AmazonS3StagingClient _client = null!;

        public async Task InitializeAsync()
        {
            await _fake.InitializeAsync();
            _s3 = new AmazonS3Client(
                new BasicAWSCredentials(SdkSignedPersonalizeClient.DefaultAccessKey, SdkSignedPersonalizeClient.DefaultSecret),
                new AmazonS3Config { ServiceURL = _fake.Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
            _client = new AmazonS3StagingClient(_s3);
        }

        public async Task DisposeAsync()
        {
            _s3.Dispose();
            await _fake.DisposeAsync();
        }

        [Fact]
        public async Task TheSdkSendsThePartAsItIsPublished()
        {
            byte[] part = Content(PartSize);
            Streaming streaming = await StartStreamingAsync("streamed/users.csv", part, CancellationToken.None);

            // The request has taken all that exists and waits for the rest.
            Assert.False(streaming.Sending.IsCompleted);
            streaming.Stream.Publish(PartSize);
            S3UploadedPart uploaded = await streaming.Sending.WaitAsync(Guard);

            await _client.CompleteMultipartUploadAsync(streaming.Address, streaming.UploadId, new[] { uploaded }, CancellationToken.None);
            Assert.Equal(part, await StoredAsync("streamed/users.csv"));
        }

        [Fact]
        public async Task TheSdkRetriesAStreamedPartBySeekingBack()
        {
            await _fake.PostAsync("/_fake/faults", new { operation = "s3:UploadPart", kind = "error500", count = 1 });
            byte[] part = Content(PartSize);
            Streaming streaming = await StartStreamingAsync("retried/users.csv", part, CancellationToken.None);
            streaming.Stream.Publish(PartSize);
            S3UploadedPart uploaded = await streaming.Sending.WaitAsync(Guard);

            await _client.CompleteMultipartUploadAsync(streaming.Address, streaming.UploadId, new[] { uploaded }, CancellationToken.None);
            Assert.Equal(part, await StoredAsync("retried/users.csv"));
            List<JsonElement> parts = (await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/requests")).EnumerateArray()
                .Where(r => r.GetProperty("operation").GetString() == "UploadPart").ToList();
            Assert.Equal(new[] { 500, 200 }, parts.Select(r => r.GetProperty("status").GetInt32()));
            Assert.All(parts, r => Assert.True(r.GetProperty("bodyLength").GetInt64() > PartSize));
        }

        [Fact]
        public async Task ARequestStoppedShortLeavesNoPartAndThePartGoesAgain()
        {
            byte[] part = Content(PartSize);
            using var cut = new CancellationTokenSource();
            Streaming streaming = await StartStreamingAsync("cut/users.csv", part, cut.Token);

            // What the uploader does when the IDs end first: stop the request, wake the read that waits.
            cut.Cancel();
            streaming.Stream.Abandon();
            await Assert.ThrowsAnyAsync<Exception>(() => streaming.Sending.WaitAsync(Guard));

            JsonElement open = Assert.Single((await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/s3/uploads")).EnumerateArray());
            Assert.Equal(0, open.GetProperty("parts").GetInt32());

            S3UploadedPart again = await _client.UploadPartAsync(streaming.Address, streaming.UploadId, 1, new MemoryStream(part, 0, Published, writable: false), CancellationToken.None);
            await _client.CompleteMultipartUploadAsync(streaming.Address, streaming.UploadId, new[] { again }, CancellationToken.None);
            Assert.Equal(part.Take(Published), await StoredAsync("cut/users.csv"));
        }

        /// <summary>Starts part 1 of a new upload with its first MiB published, once the SDK has read that MiB.</summary>
        private async Task<Streaming> StartStreamingAsync(string key, byte[] part, CancellationToken cancellationToken)
        {
            var address = new S3ObjectAddress(Bucket, key, null);
            string uploadId = await _client.CreateMultipartUploadAsync(address, Attributes(), CancellationToken.None);
            var stream = new GrowingPartStream(part, PartSize);
            stream.Publish(Published);
            Task<S3UploadedPart> sending = _client.UploadPartAsync(address, uploadId, 1, stream, cancellationToken);
            await Eventually.TrueAsync(() => stream.Position == Published);
            return new Streaming(address, uploadId, stream, sending);
        }

        private Task<byte[]> StoredAsync(string key) => _fake.Control.GetByteArrayAsync($"/_fake/s3/object?bucket={Bucket}&key={key}");

        private static byte[] Content(int length)
        {
            var bytes = new byte[length];
            new Random(11).NextBytes(bytes);
            return bytes;
        }

        private static S3ObjectAttributes Attributes() =>
            new S3ObjectAttributes(S3ObjectAttributes.CsvContentType, S3ObjectAttributes.S3ManagedEncryption, new Dictionary<string, string>());

        private sealed record Streaming(S3ObjectAddress Address, string UploadId, GrowingPartStream Stream, Task<S3UploadedPart> Sending);
    }
}
