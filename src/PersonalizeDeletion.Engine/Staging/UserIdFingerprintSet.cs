using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// Remembers which user IDs were seen, in 11 bytes per slot (14 to 17 bytes per ID) instead of the ~80+ a
    /// <c>HashSet&lt;string&gt;</c> costs, so that de-duplicating millions of IDs stays cheap.
    /// </summary>
    /// <remarks>
    /// Only a 96-bit fingerprint of each ID's UTF-8 bytes is kept (the first 96 bits of XxHash128): two distinct
    /// IDs are taken as one only if their fingerprints collide, about n^2 / 2^97 for n IDs (6e-18 for a million).
    /// <para>
    /// 8 of the 96 bits choose one of 256 linear-probing tables; a slot holds the other 88. A table grows by about a
    /// quarter when 80% full, into pages carved from pooled 1 MiB arrays, and gives its old pages to the next table
    /// that grows: a large set never has half its memory waiting empty, and growing leaves no garbage behind
    /// (why fresh memory matters: bench/README.md). Not thread-safe; <see cref="Dispose"/> returns the arrays.
    /// </para>
    /// </remarks>
    internal sealed class UserIdFingerprintSet : IDisposable
    {
        /// <summary>Tables, chosen by the low 8 bits of the tag.</summary>
        internal const int TableCount = 256;

        /// <summary>Bytes per slot: the 64-bit key, then the tag's upper 24 bits, low byte first.</summary>
        internal const int SlotBytes = 11;

        /// <summary>Slots per page (a power of two); a table smaller than one page uses part of one.</summary>
        internal const int PageSlots = 512;

        private const int PageShift = 9;
        private const int PageBytes = PageSlots * SlotBytes;
        private const int ChunkBytes = 1 << 20;
        private const int PagesPerChunk = ChunkBytes / PageBytes;
        private const int FirstSlots = 16;

        /// <summary>
        /// The most <see cref="Reserve"/> makes room for at once (about 57 MB of slots): a job reads at most
        /// 50 MB, some four million IDs of about ten characters. A larger file, or one full of duplicates, is not
        /// taken at its word: the set grows as its distinct IDs arrive.
        /// </summary>
        internal const long MaxReservedIds = 4_000_000;

        // Slot numbers stay ints: 4 million pages, 2 billion slots per table, 400 billion IDs in all.
        private const int MaxPages = int.MaxValue / PageSlots;

        private readonly List<byte[]> _chunks = new List<byte[]>();
        private readonly Stack<Page> _freePages = new Stack<Page>();
        private Table[]? _tables;
        private int _chunkPagesUsed = PagesPerChunk;

        // Keeps the early reads of the batch Add from being optimised away: written, never read, on purpose.
#pragma warning disable IDE0052
        private uint _touched;
#pragma warning restore IDE0052

        public UserIdFingerprintSet()
        {
            var tables = new Table[TableCount];
            for (int i = 0; i < tables.Length; i++)
            {
                tables[i] = NewTable(FirstSlots);
            }

            _tables = tables;
        }

        public long Count { get; private set; }

        /// <summary>Slots in all tables (<see cref="SlotBytes"/> each); 0 once disposed.</summary>
        internal long SlotCount
        {
            get
            {
                long slots = 0;
                foreach (Table table in _tables ?? Array.Empty<Table>())
                {
                    slots += table.Capacity;
                }

                return slots;
            }
        }

        /// <summary>Pages taken from the pool's arrays, in tables or waiting for the next table to grow.</summary>
        internal long PagesInUse => ((_chunks.Count - 1L) * PagesPerChunk) + _chunkPagesUsed;

        /// <summary>Pages given back by tables that grew, not yet taken again.</summary>
        internal int FreePages => _freePages.Count;

        /// <summary>Returns the memory to the shared pool; the set cannot be used after. Safe to call more than once.</summary>
        public void Dispose()
        {
            _tables = null;
            _freePages.Clear();
            foreach (byte[] chunk in _chunks)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            _chunks.Clear();
            _chunkPagesUsed = PagesPerChunk;
        }

        /// <summary>
        /// Makes room for about <paramref name="ids"/> more distinct IDs at once (at most
        /// <see cref="MaxReservedIds"/>), so that a file of known size fills the set without growing it table by
        /// table. A low guess only means growing later; a high one costs memory (14 bytes per ID not seen).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public void Reserve(long ids)
        {
            Table[] tables = _tables ?? throw Disposed();
            if (ids <= 0)
            {
                return;
            }

            ids = Math.Min(ids, MaxReservedIds);

            // Each table gets its share of the IDs plus four standard deviations, so that nearly all fit below the limit.
            double share = (double)ids / TableCount;
            long perTable = (long)Math.Ceiling(share + (4 * Math.Sqrt(share)));
            for (int i = 0; i < tables.Length; i++)
            {
                long slots = (tables[i].Count + perTable) * 5 / 4;
                if (slots > tables[i].Capacity)
                {
                    Grow(ref tables[i], slots);
                }
            }
        }

        /// <summary>Adds the ID given as its UTF-8 bytes; true when it was not seen before.</summary>
        [MethodImpl(HotPath.Optimize)]
        public bool Add(ReadOnlySpan<byte> utf8UserId)
        {
            Fingerprint(utf8UserId, out ulong key, out uint tag);
            return Add(key, tag);
        }

        /// <summary>The 96-bit fingerprint of an ID's UTF-8 bytes, as <see cref="Add(ulong, uint)"/> takes it.</summary>
        [MethodImpl(HotPath.Optimize)]
        public static void Fingerprint(ReadOnlySpan<byte> utf8UserId, out ulong key, out uint tag)
        {
            // The first 12 bytes XxHash128.Hash would write (high half big-endian, then the low half), from our own
            // XXH3 because the library's helpers stay unoptimised inside a command (Xxh3, bench/README.md).
            Xxh3.Hash128(utf8UserId, out ulong high, out ulong low);
            key = high;
            tag = (uint)(low >> 32);

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
        /// Each ID of a large set costs a memory access that misses the CPU caches: reading the batch's home slots in
        /// one loop before inserting lets the processor overlap those misses (bench/README.md).
        /// </remarks>
        [MethodImpl(HotPath.Optimize)]
        public void Add(ReadOnlySpan<ulong> keys, ReadOnlySpan<uint> tags, Span<bool> added)
        {
            Table[] tables = _tables ?? throw Disposed();
            uint touched = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                touched += tables[(byte)tags[i]].Peek(keys[i]);
            }

            _touched = touched;
            for (int i = 0; i < keys.Length; i++)
            {
                added[i] = Add(tables, keys[i], tags[i]);
            }
        }

        /// <summary>Adds a fingerprint from <see cref="Fingerprint"/>; true when it was not seen before.</summary>
        [MethodImpl(HotPath.Optimize)]
        public bool Add(ulong key, uint tag) => Add(_tables ?? throw Disposed(), key, tag);

        [MethodImpl(HotPath.Optimize)]
        private bool Add(Table[] tables, ulong key, uint tag)
        {
            ref Table table = ref tables[(byte)tag];
            if (!table.Add(key, tag >> 8))
            {
                return false;
            }

            Count++;
            if (table.Count > table.Limit)
            {
                Grow(ref table);
            }

            return true;
        }

        /// <summary>Moves a table's fingerprints into one about a quarter larger and keeps its old pages for reuse.</summary>
        [MethodImpl(HotPath.Optimize)]
        private void Grow(ref Table table)
        {
            int capacity = table.Capacity;
            long pages = capacity / PageSlots;
            Grow(ref table, capacity < PageSlots ? Math.Min(PageSlots, capacity + (capacity / 4)) : (pages + Math.Max(1, pages / 4)) * PageSlots);
        }

        /// <summary>Moves a table's fingerprints into one of at least <paramref name="slots"/> slots (whole pages beyond one page).</summary>
        [MethodImpl(HotPath.Optimize)]
        private void Grow(ref Table table, long slots)
        {
            if (slots > PageSlots)
            {
                long pages = (slots + PageSlots - 1) / PageSlots;
                if (table.Capacity == MaxPages * PageSlots)
                {
                    throw new InvalidOperationException("Too many distinct user IDs to de-duplicate in memory.");
                }

                slots = Math.Min(MaxPages, pages) * PageSlots;
            }

            Table old = table;
            table = NewTable((int)slots);
            old.MoveTo(ref table);
            foreach (Page page in old.Pages)
            {
                _freePages.Push(page);
            }
        }

        /// <summary>A table of empty slots.</summary>
        [MethodImpl(HotPath.Optimize)]
        private Table NewTable(int capacity)
        {
            var pages = new Page[(capacity + PageSlots - 1) / PageSlots];
            for (int i = 0; i < pages.Length; i++)
            {
                Page page = _freePages.Count > 0 ? _freePages.Pop() : NewPage();
                Array.Clear(page.Chunk, page.Offset, Math.Min(capacity, PageSlots) * SlotBytes);
                pages[i] = page;
            }

            return new Table(pages, capacity);
        }

        private Page NewPage()
        {
            if (_chunkPagesUsed == PagesPerChunk)
            {
                // A pooled array comes back with old contents and may be longer; pages are cleared when taken.
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkBytes));
                _chunkPagesUsed = 0;
            }

            return new Page(_chunks[_chunks.Count - 1], _chunkPagesUsed++ * PageBytes);
        }

        private ObjectDisposedException Disposed() => new ObjectDisposedException(nameof(UserIdFingerprintSet));

        /// <summary>Where a page's slots are: <see cref="PageBytes"/> bytes of a pooled array.</summary>
        private readonly struct Page
        {
            public Page(byte[] chunk, int offset)
            {
                Chunk = chunk;
                Offset = offset;
            }

            public byte[] Chunk { get; }

            public int Offset { get; }
        }

        /// <summary>One linear-probing table of <see cref="SlotBytes"/>-byte slots, in pages.</summary>
        private struct Table
        {
            public Table(Page[] pages, int capacity)
            {
                Pages = pages;
                Capacity = capacity;
                Count = 0;
                Limit = (int)((long)capacity * 4 / 5);
            }

            public Page[] Pages { get; }

            public int Capacity { get; }

            public int Count { get; private set; }

            /// <summary>The count above which the table grows: 80% of its slots.</summary>
            public int Limit { get; }

            /// <summary>Reads the key's home slot (to bring it into the cache before it is needed).</summary>
            [MethodImpl(HotPath.Optimize)]
            public uint Peek(ulong key)
            {
                int at = Home(key);
                Page page = Pages[at >> PageShift];
                return page.Chunk[page.Offset + ((at & (PageSlots - 1)) * SlotBytes)];
            }

            /// <summary>True when added, false when present. The caller grows the table when it passes its limit.</summary>
            [MethodImpl(HotPath.Optimize)]
            public bool Add(ulong key, uint tag24)
            {
                int at = Home(key);
                while (true)
                {
                    Page page = Pages[at >> PageShift];
                    byte[] chunk = page.Chunk;
                    int offset = page.Offset + ((at & (PageSlots - 1)) * SlotBytes);
                    ulong found = Unsafe.ReadUnaligned<ulong>(ref chunk[offset]);
                    if (found == 0)
                    {
                        Unsafe.WriteUnaligned(ref chunk[offset], key);
                        chunk[offset + 8] = (byte)tag24;
                        chunk[offset + 9] = (byte)(tag24 >> 8);
                        chunk[offset + 10] = (byte)(tag24 >> 16);
                        Count++;
                        return true;
                    }

                    if (found == key && (chunk[offset + 8] | (chunk[offset + 9] << 8) | (chunk[offset + 10] << 16)) == tag24)
                    {
                        return false;
                    }

                    if (++at == Capacity)
                    {
                        at = 0;
                    }
                }
            }

            /// <summary>Adds every fingerprint of this table to <paramref name="target"/>, which has none of them.</summary>
            [MethodImpl(HotPath.Optimize)]
            public void MoveTo(ref Table target)
            {
                int left = Capacity;
                foreach (Page page in Pages)
                {
                    byte[] chunk = page.Chunk;
                    int end = page.Offset + (Math.Min(left, PageSlots) * SlotBytes);
                    for (int offset = page.Offset; offset < end; offset += SlotBytes)
                    {
                        ulong key = Unsafe.ReadUnaligned<ulong>(ref chunk[offset]);
                        if (key != 0)
                        {
                            target.Insert(key, ref chunk[offset]);
                        }
                    }

                    left -= PageSlots;
                }
            }

            /// <summary>Adds a key known to be absent, with the tag bytes of the slot at <paramref name="from"/>.</summary>
            [MethodImpl(HotPath.Optimize)]
            private void Insert(ulong key, ref byte from)
            {
                int at = Home(key);
                while (true)
                {
                    Page page = Pages[at >> PageShift];
                    ref byte slot = ref page.Chunk[page.Offset + ((at & (PageSlots - 1)) * SlotBytes)];
                    if (Unsafe.ReadUnaligned<ulong>(ref slot) == 0)
                    {
                        Unsafe.WriteUnaligned(ref slot, key);
                        Unsafe.Add(ref slot, 8) = Unsafe.Add(ref from, 8);
                        Unsafe.Add(ref slot, 9) = Unsafe.Add(ref from, 9);
                        Unsafe.Add(ref slot, 10) = Unsafe.Add(ref from, 10);
                        Count++;
                        return;
                    }

                    if (++at == Capacity)
                    {
                        at = 0;
                    }
                }
            }

            /// <summary>The key's first slot to probe: its low 32 bits scaled to the capacity (any capacity works).</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            private int Home(ulong key) => (int)(((ulong)(uint)key * (uint)Capacity) >> 32);
        }
    }
}
