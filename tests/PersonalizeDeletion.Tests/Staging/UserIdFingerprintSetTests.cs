using System;
using System.Globalization;
using System.Linq;
using System.Text;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    public class UserIdFingerprintSetTests
    {
        [Fact]
        public void AddsNewIdsAndRecognisesDuplicates()
        {
            var set = new UserIdFingerprintSet();
            Assert.True(set.Add("user-1"));
            Assert.True(set.Add("User-1"));
            Assert.True(set.Add("user-1 "));
            Assert.True(set.Add(""));
            Assert.False(set.Add("user-1"));
            Assert.False(set.Add(""));
            Assert.Equal(4, set.Count);
        }

        [Fact]
        public void KeepsAMillionDistinctIdsApart()
        {
            const int n = 1_000_000;
            var set = new UserIdFingerprintSet();
            for (int i = 0; i < n; i++)
            {
                Assert.True(set.Add(Id(i)));
            }

            Assert.Equal(n, set.Count);
            for (int i = 0; i < n; i += 997)
            {
                Assert.False(set.Add(Id(i)));
            }

            Assert.Equal(n, set.Count);
        }

        [Fact]
        public void StaysWithin30BytesPerIdAndGivesItsMemoryBack()
        {
            // 12-byte slots at 40% to 80% load once segments split. (The heap is not measured: the storage comes
            // from the shared pool, which may already hold it. The pool rounds an array up to a power of two, but
            // slots beyond a segment's are never written, so they take no memory.)
            const int n = 1_000_000;
            var set = new UserIdFingerprintSet();
            for (int i = 0; i < n; i++)
            {
                set.Add(Id(i));
            }

            double slotBytesPerId = set.SlotCount * 12.0 / n;
            Assert.True(slotBytesPerId <= 30 && slotBytesPerId >= 15, $"{slotBytesPerId:F1} bytes of slots per ID");
            Assert.True(set.SegmentCount > 1, "a million IDs must have split the first segment");

            set.Dispose();
            Assert.Equal(0, set.SegmentCount);
        }

        [Fact]
        public void ABatchIsAddedInOrderWithRepeatsInsideIt()
        {
            var set = new UserIdFingerprintSet();
            Assert.True(set.Add("seen"));
            string[] ids = { "a", "b", "a", "seen", "c", "b" };
            var keys = new ulong[ids.Length];
            var tags = new uint[ids.Length];
            for (int i = 0; i < ids.Length; i++)
            {
                UserIdFingerprintSet.Fingerprint(Encoding.UTF8.GetBytes(ids[i]), out keys[i], out tags[i]);
            }

            var added = new bool[ids.Length];
            set.Add(keys, tags, added);
            Assert.Equal(new[] { true, true, false, false, true, false }, added);
            Assert.Equal(4, set.Count);
            Assert.False(set.Add(Encoding.UTF8.GetBytes("c")));
        }

        [Fact]
        public void StringsAndUtf8BytesAreTheSameId()
        {
            var set = new UserIdFingerprintSet();
            Assert.True(set.Add("\u00e9\U0001F600"));
            Assert.False(set.Add(Encoding.UTF8.GetBytes("\u00e9\U0001F600")));
            Assert.True(set.Add(Encoding.UTF8.GetBytes("e\u0301\U0001F600")));
        }

        [Fact]
        public void KeepsEveryIdAcrossGrowthAndSplitsInBatches()
        {
            // Enough IDs for the first segment to grow to its limit and then split several times; every ID must
            // still be found afterwards, and none may be mistaken for another.
            const int n = 1_500_000;
            var set = new UserIdFingerprintSet();
            var keys = new ulong[UserIdBatch.Capacity];
            var tags = new uint[UserIdBatch.Capacity];
            var added = new bool[UserIdBatch.Capacity];
            for (int start = 0; start < n; start += keys.Length)
            {
                int count = Math.Min(keys.Length, n - start);
                for (int j = 0; j < count; j++)
                {
                    UserIdFingerprintSet.Fingerprint(Encoding.UTF8.GetBytes(Id(start + j)), out keys[j], out tags[j]);
                }

                set.Add(keys.AsSpan(0, count), tags.AsSpan(0, count), added.AsSpan(0, count));
                Assert.All(added.Take(count), Assert.True);
            }

            Assert.True(set.SegmentCount >= 8, $"{set.SegmentCount} segments");
            for (int i = 0; i < n; i++)
            {
                Assert.False(set.Add(Id(i)));
            }

            Assert.Equal(n, set.Count);
        }

        private static string Id(int i) => "user-" + i.ToString("D7", CultureInfo.InvariantCulture);
    }
}
