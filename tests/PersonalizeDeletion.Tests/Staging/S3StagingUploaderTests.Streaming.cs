using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    /// <summary>Parts sent while they are written (<see cref="S3StagingUploader.ExpectMore"/>).</summary>
    public partial class S3StagingUploaderTests
    {
        [Fact]
        public async Task SendsAPartWhileItIsWrittenWhenTheHintSaysItWillFill()
        {
            List<string> ids = Ids(400_000);
            byte[] expected = Csv(ids);
            Assert.InRange(expected.Length, 2 * MinPart + 1, 3 * MinPart);

            using var uploader = StreamingUploader();
            uploader.ExpectMore(expected.Length);
            ids.Take(1000).ToList().ForEach(uploader.Add);

            // 31 KB written, and part 1 is already on its way, announcing the full part size.
            InMemoryS3StagingClient.Call first = await Eventually.FoundAsync(() => _s3.Calls.FirstOrDefault(c => c.Operation == "UploadPart" && c.PartNumber == 1));
            Assert.Equal(MinPart, first.DeclaredLength);
            Assert.Null(first.Content);

            ids.Skip(1000).ToList().ForEach(uploader.Add);
            StagedObject staged = Assert.Single(await uploader.CompleteAsync(CancellationToken.None));

            List<InMemoryS3StagingClient.Call> parts = _s3.Calls.Where(c => c.Operation == "UploadPart").OrderBy(c => c.PartNumber).ToList();
            Assert.Equal(new[] { 1, 2, 3 }, parts.Select(p => p.PartNumber));
            Assert.Equal(new long[] { MinPart, MinPart, expected.Length - (2 * MinPart) }, parts.Select(p => p.DeclaredLength));
            Assert.All(parts, p => Assert.Equal(p.DeclaredLength, p.Content!.Length));

            InMemoryS3StagingClient.StoredObject stored = _s3.Objects[KeyBase + "-001.csv"];
            Assert.Equal(3, stored.PartCount);
            Assert.Equal(expected, stored.Content);
            Assert.Equal(Sha256(expected), staged.ContentSha256);
            Assert.Equal(expected.Length, staged.Bytes);
            Assert.Equal(ids.Count, staged.UserCount);
            Assert.Equal(expected.Length, uploader.BytesUploaded);
            Assert.True(_s3.MaxPartsInFlight <= 2, $"{_s3.MaxPartsInFlight} parts were in flight at once");
            Assert.Empty(_s3.OpenUploadKeys);
            Assert.Equal(2, uploader.PartsStreamed);
            Assert.Equal(0, uploader.PartsSentAgain);
        }

        [Theory]
        [InlineData(50_000, 1)]
        [InlineData(250_000, 2)]
        public async Task APartCutShortByAHintTooHighIsSentAgainAsTheLastPart(int count, int partCount)
        {
            // Duplicates or rejected lines make the staged CSV smaller than the file the hint came from.
            List<string> ids = Ids(count);
            byte[] expected = Csv(ids);

            using var uploader = StreamingUploader();
            uploader.ExpectMore(4L * expected.Length);
            ids.ForEach(uploader.Add);
            StagedObject staged = Assert.Single(await uploader.CompleteAsync(CancellationToken.None));

            // The last part went twice: streamed with the full part size announced and stopped before its body was
            // complete (so S3 kept nothing), then sent with what there was.
            List<InMemoryS3StagingClient.Call> last = _s3.Calls.Where(c => c.Operation == "UploadPart" && c.PartNumber == partCount).ToList();
            Assert.Equal(2, last.Count);
            Assert.Equal(MinPart, last[0].DeclaredLength);
            Assert.Null(last[0].Content);
            Assert.Equal(expected.Length - ((partCount - 1L) * MinPart), last[1].Content!.Length);
            Assert.Equal(partCount + 1, _s3.Calls.Count(c => c.Operation == "UploadPart"));

            InMemoryS3StagingClient.StoredObject stored = _s3.Objects[KeyBase + "-001.csv"];
            Assert.Equal(partCount, stored.PartCount);
            Assert.Equal(expected, stored.Content);
            Assert.Equal(Sha256(expected), staged.ContentSha256);
            Assert.Equal(expected.Length, uploader.BytesUploaded);
            Assert.Empty(_s3.OpenUploadKeys);
            Assert.Equal(partCount, uploader.PartsStreamed);
            Assert.Equal(1, uploader.PartsSentAgain);
        }

        [Fact]
        public async Task StreamsOnlyPartsTheObjectLimitLetsFill()
        {
            // 6 MiB objects: each one's first part fills and is streamed; the 1 MiB rest of each never is.
            List<string> ids = Ids(500_000);
            using var uploader = StreamingUploader(maxBytes: 6L * 1024 * 1024);
            uploader.ExpectMore(Csv(ids).Length);
            ids.ForEach(uploader.Add);
            IReadOnlyList<StagedObject> staged = await uploader.CompleteAsync(CancellationToken.None);

            Assert.True(staged.Count >= 2);
            List<InMemoryS3StagingClient.Call> parts = _s3.Calls.Where(c => c.Operation == "UploadPart").ToList();
            Assert.All(parts, p => Assert.Equal(p.DeclaredLength, p.Content!.Length));
            Assert.Equal(staged.Sum(s => _s3.Objects[s.Key].PartCount), parts.Count);
            Assert.Equal(ids, staged.SelectMany(s => Rows(_s3.Objects[s.Key].Content)));
            Assert.Equal(staged.Count(s => _s3.Objects[s.Key].PartCount > 0), uploader.PartsStreamed);
            Assert.Equal(0, uploader.PartsSentAgain);
        }

        [Fact]
        public async Task StreamsNothingWhenAUserLimitMayEndThePartFirst()
        {
            List<string> ids = Ids(200_000);
            using var uploader = StreamingUploader(maxUsers: 190_000);
            uploader.ExpectMore(Csv(ids).Length);
            ids.ForEach(uploader.Add);
            IReadOnlyList<StagedObject> staged = await uploader.CompleteAsync(CancellationToken.None);

            Assert.Equal(2, staged.Count);
            List<InMemoryS3StagingClient.Call> parts = _s3.Calls.Where(c => c.Operation == "UploadPart").ToList();
            Assert.Equal(2, parts.Count);
            Assert.All(parts, p => Assert.Equal(p.DeclaredLength, p.Content!.Length));
            Assert.Equal(ids, staged.SelectMany(s => Rows(_s3.Objects[s.Key].Content)));
            Assert.Equal(0, uploader.PartsStreamed);
        }

        [Fact]
        public async Task AFailedStreamedPartSurfacesAndAbortLeavesNothing()
        {
            _s3.OnCall = (call, ct) => call.Operation == "UploadPart"
                ? Task.FromException(new S3RequestException("AccessDenied", 403, "req-1", "Access Denied"))
                : Task.CompletedTask;

            var uploader = StreamingUploader();
            uploader.ExpectMore(Csv(Ids(400_000)).Length);
            StagingUploadException ex = await Assert.ThrowsAsync<StagingUploadException>(async () =>
            {
                // The failure surfaces from an Add once it has happened, or at the latest from CompleteAsync.
                Ids(400_000).ForEach(uploader.Add);
                await uploader.CompleteAsync(CancellationToken.None);
            });

            Assert.Equal("UploadPart", ex.Operation);
            Assert.Equal("AccessDenied", ex.ErrorCode);
            Assert.Throws<StagingUploadException>(() => uploader.Add("late"));

            await uploader.AbortAsync();
            uploader.Dispose();
            Assert.Empty(_s3.OpenUploadKeys);
            Assert.Empty(_s3.Objects);
            Assert.Contains(_s3.Calls, c => c.Operation == "AbortMultipartUpload");
            Assert.Empty(uploader.Leftovers);
        }

        [Fact]
        public async Task DisposeEndsAStreamedPartStillWaitingForRows()
        {
            var uploader = StreamingUploader();
            uploader.ExpectMore(20_000_000);
            Ids(10).ForEach(uploader.Add);
            await Eventually.FoundAsync(() => _s3.Calls.FirstOrDefault(c => c.Operation == "UploadPart"));

            // Its request waits for rows that will never come; Dispose must end it and abort the upload.
            await Task.Run(uploader.Dispose).WaitAsync(Guard);
            Assert.Empty(_s3.OpenUploadKeys);
            Assert.Empty(_s3.Objects);
            Assert.Contains(_s3.Calls, c => c.Operation == "AbortMultipartUpload");
            Assert.Null(Assert.Single(_s3.Calls, c => c.Operation == "UploadPart").Content);
        }

        [Fact]
        public async Task AHintGivenMidObjectStreamsTheBufferBeingFilled()
        {
            List<string> ids = Ids(200_000);
            byte[] expected = Csv(ids);
            using var uploader = StreamingUploader();
            ids.Take(10_000).ToList().ForEach(uploader.Add);
            Assert.DoesNotContain(_s3.Calls, c => c.Operation == "UploadPart");

            uploader.ExpectMore(expected.Length - uploader.BytesWritten);
            InMemoryS3StagingClient.Call first = await Eventually.FoundAsync(() => _s3.Calls.FirstOrDefault(c => c.Operation == "UploadPart"));
            Assert.Equal(MinPart, first.DeclaredLength);

            ids.Skip(10_000).ToList().ForEach(uploader.Add);
            await uploader.CompleteAsync(CancellationToken.None);
            Assert.Equal(expected, _s3.Objects[KeyBase + "-001.csv"].Content);
            Assert.Equal(2, _s3.Calls.Count(c => c.Operation == "UploadPart"));
        }

        [Fact]
        public async Task APartWhoseRowsPauseIsWithdrawnAndSentOnceFull()
        {
            // The pipeline thread pauses (a prompt, a slow upstream): S3 would drop a request whose body stalls, so the
            // request stops after the stall timeout and the buffer goes on as a plain one.
            List<string> ids = Ids(400_000);
            byte[] expected = Csv(ids);
            using var uploader = StreamingUploader();
            uploader.StreamStallTimeout = TimeSpan.FromMilliseconds(100);
            uploader.ExpectMore(expected.Length);
            ids.Take(1000).ToList().ForEach(uploader.Add);
            await Eventually.TrueAsync(() => uploader.PartsSentAgain == 1);

            ids.Skip(1000).ToList().ForEach(uploader.Add);
            StagedObject staged = Assert.Single(await uploader.CompleteAsync(CancellationToken.None));

            AssertFirstPartSentTwice();
            Assert.Equal(expected, _s3.Objects[KeyBase + "-001.csv"].Content);
            Assert.Equal(Sha256(expected), staged.ContentSha256);
            Assert.Equal(expected.Length, uploader.BytesUploaded);
            Assert.True(_s3.MaxPartsInFlight <= 2, $"{_s3.MaxPartsInFlight} parts were in flight at once");
        }

        [Fact]
        public async Task APartWhoseRowsTrickleIsWithdrawnOnceItsWaitsSpendTheBudget()
        {
            // Rows come 64 KB at a time, each wait well within the stall timeout, but the request would wait for ever.
            List<string> ids = Ids(200_000);
            byte[] expected = Csv(ids);
            using var uploader = StreamingUploader();
            uploader.StreamWaitBudget = TimeSpan.FromMilliseconds(200);
            uploader.ExpectMore(expected.Length);
            uploader.Add(ids[0]);
            for (int i = 1; uploader.PartsSentAgain == 0; i++)
            {
                // 64 KB of rows per publication: about 2,100 IDs, then a pause.
                ids.Skip(((i - 1) * 2100) + 1).Take(2100).ToList().ForEach(uploader.Add);
                await Task.Delay(30);
                Assert.True(i < 1000, "the trickling part was never withdrawn");
            }

            ids.Skip((int)uploader.UserCount).ToList().ForEach(uploader.Add);
            await uploader.CompleteAsync(CancellationToken.None);
            Assert.Equal(expected, _s3.Objects[KeyBase + "-001.csv"].Content);
            Assert.Null(_s3.Calls.First(c => c.Operation == "UploadPart" && c.PartNumber == 1).Content);
        }

        [Fact]
        public async Task APartTheSpentHintDidNotFillIsWithdrawnAndTheNextHintStreamsItAgain()
        {
            // Two files: the first promises a part but ends early (ExpectMore(0)); the second's hint fills it.
            List<string> ids = Ids(300_000);
            byte[] expected = Csv(ids);
            using var uploader = StreamingUploader();
            uploader.ExpectMore(expected.Length);
            ids.Take(50_000).ToList().ForEach(uploader.Add);
            uploader.ExpectMore(0);
            await Eventually.TrueAsync(() => uploader.PartsSentAgain == 1);

            uploader.ExpectMore(expected.Length - uploader.BytesWritten);
            ids.Skip(50_000).ToList().ForEach(uploader.Add);
            await uploader.CompleteAsync(CancellationToken.None);

            AssertFirstPartSentTwice();
            Assert.Equal(expected, _s3.Objects[KeyBase + "-001.csv"].Content);
            Assert.Equal(2, uploader.PartsStreamed);
            Assert.Equal(1, uploader.PartsSentAgain);
        }

        /// <summary>
        /// Part 1 went out twice: a request stopped short (no content stored) and a whole one. Both wait for the upload
        /// ID before they begin, so their order in the log is not fixed.
        /// </summary>
        private void AssertFirstPartSentTwice()
        {
            List<InMemoryS3StagingClient.Call> first = _s3.Calls.Where(c => c.Operation == "UploadPart" && c.PartNumber == 1).ToList();
            Assert.Equal(2, first.Count);
            Assert.Single(first, c => c.Content is null);
            InMemoryS3StagingClient.Call whole = Assert.Single(first, c => c.Content is not null);
            Assert.Equal(MinPart, whole.DeclaredLength);
            Assert.Equal(MinPart, whole.Content!.Length);
        }

        // Streaming tests must not depend on how fast the machine is: only the stall test shortens the timeout.
        private S3StagingUploader StreamingUploader(long maxBytes = StagingTarget.DefaultMaxBytesPerObject, long? maxUsers = null) =>
            new S3StagingUploader(_s3, Target(partSize: MinPart, maxBytes: maxBytes, maxUsers: maxUsers)) { StreamStallTimeout = TimeSpan.FromMinutes(10) };
    }
}
