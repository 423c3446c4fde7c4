using System;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// Remembers which user IDs were seen, in about 20 bytes per ID instead of the ~80+ a
    /// <c>HashSet&lt;string&gt;</c> costs, so that de-duplicating millions of piped IDs stays cheap.
    /// </summary>
    /// <remarks>
    /// Only a 128-bit XxHash128 fingerprint of each ID's UTF-16 code units is stored, not the ID. Two
    /// different IDs are taken as duplicates only if their fingerprints collide; for n distinct IDs the
    /// probability of any collision is about n^2 / 2^129 (around 1.5e-27 for a million IDs, 1.5e-19 for
    /// a billion), far below the chance of a hardware fault.
    /// <para>
    /// Fingerprints live in 256 open-addressing tables (linear probing) picked by 8 bits of the
    /// fingerprint. Each table grows on its own by half, so growth never copies the whole set and never
    /// briefly doubles its memory; the load stays between 0.5 and 0.75, which keeps linear-probe chains
    /// short (a fuller table made de-duplication the slowest step of reading a file).
    /// </para>
    /// </remarks>
    internal sealed class UserIdFingerprintSet
    {
        private const int SegmentCount = 256;
        private const int InitialCapacity = 64;

        private readonly Segment[] _segments = new Segment[SegmentCount];

        public UserIdFingerprintSet()
        {
            for (int i = 0; i < _segments.Length; i++)
            {
                _segments[i] = new Segment(InitialCapacity);
            }
        }

        public long Count { get; private set; }

        /// <summary>Adds the ID; true when it was not seen before.</summary>
        public bool Add(string userId)
        {
            if (userId is null)
            {
                throw new ArgumentNullException(nameof(userId));
            }

            Span<byte> hash = stackalloc byte[16];
            XxHash128.Hash(MemoryMarshal.AsBytes(userId.AsSpan()), hash);
            ulong high = BinaryPrimitives.ReadUInt64BigEndian(hash);
            ulong low = BinaryPrimitives.ReadUInt64BigEndian(hash.Slice(8));

            // All-zero marks an empty slot; folding the one fingerprint that equals it costs 2^-128 in
            // distinctness.
            if ((high | low) == 0)
            {
                low = 1;
            }

            if (!_segments[(int)(low & (SegmentCount - 1))].Add(high, low))
            {
                return false;
            }

            Count++;
            return true;
        }

        private sealed class Segment
        {
            // Slots are (high, low) pairs in one array: a probe reads both words from the same cache line.
            private ulong[] _slots;
            private int _capacity;
            private int _count;
            private int _growAt;

            public Segment(int capacity)
            {
                _capacity = capacity;
                _slots = new ulong[capacity * 2];
                _growAt = GrowThreshold(capacity);
            }

            public bool Add(ulong high, ulong low)
            {
                int slot = IndexOf(high, low, _slots, _capacity);
                if (_slots[slot * 2] == high && _slots[(slot * 2) + 1] == low)
                {
                    return false;
                }

                _slots[slot * 2] = high;
                _slots[(slot * 2) + 1] = low;
                if (++_count >= _growAt)
                {
                    Grow();
                }

                return true;
            }

            private static int GrowThreshold(int capacity) => capacity - (capacity / 4);

            /// <summary>The slot holding the fingerprint, or the empty slot where it belongs.</summary>
            private static int IndexOf(ulong high, ulong low, ulong[] slots, int capacity)
            {
                // The upper 32 bits scaled to the capacity: no power-of-two sizes needed, so the table can
                // grow in small steps. The segment was picked from other bits of the fingerprint.
                int slot = (int)(((high >> 32) * (ulong)capacity) >> 32);
                while (true)
                {
                    ulong h = slots[slot * 2];
                    ulong l = slots[(slot * 2) + 1];
                    if ((h | l) == 0 || (h == high && l == low))
                    {
                        return slot;
                    }

                    if (++slot == capacity)
                    {
                        slot = 0;
                    }
                }
            }

            private void Grow()
            {
                int capacity = checked(_capacity + (_capacity / 2));
                var slots = new ulong[checked(capacity * 2)];
                for (int i = 0; i < _capacity; i++)
                {
                    ulong h = _slots[i * 2];
                    ulong l = _slots[(i * 2) + 1];
                    if ((h | l) != 0)
                    {
                        int slot = IndexOf(h, l, slots, capacity);
                        slots[slot * 2] = h;
                        slots[(slot * 2) + 1] = l;
                    }
                }

                _slots = slots;
                _capacity = capacity;
                _growAt = GrowThreshold(capacity);
            }
        }
    }
}
