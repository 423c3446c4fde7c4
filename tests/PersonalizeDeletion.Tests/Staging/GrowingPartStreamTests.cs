using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    public class GrowingPartStreamTests
    {
        // Only keeps a broken build from hanging the run; no test depends on how long anything takes.
        private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

        [Fact]
        public async Task ReadsWhatIsPublishedAndWaitsForTheRest()
        {
            byte[] buffer = Bytes(100);
            var stream = new GrowingPartStream(buffer, 80);
            Assert.Equal(80, stream.Length);
            Assert.True(stream.CanSeek);
            stream.Publish(10);

            var read = new byte[64];
            Assert.Equal(10, await stream.ReadAsync(read, 0, 64));
            Assert.Equal(buffer.Take(10), read.Take(10));

            Task<int> waiting = stream.ReadAsync(read, 0, 64);
            await Task.Delay(50);
            Assert.False(waiting.IsCompleted, "a read returned before anything more was published");

            stream.Publish(30);
            Assert.Equal(20, await waiting.WaitAsync(Guard));
            Assert.Equal(buffer.Skip(10).Take(20), read.Take(20));

            stream.Publish(80);
            Assert.Equal(50, await stream.ReadAsync(read, 0, 64));
            Assert.Equal(0, await stream.ReadAsync(read, 0, 64));
            Assert.Equal(80, stream.Position);
        }

        [Fact]
        public async Task SeeksBackToSendTheSameBytesAgain()
        {
            byte[] buffer = Bytes(40);
            var stream = new GrowingPartStream(buffer, 40);
            stream.Publish(40);
            byte[] first = await ReadToEndAsync(stream);

            stream.Position = 0;
            byte[] again = await ReadToEndAsync(stream);
            Assert.Equal(buffer, first);
            Assert.Equal(buffer, again);

            Assert.Equal(30, stream.Seek(-10, SeekOrigin.End));
            Assert.Equal(buffer.Skip(30), await ReadToEndAsync(stream));
            Assert.Throws<ArgumentOutOfRangeException>(() => stream.Position = 41);
        }

        [Fact]
        public async Task ARewindEndsAReadOfTheEarlierAttemptInsteadOfStealingTheNewOnesBytes()
        {
            // The server answered before the body was complete and the SDK retries: it seeks back while the earlier
            // attempt's read still waits for rows.
            byte[] buffer = Bytes(50);
            var stream = new GrowingPartStream(buffer, 50);
            stream.Publish(10);
            var read = new byte[64];
            Assert.Equal(10, await stream.ReadAsync(read, 0, 64));
            Task<int> earlier = stream.ReadAsync(new byte[64], 0, 64);

            stream.Position = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => earlier).WaitAsync(Guard);
            stream.Publish(50);
            Assert.Equal(buffer, await ReadToEndAsync(stream));
        }

        [Fact]
        public async Task AbandonEndsAWaitingReadButNotThePublishedBytes()
        {
            var stream = new GrowingPartStream(Bytes(50), 50);
            stream.Publish(20);
            var read = new byte[10];
            Assert.Equal(10, await stream.ReadAsync(read, 0, 10));

            stream.Abandon();
            Assert.Equal(10, await stream.ReadAsync(read, 0, 10));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(read, 0, 10)).WaitAsync(Guard);

            var other = new GrowingPartStream(Bytes(50), 50);
            Task<int> waiting = other.ReadAsync(read, 0, 10);
            other.Abandon();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting).WaitAsync(Guard);
        }

        [Fact]
        public async Task NothingPublishedAfterAbandonIsRead()
        {
            // A part withdrawn by its stalled request while the writer publishes: the request must never reach the
            // length it announced, or S3 would keep a part the uploader sends again from a buffer it reuses.
            var stream = new GrowingPartStream(Bytes(50), 50);
            stream.Publish(20);
            Assert.Equal(20, await stream.ReadAsync(new byte[64], 0, 64));

            stream.Abandon();
            stream.Publish(50);
            Assert.Equal(20, stream.Published);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[10], 0, 10)).WaitAsync(Guard);
        }

        [Fact]
        public async Task AWaitingReadHonoursItsToken()
        {
            var stream = new GrowingPartStream(Bytes(50), 50);
            using var cancellation = new CancellationTokenSource();
            Task<int> waiting = stream.ReadAsync(new byte[10], 0, 10, cancellation.Token);
            cancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting).WaitAsync(Guard);
        }

        [Fact]
        public async Task AReadWaitingPastTheStallTimeoutCallsStalled()
        {
            var stream = new GrowingPartStream(Bytes(50), 50) { StallTimeout = TimeSpan.FromMilliseconds(20) };
            stream.Stalled = stream.Abandon;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[10], 0, 10)).WaitAsync(Guard);
        }

        [Fact]
        public async Task WaitsThatTogetherSpendTheBudgetCallStalledOnce()
        {
            // Bytes trickle in: no single wait is long, but together they pass the budget.
            var stream = new GrowingPartStream(Bytes(50), 50) { WaitBudget = TimeSpan.FromMilliseconds(100) };
            int stalls = 0;
            stream.Stalled = () => Interlocked.Increment(ref stalls);
            var read = new byte[10];
            for (int i = 1; i <= 5; i++)
            {
                Task<int> waiting = stream.ReadAsync(read, 0, 10);
                await Task.Delay(60);
                stream.Publish(i * 10);
                Assert.Equal(10, await waiting.WaitAsync(Guard));
            }

            Assert.Equal(1, stalls);
        }

        [Fact]
        public void PublishingNeverGoesBackOrBeyondThePart()
        {
            var stream = new GrowingPartStream(Bytes(50), 40);
            stream.Publish(30);
            stream.Publish(10);
            Assert.Equal(30, stream.Published);
            Assert.Throws<ArgumentOutOfRangeException>(() => stream.Publish(41));
            Assert.Throws<ArgumentOutOfRangeException>(() => new GrowingPartStream(Bytes(10), 11));
            Assert.Throws<NotSupportedException>(() => stream.Write(new byte[1], 0, 1));
        }

        private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 7 + 1)).ToArray();

        private static async Task<byte[]> ReadToEndAsync(Stream stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy).WaitAsync(Guard);
            return copy.ToArray();
        }
    }
}
