using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// A multipart part read while it is still being written: <see cref="Length"/> is the part's final size, reads
    /// return the bytes published so far and wait for the rest. Lets an UploadPart start as soon as its buffer
    /// starts filling instead of when it is full.
    /// </summary>
    /// <remarks>
    /// One writer publishes (<see cref="Publish"/>) and the HTTP client reads. Published bytes never change, so a
    /// retry may seek back and send them again. Setting the position starts a new attempt: a read of an earlier
    /// attempt still waiting (the server answered before the body was complete, and the SDK retried) then throws
    /// instead of taking bytes that belong to the new one. <see cref="Abandon"/> makes reads that would have to
    /// wait throw <see cref="OperationCanceledException"/>, so a request whose body can no longer be completed
    /// ends, never with fewer bytes than it declared. A read that waits longer than <see cref="StallTimeout"/>, or
    /// that takes the reads' waits together past <see cref="WaitBudget"/>, calls <see cref="Stalled"/>: S3 drops a
    /// request whose body pauses for about 20 seconds, and the HTTP client gives up on a request after 100.
    /// </remarks>
    internal sealed class GrowingPartStream : Stream
    {
        private readonly byte[] _buffer;
        private readonly int _length;
        private readonly object _sync = new object();
        private int _published;
        private long _position;
        private int _attempt;
        private TimeSpan _waited;
        private bool _budgetSpent;
        private bool _abandoned;
        private TaskCompletionSource<bool>? _waiter;

        /// <param name="buffer">Where the part is written; only its first <paramref name="length"/> bytes are read.</param>
        /// <param name="length">The part's final size, announced to S3 before its bytes exist.</param>
        public GrowingPartStream(byte[] buffer, int length)
        {
            _buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
            if (length < 0 || length > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(length), length, "The part must fit in its buffer.");
            }

            _length = length;
        }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _length;

        /// <summary>How long a read waits for more bytes before it calls <see cref="Stalled"/>; infinite by default.</summary>
        public TimeSpan StallTimeout { get; set; } = Timeout.InfiniteTimeSpan;

        /// <summary>How long all reads may wait for bytes together (rows that trickle in); infinite by default.</summary>
        public TimeSpan WaitBudget { get; set; } = Timeout.InfiniteTimeSpan;

        /// <summary>
        /// Called on the reading thread when a read has waited <see cref="StallTimeout"/>, or (once) when the waits
        /// have used up <see cref="WaitBudget"/>; it may Abandon the part.
        /// </summary>
        public Action? Stalled { get; set; }

        /// <summary>Bytes written so far and readable.</summary>
        public int Published => Volatile.Read(ref _published);

        public override long Position
        {
            get
            {
                lock (_sync)
                {
                    return _position;
                }
            }

            set
            {
                if (value < 0 || value > _length)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "The position must be within the part.");
                }

                TaskCompletionSource<bool>? waiter;
                lock (_sync)
                {
                    _position = value;
                    _attempt++;
                    waiter = _waiter;
                    _waiter = null;
                }

                // Wakes a read of the earlier attempt, which then finds it is over.
                waiter?.TrySetResult(true);
            }
        }

        /// <summary>
        /// The writer: the first <paramref name="count"/> bytes of the buffer are final and may be read. Ignored once
        /// the stream is abandoned, so a stopped request can never reach the length it announced (the writer may
        /// publish once more between a withdrawal on the reading thread and its own next look at the part).
        /// </summary>
        public void Publish(int count)
        {
            if (count < 0 || count > _length)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "Cannot publish beyond the part's length.");
            }

            TaskCompletionSource<bool>? waiter;
            lock (_sync)
            {
                if (count <= _published || _abandoned)
                {
                    return;
                }

                Volatile.Write(ref _published, count);
                waiter = _waiter;
                _waiter = null;
            }

            waiter?.TrySetResult(true);
        }

        /// <summary>No more bytes will come (later publishing is ignored): a read that finds nothing published ahead of it now throws.</summary>
        public void Abandon()
        {
            TaskCompletionSource<bool>? waiter;
            lock (_sync)
            {
                _abandoned = true;
                waiter = _waiter;
                _waiter = null;
            }

            waiter?.TrySetResult(true);
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (buffer is null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || count > buffer.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            int attempt = Volatile.Read(ref _attempt);
            while (true)
            {
                Task morePublished;
                lock (_sync)
                {
                    if (attempt != _attempt)
                    {
                        throw new OperationCanceledException("The part is being sent again; this read belongs to an earlier attempt.");
                    }

                    if (count == 0 || _position >= _length)
                    {
                        return 0;
                    }

                    if (_position < _published)
                    {
                        // At most one read's worth (the SDK reads 80 KB): short enough to copy under the lock.
                        int n = (int)Math.Min(count, _published - _position);
                        Buffer.BlockCopy(_buffer, (int)_position, buffer, offset, n);
                        _position += n;
                        return n;
                    }

                    if (_abandoned)
                    {
                        throw new OperationCanceledException("The part was abandoned before it was complete.");
                    }

                    _waiter ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    morePublished = _waiter.Task;
                }

                await WaitAsync(morePublished, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task WaitAsync(Task morePublished, CancellationToken cancellationToken)
        {
            TimeSpan limit = StallTimeout;
            bool byBudget = false;
            if (WaitBudget != Timeout.InfiniteTimeSpan && !_budgetSpent)
            {
                TimeSpan left = WaitBudget - _waited < TimeSpan.Zero ? TimeSpan.Zero : WaitBudget - _waited;
                if (limit == Timeout.InfiniteTimeSpan || left < limit)
                {
                    limit = left;
                    byBudget = true;
                }
            }

            if (!cancellationToken.CanBeCanceled && limit == Timeout.InfiniteTimeSpan)
            {
                await morePublished.ConfigureAwait(false);
                return;
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (var timer = new CancellationTokenSource())
            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                Task stalled = Task.Delay(limit, timer.Token);
                Task woke = await Task.WhenAny(morePublished, cancelled.Task, stalled).ConfigureAwait(false);
                timer.Cancel();
                _waited += clock.Elapsed;
                cancellationToken.ThrowIfCancellationRequested();
                if (woke == stalled && !morePublished.IsCompleted)
                {
                    // A spent budget is reported once (later waits fall back on StallTimeout alone, never spin).
                    // Outside the lock: the handler may abandon the part, which wakes this read to throw.
                    _budgetSpent |= byBudget;
                    Stalled?.Invoke();
                }
            }
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override long Seek(long offset, SeekOrigin origin)
        {
            long target = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => Position + offset,
                SeekOrigin.End => _length + offset,
                _ => throw new ArgumentOutOfRangeException(nameof(origin)),
            };
            Position = target;
            return target;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
