using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO.Hashing;
using System.Runtime.CompilerServices;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// Remembers which user IDs were seen, in 12 bytes per slot (15 to 30 bytes per ID) instead of the ~80+ a
    /// <c>HashSet&lt;string&gt;</c> costs, so that de-duplicating millions of IDs stays cheap.
    /// </summary>
    /// <remarks>
    /// Only a 96-bit fingerprint of each ID's UTF-8 bytes is stored (the first 96 bits of XxHash128), not
    /// the ID. Valid IDs and their UTF-8 encodings correspond one to one, so IDs from strings and from
    /// files are compared alike. Two different IDs are taken as duplicates only if their fingerprints
    /// collide; for n distinct IDs the probability of any collision is about n^2 / 2^97 (around 6e-18 for
    /// a million IDs, 6e-14 for a hundred million), far below the chance of a hardware fault.
    /// <para>
    /// The fingerprints live in open-addressing segments (linear probing) found through a directory
    /// indexed by the fingerprint's top bits (extendible hashing). The first segment doubles until it has
    /// 2^18 slots; from then on a segment that reaches 80% load splits in two by the next bit, so the set
    /// never copies itself whole. Segment storage is rented from the shared array pool and returned by
    /// <see cref="Dispose"/>: on virtual machines the first touch of fresh memory is the dominant cost of
    /// a large set, and a session that stages IDs again reuses memory it already has.
    /// </para>
    /// </remarks>
    internal sealed class UserIdFingerprintSet : IDisposable
    {
        /// <summary>Slots of a segment that splits instead of growing.</summary>
        internal const int MaxSegmentSlots = 1 << 18;

        private const int FirstSegmentSlots = 1 << 12;
        private const int MaxDirectoryBits = 32;

        private readonly List<Segment> _segments = new List<Segment>();
        private Segment[] _directory;
        private int _directoryBits;

        // Keeps the early reads of the batch Add from being optimised away.
        private uint _touched;

        public UserIdFingerprintSet()
        {
            var first = new Segment(0, 0, FirstSegmentSlots);
            _segments.Add(first);
            _directory = new[] { first };
        }

        public long Count { get; private set; }

        /// <summary>Segments in use.</summary>
        internal int SegmentCount => _segments.Count;

        /// <summary>Slots in all segments (12 bytes each).</summary>
        internal long SlotCount
        {
            get
            {
                long slots = 0;
                foreach (Segment segment in _segments)
                {
                    slots += segment.Slots;
                }

                return slots;
            }
        }

        /// <summary>Returns the storage to the shared pool; the set cannot be used after.</summary>
        public void Dispose()
        {
            foreach (Segment segment in _segments)
            {
                segment.Release();
            }

            _segments.Clear();
            _directory = Array.Empty<Segment>();
        }

        /// <summary>Adds the ID given as its UTF-8 bytes; true when it was not seen before.</summary>
        public bool Add(ReadOnlySpan<byte> utf8UserId)
        {
            Fingerprint(utf8UserId, out ulong key, out uint tag);
            return Add(key, tag);
        }

        /// <summary>The 96-bit fingerprint of an ID's UTF-8 bytes, as <see cref="Add(ulong, uint)"/> takes it.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static void Fingerprint(ReadOnlySpan<byte> utf8UserId, out ulong key, out uint tag)
        {
            Span<byte> hash = stackalloc byte[16];
            XxHash128.Hash(utf8UserId, hash);
            key = BinaryPrimitives.ReadUInt64BigEndian(hash);
            tag = BinaryPrimitives.ReadUInt32BigEndian(hash.Slice(8));

            // Zero marks an empty slot; folding the fingerprints whose first 64 bits are zero into those
            // that start with 1 costs 2^-64 in distinctness.
            if (key == 0)
            {
                key = 1;
            }
        }

        /// <summary>
        /// Adds a batch of fingerprints in order (a repeat within the batch is a duplicate of its first
        /// occurrence); <paramref name="added"/>[i] tells whether the i-th was new.
        /// </summary>
        /// <remarks>
        /// A large set is far bigger than the CPU caches, so each ID costs one memory access that misses them
        /// (about 100 ns on a virtual machine). Hashing a batch first and probing in a tight loop lets the
        /// processor overlap those misses; the slot of an ID a few places ahead is read early for the same reason.
        /// </remarks>
        [MethodImpl(HotPath.Optimize)]
        public void Add(ReadOnlySpan<ulong> keys, ReadOnlySpan<uint> tags, Span<bool> added)
        {
            const int Ahead = 16;
            uint touched = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                if (i + Ahead < keys.Length)
                {
                    touched += SegmentOf(keys[i + Ahead]).Peek(keys[i + Ahead]);
                }

                added[i] = Add(keys[i], tags[i]);
            }

            _touched = touched;
        }

        /// <summary>Adds a fingerprint from <see cref="Fingerprint"/>; true when it was not seen before.</summary>
        [MethodImpl(HotPath.Optimize)]
        public bool Add(ulong key, uint tag)
        {
            Segment segment = SegmentOf(key);
            if (!segment.Add(key, tag))
            {
                return false;
            }

            Count++;
            if (segment.Count >= segment.Slots / 5 * 4)
            {
                if (segment.Slots < MaxSegmentSlots)
                {
                    segment.Grow();
                }
                else
                {
                    Split(segment);
                }
            }

            return true;
        }

        private Segment SegmentOf(ulong key) => _directory[_directoryBits == 0 ? 0 : (int)(key >> (64 - _directoryBits))];

        private void Split(Segment full)
        {
            if (full.Depth == MaxDirectoryBits)
            {
                // 2^32 segments of 200,000 IDs each is beyond any input; the segment fills further and gets slower.
                return;
            }

            if (full.Depth == _directoryBits)
            {
                var doubled = new Segment[_directory.Length * 2];
                for (int i = 0; i < _directory.Length; i++)
                {
                    doubled[i * 2] = _directory[i];
                    doubled[(i * 2) + 1] = _directory[i];
                }

                _directory = doubled;
                _directoryBits++;
            }

            // The full segment takes new storage and keeps the keys whose next bit is 0; a new segment takes
            // those whose bit is 1. The old storage goes back to the pool, where the next split finds it.
            int depth = full.Depth + 1;
            var sibling = new Segment(depth, (full.Prefix << 1) | 1, MaxSegmentSlots);
            full.SplitOff(sibling, 1UL << (64 - depth));
            _segments.Add(sibling);

            // Of the directory entries that pointed at the full segment, the upper half now points at the sibling.
            int shift = _directoryBits - depth;
            int first = (int)(sibling.Prefix << shift);
            for (int i = first; i < first + (1 << shift); i++)
            {
                _directory[i] = sibling;
            }
        }

        /// <summary>
        /// A linear-probing table of 96-bit fingerprints: per slot three 32-bit words, the 64-bit key (high word
        /// first) and the tag, side by side so that a probe reads one cache line, not two.
        /// </summary>
        private sealed class Segment
        {
            private uint[] _words;
            private int _mask;

            public Segment(int depth, ulong prefix, int slots)
            {
                Depth = depth;
                Prefix = prefix;
                _words = Rent(slots);
                _mask = slots - 1;
            }

            /// <summary>How many top bits of the key all keys in this segment share.</summary>
            public int Depth { get; private set; }

            /// <summary>The <see cref="Depth"/> top bits every key here starts with, as a number.</summary>
            public ulong Prefix { get; private set; }

            public int Count { get; private set; }

            public int Slots => _mask + 1;

            /// <summary>Reads the key's home slot (to bring it into the cache before it is needed).</summary>
            public uint Peek(ulong key) => _words[((int)key & _mask) * 3];

            /// <summary>True when added, false when present.</summary>
            [MethodImpl(HotPath.Optimize)]
            public bool Add(ulong key, uint tag)
            {
                uint[] words = _words;
                uint high = (uint)(key >> 32);
                uint low = (uint)key;
                int end = Slots * 3;
                int at = ((int)key & _mask) * 3;
                while (true)
                {
                    uint foundHigh = words[at];
                    uint foundLow = words[at + 1];
                    if ((foundHigh | foundLow) == 0)
                    {
                        words[at] = high;
                        words[at + 1] = low;
                        words[at + 2] = tag;
                        Count++;
                        return true;
                    }

                    if (foundHigh == high && foundLow == low && words[at + 2] == tag)
                    {
                        return false;
                    }

                    at += 3;
                    if (at == end)
                    {
                        at = 0;
                    }
                }
            }

            /// <summary>Doubles the slots, re-inserting every key.</summary>
            public void Grow()
            {
                uint[] old = _words;
                int oldEnd = Slots * 3;
                int slots = Slots * 2;
                _words = Rent(slots);
                _mask = slots - 1;
                Count = 0;
                for (int at = 0; at < oldEnd; at += 3)
                {
                    if ((old[at] | old[at + 1]) != 0)
                    {
                        Insert(old[at], old[at + 1], old[at + 2]);
                    }
                }

                ArrayPool<uint>.Shared.Return(old);
            }

            /// <summary>Moves the keys with <paramref name="bit"/> set to <paramref name="sibling"/>; this segment goes one bit deeper.</summary>
            public void SplitOff(Segment sibling, ulong bit)
            {
                uint[] old = _words;
                int end = Slots * 3;
                _words = Rent(Slots);
                Count = 0;
                Depth++;
                Prefix <<= 1;
                for (int at = 0; at < end; at += 3)
                {
                    uint high = old[at];
                    uint low = old[at + 1];
                    if ((high | low) != 0)
                    {
                        ulong key = ((ulong)high << 32) | low;
                        ((key & bit) == 0 ? this : sibling).Insert(high, low, old[at + 2]);
                    }
                }

                ArrayPool<uint>.Shared.Return(old);
            }

            public void Release()
            {
                ArrayPool<uint>.Shared.Return(_words);
                _words = Array.Empty<uint>();
            }

            /// <summary>Storage for the slots, cleared: pooled arrays come back with old contents (and may be longer).</summary>
            private static uint[] Rent(int slots)
            {
                uint[] words = ArrayPool<uint>.Shared.Rent(slots * 3);
                Array.Clear(words, 0, slots * 3);
                return words;
            }

            /// <summary>Adds a key known to be absent.</summary>
            private void Insert(uint high, uint low, uint tag)
            {
                uint[] words = _words;
                int end = Slots * 3;
                int at = ((int)low & _mask) * 3;
                while ((words[at] | words[at + 1]) != 0)
                {
                    at += 3;
                    if (at == end)
                    {
                        at = 0;
                    }
                }

                words[at] = high;
                words[at + 1] = low;
                words[at + 2] = tag;
                Count++;
            }
        }
    }
}
