using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// A run of user IDs read from a file, kept as UTF-8 bytes with their line numbers, so that
    /// <see cref="UserIdIntake.Offer(UserIdBatch)"/> can take them together (see
    /// <see cref="UserIdFingerprintSet.Add(ReadOnlySpan{ulong}, ReadOnlySpan{uint}, Span{bool})"/> for why).
    /// After the offer, <see cref="Result"/> and <see cref="Problem"/> tell what happened to each.
    /// </summary>
    internal sealed class UserIdBatch
    {
        public const int Capacity = 512;

        // Room for any field the file reader returns (its records are capped at 64 KiB) plus typical IDs.
        private const int ArenaSize = 128 * 1024;

        private readonly byte[] _arena = new byte[ArenaSize];
        private readonly int[] _start = new int[Capacity];
        private readonly int[] _length = new int[Capacity];
        private readonly long[] _line = new long[Capacity];
        private int _used;

        public int Count { get; private set; }

        /// <summary>The IDs' bytes together.</summary>
        public int ByteCount => _used;

        internal IntakeResult[] Results { get; } = new IntakeResult[Capacity];

        internal UserIdProblem[] Problems { get; } = new UserIdProblem[Capacity];

        /// <summary>Copies the ID in; false when the batch is full (offer it, clear it, then add again).</summary>
        [MethodImpl(HotPath.Optimize)]
        public bool TryAdd(ReadOnlySpan<byte> utf8UserId, long line)
        {
            if (Count == Capacity || utf8UserId.Length > _arena.Length - _used)
            {
                if (Count == 0)
                {
                    throw new ArgumentException("The user ID is larger than a batch holds.", nameof(utf8UserId));
                }

                return false;
            }

            utf8UserId.CopyTo(new Span<byte>(_arena, _used, utf8UserId.Length));
            _start[Count] = _used;
            _length[Count] = utf8UserId.Length;
            _line[Count] = line;
            _used += utf8UserId.Length;
            Count++;
            return true;
        }

        public ReadOnlySpan<byte> this[int index] => new ReadOnlySpan<byte>(_arena, _start[index], _length[index]);

        public long Line(int index) => _line[index];

        public IntakeResult Result(int index) => Results[index];

        public UserIdProblem Problem(int index) => Problems[index];

        /// <summary>The ID as text, for messages; the file reader has already checked that it is valid UTF-8.</summary>
        public string Text(int index) => Encoding.UTF8.GetString(_arena, _start[index], _length[index]);

        public void Clear()
        {
            Count = 0;
            _used = 0;
        }
    }
}
