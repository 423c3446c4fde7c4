using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    public partial class S3StagingUploaderTests
    {
        private const string Bucket = "staging-bucket";
        private const string KeyBase = "deletions/job-20260101-abc";
        private const string Owner = "111122223333";
        private const int MinPart = 5 * 1024 * 1024;

        // Only keeps a broken build from hanging the run; no test depends on how long anything takes.
        private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

        private readonly InMemoryS3StagingClient _s3 = new InMemoryS3StagingClient();

        [Fact]
        public async Task SendsASmallListAsOneEncryptedPutObject()
        {
            using var uploader = new S3StagingUploader(_s3, Target());
            uploader.Add("u1");
            uploader.Add("a,b");
            uploader.Add("é");

            IReadOnlyList<StagedObject> staged = await uploader.CompleteAsync(CancellationToken.None);

            byte[] expected = Encoding.UTF8.GetBytes("USER_ID\nu1\n\"a,b\"\né\n");
            InMemoryS3StagingClient.Call put = Assert.Single(_s3.Calls);
            Assert.Equal("PutObject", put.Operation);
            Assert.Equal(Owner, put.Address.ExpectedBucketOwner);
            Assert.Equal("AES256", put.Attributes!.ServerSideEncryption);
            Assert.Equal("text/csv; charset=utf-8", put.Attributes.ContentType);
            Assert.Equal("PersonalizeDeletion", put.Attributes.Metadata["staged-by"]);
            Assert.Equal(expected, _s3.Objects[KeyBase + "-001.csv"].Content);

            StagedObject single = Assert.Single(staged);
            Assert.Equal(Bucket, single.Bucket);
            Assert.Equal(KeyBase + "-001.csv", single.Key);
            Assert.Equal("s3://" + Bucket + "/" + KeyBase + "-001.csv", single.Uri);
            Assert.Equal(3, single.UserCount);
            Assert.Equal(expected.Length, single.Bytes);
            Assert.Equal(Sha256(expected), single.ContentSha256);
            Assert.Equal("\"etag-" + KeyBase + "-001.csv\"", single.ETag);
            Assert.Equal(3, uploader.UserCount);
            Assert.Equal(expected.Length, uploader.BytesWritten);
            Assert.Equal(expected.Length, uploader.BytesUploaded);
            Assert.Equal(1, uploader.ObjectCount);
        }

        [Fact]
        public async Task WritesNothingForNoIds()
        {
            using var uploader = new S3StagingUploader(_s3, Target());
            Assert.Empty(await uploader.CompleteAsync(CancellationToken.None));
            Assert.Empty(_s3.Calls);
            Assert.Equal(0, uploader.ObjectCount);
        }

        [Fact]
        public async Task UploadsA20MegabyteListInParts()
        {
            List<string> ids = Ids(700_000);
            byte[] expected = Csv(ids);
            Assert.True(expected.Length > 20_000_000);

            using var uploader = new S3StagingUploader(_s3, Target(partSize: MinPart));
            ids.ForEach(uploader.Add);
            StagedObject staged = Assert.Single(await uploader.CompleteAsync(CancellationToken.None));

            var calls = _s3.Calls;
            Assert.Equal(1, calls.Count(c => c.Operation == "CreateMultipartUpload"));
            Assert.DoesNotContain(calls, c => c.Operation == "PutObject");
            var parts = calls.Where(c => c.Operation == "UploadPart").OrderBy(c => c.PartNumber).ToList();
            Assert.Equal((expected.Length + MinPart - 1) / MinPart, parts.Count);
            Assert.Equal(Enumerable.Range(1, parts.Count), parts.Select(p => p.PartNumber));
            Assert.All(parts.Take(parts.Count - 1), p => Assert.Equal(MinPart, p.Content!.Length));
            Assert.Equal(parts.Count, Assert.Single(calls, c => c.Operation == "CompleteMultipartUpload").PartNumber);
            Assert.All(calls, c => Assert.Equal(Owner, c.Address.ExpectedBucketOwner));

            InMemoryS3StagingClient.Call create = calls.Single(c => c.Operation == "CreateMultipartUpload");
            Assert.Equal("AES256", create.Attributes!.ServerSideEncryption);
            Assert.Equal("PersonalizeDeletion", create.Attributes.Metadata["staged-by"]);

            InMemoryS3StagingClient.StoredObject stored = _s3.Objects[KeyBase + "-001.csv"];
            Assert.Equal(parts.Count, stored.PartCount);
            Assert.Equal(expected, stored.Content);
            Assert.Empty(_s3.OpenUploadKeys);
            Assert.True(_s3.MaxPartsInFlight <= 2, $"{_s3.MaxPartsInFlight} parts were in flight at once");

            Assert.Equal(ids.Count, staged.UserCount);
            Assert.Equal(expected.Length, staged.Bytes);
            Assert.Equal(Sha256(expected), staged.ContentSha256);
            Assert.Equal(expected.Length, uploader.BytesUploaded);
        }

        [Fact]
        public async Task SplitsBeforeAnObjectWouldExceedMaxBytes()
        {
            List<string> ids = Enumerable.Range(0, 100).Select(i => i % 7 == 0 ? "u," + i : "user-" + i).ToList();
            using var uploader = new S3StagingUploader(_s3, Target(maxBytes: 100));
            ids.ForEach(uploader.Add);
            IReadOnlyList<StagedObject> staged = await uploader.CompleteAsync(CancellationToken.None);

            Assert.True(staged.Count > 5);
            Assert.Equal(staged.Count, uploader.ObjectCount);
            var rowsPerObject = new List<List<string>>();
            for (int i = 0; i < staged.Count; i++)
            {
                Assert.Equal(KeyBase + "-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture) + ".csv", staged[i].Key);
                byte[] content = _s3.Objects[staged[i].Key].Content;
                Assert.True(content.Length <= 100, $"object {i + 1} has {content.Length} bytes");
                Assert.Equal(content.Length, staged[i].Bytes);
                Assert.Equal(Sha256(content), staged[i].ContentSha256);
                List<string> rows = Rows(content);
                Assert.Equal(rows.Count, staged[i].UserCount);
                rowsPerObject.Add(rows);
            }

            Assert.Equal(ids.Select(StagingTestExtensions.Field), rowsPerObject.SelectMany(r => r));

            // Objects are filled: the first row of each next object would not have fit.
            for (int i = 0; i + 1 < staged.Count; i++)
            {
                Assert.True(staged[i].Bytes + Encoding.UTF8.GetByteCount(rowsPerObject[i + 1][0] + "\n") > 100);
            }
        }

        [Fact]
        public async Task SplitsAtMaxUsersPerObject()
        {
            using var uploader = new S3StagingUploader(_s3, Target(maxUsers: 3));
            Ids(10).ForEach(uploader.Add);
            IReadOnlyList<StagedObject> staged = await uploader.CompleteAsync(CancellationToken.None);

            Assert.Equal(new long[] { 3, 3, 3, 1 }, staged.Select(s => s.UserCount));
            Assert.Equal(Ids(10), staged.SelectMany(s => Rows(_s3.Objects[s.Key].Content)));

            // Only the last object may be a PutObject: the earlier ones stay open (abortable) until the end.
            Assert.Equal(1, _s3.Calls.Count(c => c.Operation == "PutObject"));
            Assert.Equal(3, _s3.Calls.Count(c => c.Operation == "CompleteMultipartUpload"));
            Assert.All(staged.Take(3), s => Assert.Equal(1, _s3.Objects[s.Key].PartCount));
            Assert.Empty(_s3.OpenUploadKeys);
        }

        [Fact]
        public async Task NoObjectIsCompletedBeforeTheInputEnds()
        {
            using var uploader = new S3StagingUploader(_s3, Target(maxUsers: 3));
            Ids(10).ForEach(uploader.Add);

            // Objects 1 to 3 are finished and their parts sent; none may be visible in the bucket yet.
            using (var wait = new CancellationTokenSource(Guard))
            {
                while (_s3.Calls.Count(c => c.Operation == "UploadPart") < 3)
                {
                    await Task.Delay(10, wait.Token);
                }
            }

            await Task.Delay(100);
            Assert.DoesNotContain(_s3.Calls, c => c.Operation == "CompleteMultipartUpload" || c.Operation == "PutObject");
            Assert.Empty(_s3.Objects);

            IReadOnlyList<StagedObject> staged = await uploader.CompleteAsync(CancellationToken.None);
            Assert.Equal(4, staged.Count);
            Assert.Equal(4, _s3.Objects.Count);
        }

        [Fact]
        public async Task SplitsLargeListsIntoSeveralMultipartObjects()
        {
            List<string> ids = Ids(1_100_000);
            const long maxBytes = 12L * 1024 * 1024;
            using var uploader = new S3StagingUploader(_s3, Target(partSize: MinPart, maxBytes: maxBytes));
            ids.ForEach(uploader.Add);
            IReadOnlyList<StagedObject> staged = await uploader.CompleteAsync(CancellationToken.None);

            Assert.Equal(3, staged.Count);
            Assert.All(staged, s => Assert.True(s.Bytes <= maxBytes));
            Assert.All(staged, s => Assert.Equal((int)((s.Bytes + MinPart - 1) / MinPart), _s3.Objects[s.Key].PartCount));
            Assert.Equal(ids, staged.SelectMany(s => Rows(_s3.Objects[s.Key].Content)));
            Assert.Equal(ids.Count, staged.Sum(s => s.UserCount));
            Assert.Empty(_s3.OpenUploadKeys);
        }

        [Fact]
        public async Task AFailedPartSurfacesAsStagingUploadExceptionAndAbortLeavesNothing()
        {
            // Object 1 is finished (all its parts sent) before object 2's part fails: it was never completed, so
            // the abort has two open uploads to abort and nothing to delete.
            _s3.OnCall = async (call, ct) =>
            {
                if (call.Operation == "UploadPart" && call.Address.Key.EndsWith("-002.csv", StringComparison.Ordinal))
                {
                    // Object 1's upload exists (a part of it was sent), so the abort must find it.
                    while (!_s3.Calls.Any(c => c.Operation == "UploadPart" && c.Address.Key.EndsWith("-001.csv", StringComparison.Ordinal)))
                    {
                        await Task.Delay(5, ct);
                    }

                    throw new S3RequestException("AccessDenied", 403, "req-1", "Access Denied");
                }
            };

            var uploader = new S3StagingUploader(_s3, Target(partSize: MinPart, maxBytes: 6L * 1024 * 1024));
            StagingUploadException ex = await Assert.ThrowsAsync<StagingUploadException>(async () =>
            {
                Ids(500_000).ForEach(uploader.Add);
                await uploader.CompleteAsync(CancellationToken.None);
            });

            Assert.Equal("AccessDenied", ex.ErrorCode);
            Assert.Equal(403, ex.StatusCode);
            Assert.Equal("UploadPart", ex.Operation);
            Assert.Equal(Bucket, ex.Bucket);
            Assert.Equal(KeyBase + "-002.csv", ex.Key);
            Assert.Contains("ExpectedBucketOwner", ex.Message);
            Assert.Throws<StagingUploadException>(() => uploader.Add("late"));

            await uploader.AbortAsync();
            Assert.Empty(_s3.Objects);
            Assert.Empty(_s3.OpenUploadKeys);
            Assert.Empty(uploader.Leftovers);
            Assert.Contains(_s3.Calls, c => c.Operation == "AbortMultipartUpload" && c.Address.Key == KeyBase + "-001.csv");
            Assert.Contains(_s3.Calls, c => c.Operation == "AbortMultipartUpload" && c.Address.Key == KeyBase + "-002.csv");
            Assert.DoesNotContain(_s3.Calls, c => c.Operation == "CompleteMultipartUpload" || c.Operation == "DeleteObject");
            Assert.All(_s3.Calls, c => Assert.Equal(Owner, c.Address.ExpectedBucketOwner));

            await uploader.AbortAsync();
            uploader.Dispose();
            Assert.Empty(uploader.Leftovers);
        }

        [Fact]
        public async Task CancellingCompletionAbortsTheUpload()
        {
            var partStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _s3.OnCall = async (call, ct) =>
            {
                if (call.Operation == "UploadPart")
                {
                    partStarted.TrySetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                }
            };

            using var uploader = new S3StagingUploader(_s3, Target(partSize: MinPart));
            Ids(220_000).ForEach(uploader.Add);
            await partStarted.Task.WaitAsync(Guard);

            using var cancellation = new CancellationTokenSource();
            Task<IReadOnlyList<StagedObject>> completing = uploader.CompleteAsync(cancellation.Token);
            cancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => completing);

            await uploader.AbortAsync();
            Assert.Empty(_s3.OpenUploadKeys);
            Assert.Empty(_s3.Objects);
            Assert.Contains(_s3.Calls, c => c.Operation == "AbortMultipartUpload");
            Assert.Empty(uploader.Leftovers);
        }

        [Fact]
        public async Task CancelStopsAnAddWaitingForAPartSlot()
        {
            int partsStarted = 0;
            var twoPartsInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _s3.OnCall = async (call, ct) =>
            {
                if (call.Operation == "UploadPart")
                {
                    if (Interlocked.Increment(ref partsStarted) == 2)
                    {
                        twoPartsInFlight.TrySetResult();
                    }

                    await Task.Delay(Timeout.Infinite, ct);
                }
            };

            var uploader = new S3StagingUploader(_s3, Target(partSize: MinPart));

            // Four parts' worth cannot be written while two parts are held: the adder has to wait.
            Task adding = Task.Run(() => Ids(700_000).ForEach(uploader.Add));
            await twoPartsInFlight.Task.WaitAsync(Guard);
            uploader.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => adding);

            uploader.Dispose();
            Assert.Empty(_s3.OpenUploadKeys);
            Assert.Empty(_s3.Objects);
            Assert.Equal(2, _s3.Calls.Count(c => c.Operation == "UploadPart"));
        }

        [Fact]
        public async Task DisposeWithoutCompleteAbortsTheMultipartUpload()
        {
            // A part only starts once its upload exists, so the abort certainly has an upload to abort.
            var partStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _s3.OnCall = (call, ct) =>
            {
                if (call.Operation == "UploadPart")
                {
                    partStarted.TrySetResult();
                }

                return Task.CompletedTask;
            };
            var uploader = new S3StagingUploader(_s3, Target(partSize: MinPart));
            Ids(220_000).ForEach(uploader.Add);
            await partStarted.Task.WaitAsync(Guard);
            uploader.Dispose();

            Assert.Contains(_s3.Calls, c => c.Operation == "CreateMultipartUpload");
            Assert.Contains(_s3.Calls, c => c.Operation == "AbortMultipartUpload");
            Assert.Empty(_s3.OpenUploadKeys);
            Assert.Empty(_s3.Objects);
        }

        [Fact]
        public async Task AnAbortLetsACreateMultipartUploadInFlightFinishAndAbortsTheUploadItMade()
        {
            // Cancelled, the request might still have made the upload on the service's side, with its ID never
            // learned: nobody could abort it, and it would hold the IDs of its parts.
            var createStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool cancelledWhenAnswered = true;
            _s3.OnCall = async (call, ct) =>
            {
                if (call.Operation == "CreateMultipartUpload")
                {
                    createStarted.TrySetResult();
                    await answer.Task;
                    cancelledWhenAnswered = ct.IsCancellationRequested;
                }
            };
            var uploader = new S3StagingUploader(_s3, Target(partSize: MinPart));
            Ids(220_000).ForEach(uploader.Add);
            await createStarted.Task.WaitAsync(Guard);

            Task aborting = uploader.AbortAsync();
            answer.SetResult();
            await aborting.WaitAsync(Guard);
            uploader.Dispose();

            Assert.False(cancelledWhenAnswered);
            Assert.Contains(_s3.Calls, c => c.Operation == "AbortMultipartUpload");
            Assert.Empty(_s3.OpenUploadKeys);
            Assert.Empty(uploader.Leftovers);
        }

        [Fact]
        public void DisposeWithoutCompleteOfASmallListSendsNothing()
        {
            var uploader = new S3StagingUploader(_s3, Target());
            uploader.Add("u1");
            uploader.Dispose();
            Assert.Empty(_s3.Calls);
        }

        [Fact]
        public async Task DisposeAfterCompleteKeepsTheObjectsAndAbortRemovesThem()
        {
            var uploader = new S3StagingUploader(_s3, Target(maxUsers: 1));
            uploader.Add("u1");
            uploader.Add("u2");
            await uploader.CompleteAsync(CancellationToken.None);
            uploader.Dispose();
            Assert.Equal(2, _s3.Objects.Count);

            await uploader.AbortAsync();
            Assert.Empty(_s3.Objects);
            Assert.Equal(2, _s3.Calls.Count(c => c.Operation == "DeleteObject"));
        }

        [Fact]
        public async Task ListsWhatAbortCouldNotRemove()
        {
            _s3.OnCall = (call, ct) => call.Operation == "DeleteObject"
                ? Task.FromException(new S3RequestException("AccessDenied", 403, null, "Access Denied"))
                : Task.CompletedTask;
            using var uploader = new S3StagingUploader(_s3, Target());
            uploader.Add("u1");
            await uploader.CompleteAsync(CancellationToken.None);

            await uploader.AbortAsync();
            Assert.Equal(new[] { "s3://" + Bucket + "/" + KeyBase + "-001.csv" }, uploader.Leftovers);

            _s3.OnCall = null;
            await uploader.AbortAsync();
            Assert.Empty(uploader.Leftovers);
            Assert.Empty(_s3.Objects);
        }

        [Fact]
        public async Task RejectsAddAfterCompletion()
        {
            using var uploader = new S3StagingUploader(_s3, Target());
            uploader.Add("u1");
            await uploader.CompleteAsync(CancellationToken.None);
            Assert.Throws<InvalidOperationException>(() => uploader.Add("u2"));
        }

        [Fact]
        public void RejectsUnusableTargets()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new S3StagingUploader(_s3, Target(partSize: MinPart - 1)));
            Assert.Throws<ArgumentOutOfRangeException>(() => new S3StagingUploader(_s3, Target(maxUsers: 0)));
            Assert.Throws<ArgumentOutOfRangeException>(() => new S3StagingUploader(_s3, Target(maxBytes: 8)));
            Assert.Throws<ArgumentException>(() => new S3StagingUploader(_s3, new StagingTarget(Bucket, new string('k', 240))));
        }

        private static StagingTarget Target(int partSize = StagingTarget.DefaultPartSize, long maxBytes = StagingTarget.DefaultMaxBytesPerObject, long? maxUsers = null) =>
            new StagingTarget(Bucket, KeyBase)
            {
                ExpectedBucketOwner = Owner,
                PartSize = partSize,
                MaxBytesPerObject = maxBytes,
                MaxUsersPerObject = maxUsers,
                Metadata = { ["staged-by"] = "PersonalizeDeletion", ["module-version"] = "0.1.0" },
            };

        private static List<string> Ids(int count) =>
            Enumerable.Range(0, count).Select(i => "user-" + i.ToString("D8", CultureInfo.InvariantCulture) + "-0123456789abcdef").ToList();

        private static byte[] Csv(IEnumerable<string> ids) => Encoding.UTF8.GetBytes("USER_ID\n" + string.Concat(ids.Select(id => id + "\n")));

        /// <summary>The rows after the header, as written (quoted fields stay quoted).</summary>
        private static List<string> Rows(byte[] content)
        {
            string text = Encoding.UTF8.GetString(content);
            Assert.StartsWith("USER_ID\n", text);
            Assert.EndsWith("\n", text);
            return text.Substring("USER_ID\n".Length).Split('\n').SkipLast(1).ToList();
        }

        private static string Sha256(byte[] content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
    }
}
