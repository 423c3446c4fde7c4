using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Linq;
using System.Text;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    public class UserIdFingerprintSetTests
    {
        [Fact]
        public void FingerprintOfTheEmptyIdIsTheFirst96BitsOfItsPublishedXxh3Hash()
        {
            // XXH3-128 of no bytes is 99aa06d3014798d8 6001c324468d497f (the xxHash reference's test vector).
            UserIdFingerprintSet.Fingerprint(ReadOnlySpan<byte>.Empty, out ulong key, out uint tag);
            Assert.Equal(0x99aa06d3014798d8UL, key);
            Assert.Equal(0x6001c324U, tag);
        }

        [Theory]
        [InlineData("a")]
        [InlineData("user-1")]
        [InlineData("user-00000001")]
        [InlineData("8f14e45f-ceea-467f-a0e6-2b3c1f0c6a9d")]
        [InlineData("\u00e9\U0001F600")]
        public void FingerprintsAreTheFirst96BitsOfXxHash128(string id)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(id);
            Span<byte> hash = stackalloc byte[16];
            XxHash128.Hash(utf8, hash);
            UserIdFingerprintSet.Fingerprint(utf8, out ulong key, out uint tag);
            Assert.Equal(BinaryPrimitives.ReadUInt64BigEndian(hash), key);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(hash.Slice(8)), tag);
        }

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
        public void StaysWithin18BytesPerIdAndGivesItsMemoryBack()
        {
            // 11-byte slots, tables grown by a quarter at 80% load: between 64% and 80% full at any size.
            const int n = 1_000_000;
            var set = new UserIdFingerprintSet();
            Assert.Equal(UserIdFingerprintSet.TableCount * 16, set.SlotCount);
            for (int i = 0; i < n; i++)
            {
                set.Add(Id(i));
            }

            double slotBytesPerId = set.SlotCount * (double)UserIdFingerprintSet.SlotBytes / n;
            Assert.True(slotBytesPerId >= 13.5 && slotBytesPerId <= 17.5, $"{slotBytesPerId:F1} bytes of slots per ID");

            // Pages that tables grew out of were taken again by the next tables to grow: besides the tables' own
            // pages, at most about one table's worth waits (without reuse there would be about four times as many).
            long tablePages = set.SlotCount / UserIdFingerprintSet.PageSlots;
            Assert.Equal(tablePages + set.FreePages, set.PagesInUse);
            Assert.True(set.FreePages <= (2 * tablePages / UserIdFingerprintSet.TableCount) + 1, $"{set.FreePages} free pages of {set.PagesInUse}");

            set.Dispose();
            Assert.Equal(0, set.SlotCount);
            Assert.Equal(0, set.PagesInUse);
            set.Dispose();
        }

        [Fact]
        public void RefusesUseAfterDispose()
        {
            var set = new UserIdFingerprintSet();
            Assert.True(set.Add("user-1"));
            set.Dispose();
            Assert.Throws<ObjectDisposedException>(() => set.Add("user-1"));
            Assert.Throws<ObjectDisposedException>(() => set.Add(1, 1));
            Assert.Throws<ObjectDisposedException>(() => set.Add(new ulong[] { 1 }, new uint[] { 1 }, new bool[1]));
            Assert.Equal(1, set.Count);
        }

        [Fact]
        public void EveryBitOfTheFingerprintCounts()
        {
            // The low byte of the tag picks the table and is not stored; its upper 24 bits and the 64-bit key are.
            var set = new UserIdFingerprintSet();
            Assert.True(set.Add(0x1234_5678_9ABC_DEF0, 0x0000_0100));
            Assert.True(set.Add(0x1234_5678_9ABC_DEF0, 0x0000_0101));
            Assert.True(set.Add(0x1234_5678_9ABC_DEF0, 0x0000_0200));
            Assert.True(set.Add(0x1234_5678_9ABC_DEF0, 0x8000_0100));
            Assert.True(set.Add(0x1234_5678_9ABC_DEF0, 0x0001_0100));
            Assert.True(set.Add(0x1234_5678_9ABC_DEF1, 0x0000_0100));
            Assert.True(set.Add(0x9234_5678_9ABC_DEF0, 0x0000_0100));
            Assert.True(set.Add(0x1234_5678_9ABC_DEF0, 0xFFFF_FFFF));
            Assert.False(set.Add(0x1234_5678_9ABC_DEF0, 0x0000_0100));
            Assert.False(set.Add(0x1234_5678_9ABC_DEF0, 0x8000_0100));
            Assert.False(set.Add(0x1234_5678_9ABC_DEF0, 0xFFFF_FFFF));
            Assert.Equal(8, set.Count);
        }

        [Theory]
        [InlineData(0x0000_0000u)]
        [InlineData(0xFFFF_FFFFu)]
        public void KeepsKeysApartThatAllStartAtTheSameSlotAcrossGrowth(uint low32)
        {
            // Keys with the same low 32 bits have the same first slot in every capacity (0 or the last one, where
            // probing wraps around): one long probe run in one table, moved through many growths.
            const int n = 5_000;
            var set = new UserIdFingerprintSet();
            for (ulong high = 1; high <= n; high++)
            {
                Assert.True(set.Add((high << 32) | low32, 0x0000_0700));
            }

            for (ulong high = 1; high <= n; high++)
            {
                Assert.False(set.Add((high << 32) | low32, 0x0000_0700));
                Assert.True(set.Add((high << 32) | low32, 0x0001_0700));
            }

            Assert.Equal(2 * n, set.Count);
            Assert.True(set.SlotCount > UserIdFingerprintSet.TableCount * 16, "the table must have grown");
            set.Dispose();
        }

        [Fact]
        public void ReservedRoomIsFilledWithoutGrowingAndKeepsWhatWasThere()
        {
            const int n = 200_000;
            var set = new UserIdFingerprintSet();
            for (int i = 0; i < 1_000; i++)
            {
                Assert.True(set.Add(Id(i)));
            }

            set.Reserve(0);
            set.Reserve(-5);
            long before = set.SlotCount;
            set.Reserve(n);
            long reserved = set.SlotCount;
            Assert.True(reserved >= n * 5 / 4, $"{reserved} slots reserved for {n} IDs");
            Assert.True(reserved <= n * 2, $"{reserved} slots reserved for {n} IDs");
            Assert.True(reserved > before);

            for (int i = 0; i < 1_000; i++)
            {
                Assert.False(set.Add(Id(i)));
            }

            for (int i = 1_000; i < n; i++)
            {
                Assert.True(set.Add(Id(i)));
            }

            Assert.Equal(reserved, set.SlotCount);
            Assert.Equal(n, set.Count);

            // Reserving less than there is room for changes nothing; a guess too low only means growing later.
            set.Reserve(10);
            Assert.Equal(reserved, set.SlotCount);
            for (int i = n; i < 2 * n; i++)
            {
                Assert.True(set.Add(Id(i)));
            }

            Assert.True(set.SlotCount > reserved);
            for (int i = 0; i < 2 * n; i += 7)
            {
                Assert.False(set.Add(Id(i)));
            }

            Assert.Equal(2 * n, set.Count);
            set.Dispose();
            Assert.Throws<ObjectDisposedException>(() => set.Reserve(1));
        }

        [Fact]
        public void ReservesNoMoreThanItsCapWhateverTheGuess()
        {
            // A huge file (or a wrong length) must not make the set take gigabytes before a single ID is checked.
            var set = new UserIdFingerprintSet();
            set.Reserve(long.MaxValue);
            long slots = set.SlotCount;
            Assert.True(slots >= UserIdFingerprintSet.MaxReservedIds * 5 / 4, $"{slots} slots");
            Assert.True(slots <= UserIdFingerprintSet.MaxReservedIds * 3 / 2, $"{slots} slots");
            Assert.True(set.Add("user-1"));
            Assert.False(set.Add("user-1"));
            set.Dispose();
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
            // Enough IDs for every table to grow many times; every ID must still be found afterwards, and none may
            // be mistaken for another.
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

            Assert.True(set.SlotCount >= n, $"{set.SlotCount} slots");
            for (int i = 0; i < n; i++)
            {
                Assert.False(set.Add(Id(i)));
            }

            Assert.Equal(n, set.Count);
        }

        private static string Id(int i) => "user-" + i.ToString("D7", CultureInfo.InvariantCulture);
    }
}
