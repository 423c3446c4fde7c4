using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// Writes user IDs as USER_ID CSV objects in S3 while they arrive, in bounded memory.
    /// </summary>
    /// <remarks>
    /// Rows are encoded straight into a part buffer. When a buffer is full and more bytes come, it is
    /// uploaded in the background (multipart) while the next one fills; at most two buffers are in flight,
    /// so memory is three part buffers however many IDs there are. An object that ends within its first
    /// buffer is sent with one PutObject. Before a row would take an object past MaxBytesPerObject or
    /// MaxUsersPerObject, the object is finished and the next one starts with its own header.
    /// <para>
    /// Add, CompleteAsync, AbortAsync and Dispose are called from one thread (the pipeline); Cancel may be
    /// called from any thread. A background failure cancels the rest of the work and surfaces from the
    /// next Add or CompleteAsync as <see cref="StagingUploadException"/>.
    /// </para>
    /// </remarks>
    internal sealed class S3StagingUploader : IDisposable
    {
        private const int MaxPartsInFlight = 2;
        private const int MaxPartsPerObject = 10_000;

        private readonly IS3StagingClient _client;
        private readonly StagingTarget _target;
        private readonly long _maxBytesPerObject;
        private readonly long _maxUsersPerObject;
        private readonly int _partSize;
        private readonly S3ObjectAttributes _attributes;
        private readonly CancellationTokenSource _cancellation;

        // Ends a CreateMultipartUpload only once an abort has waited AbortTimeout for it: cancelled earlier, the
        // service may have made the upload without our learning its ID, and nobody could abort it.
        private readonly CancellationTokenSource _creationDeadline = new CancellationTokenSource();
        private readonly CancellationToken _token;
        private readonly SemaphoreSlim _partSlots = new SemaphoreSlim(MaxPartsInFlight, MaxPartsInFlight);

        // Touched by background tasks; guarded by _sync.
        private readonly object _sync = new object();
        private readonly Stack<byte[]> _freeBuffers = new Stack<byte[]>();
        private readonly List<Task> _backgroundWork = new List<Task>();
        private readonly StagingLedger _ledger = new StagingLedger();

        private readonly List<Task<StagedObject>> _stagedObjects = new List<Task<StagedObject>>();

        // Opened by CompleteAsync: until then no object is completed, so input found bad later (or a Ctrl+C) leaves
        // only multipart uploads to abort, never an object in the bucket. Cancelled with the session.
        private readonly TaskCompletionSource<bool> _mayComplete = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private ExceptionDispatchInfo? _failure;
        private State _state;
        private bool _disposed;
        private ObjectInProgress? _current;
        private byte[]? _buffer;
        private int _fill;
        private byte[] _scratch = new byte[1024];
        private long _bytesUploaded;
        private IReadOnlyList<string> _leftovers = Array.Empty<string>();

        public S3StagingUploader(IS3StagingClient client, StagingTarget target, CancellationToken cancellationToken = default)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _target = target ?? throw new ArgumentNullException(nameof(target));
            Validate(target);
            _maxBytesPerObject = target.MaxBytesPerObject;
            _maxUsersPerObject = target.MaxUsersPerObject ?? long.MaxValue;
            _partSize = target.PartSize;
            _attributes = new S3ObjectAttributes(
                S3ObjectAttributes.CsvContentType,
                S3ObjectAttributes.S3ManagedEncryption,
                new Dictionary<string, string>(target.Metadata, StringComparer.OrdinalIgnoreCase));
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _token = _cancellation.Token;
        }

        private enum State
        {
            Open,
            Completing,
            Completed,
            Faulted,
            Aborted,
        }

        public long UserCount { get; private set; }

        /// <summary>CSV bytes produced so far, headers included.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>Bytes S3 has acknowledged.</summary>
        public long BytesUploaded => Interlocked.Read(ref _bytesUploaded);

        /// <summary>Objects started so far, including the one being written.</summary>
        public int ObjectCount { get; private set; }

        /// <summary>How long AbortAsync may take in total; it does not use the (maybe cancelled) caller's token.</summary>
        public TimeSpan AbortTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// After AbortAsync: what could not be cleaned up (object URIs, and multipart uploads as
        /// "s3://bucket/key (multipart upload ID)"), for the caller to warn about.
        /// </summary>
        public IReadOnlyList<string> Leftovers => _leftovers;

        /// <summary>
        /// Writes one CSV row for an ID given as UTF-8, quoted when <paramref name="quote"/> (from
        /// <see cref="UserIdCsv.NeedsQuoting"/>). The ID must already be validated and de-duplicated.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public void Add(ReadOnlySpan<byte> utf8UserId, bool quote)
        {
            if (_state != State.Open || Volatile.Read(ref _failure) is not null || _token.IsCancellationRequested)
            {
                ThrowIfNotWritable();
            }

            // The common row fits the current buffer and object, so it is written in place with no copy.
            ObjectInProgress? current = _current;
            if (current is not null && current.UserCount < _maxUsersPerObject)
            {
                int maxRowBytes = UserIdCsv.GetMaxRowByteCount(utf8UserId.Length, quote);
                byte[] buffer = _buffer!;
                if (maxRowBytes <= _partSize - _fill && maxRowBytes <= _maxBytesPerObject - current.Bytes)
                {
                    int written = UserIdCsv.WriteRow(utf8UserId, quote, buffer, _fill);
                    _fill += written;
                    current.Bytes += written;
                    current.UserCount++;
                    UserCount++;
                    BytesWritten += written;
                    return;
                }
            }

            AddAcrossBoundary(utf8UserId, quote);
        }

        /// <summary>
        /// Finishes every object and returns them in order. With no IDs nothing was written and the list
        /// is empty. Cancelling the token cancels the whole session (call AbortAsync or Dispose after).
        /// </summary>
        public async Task<IReadOnlyList<StagedObject>> CompleteAsync(CancellationToken cancellationToken)
        {
            ThrowIfNotWritable();
            _state = State.Completing;
            try
            {
                using (cancellationToken.Register(state => ((S3StagingUploader)state!).Cancel(), this))
                {
                    if (_current is not null)
                    {
                        await AcquirePartSlotAsync().ConfigureAwait(false);
                        FinishObject(last: true);
                    }

                    _mayComplete.TrySetResult(true);
                    StagedObject[] staged = await Task.WhenAll(_stagedObjects).ConfigureAwait(false);
                    _state = State.Completed;
                    return staged;
                }
            }
            catch (Exception) when (_failure is not null)
            {
                // Sibling tasks end cancelled once one fails; report the failure, not a cancellation.
                _state = State.Faulted;
                _failure.Throw();
                throw;
            }
            catch
            {
                _state = State.Faulted;
                throw;
            }
        }

        /// <summary>Cancels in-flight uploads; safe from any thread (the cmdlet's StopProcessing).</summary>
        public void Cancel()
        {
            _mayComplete.TrySetCanceled();
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposed means every background task has already ended: there is nothing to cancel.
            }
        }

        /// <summary>
        /// Removes everything this session put in S3: aborts open multipart uploads and deletes objects
        /// already written (also after a successful CompleteAsync). Never throws; what could not be
        /// removed within <see cref="AbortTimeout"/> is listed in <see cref="Leftovers"/>. Safe to call
        /// again, which retries the leftovers.
        /// </summary>
        public async Task AbortAsync()
        {
            _state = State.Aborted;
            Cancel();
            if (!_disposed)
            {
                _creationDeadline.CancelAfter(AbortTimeout);
            }

            using (var deadline = new CancellationTokenSource(AbortTimeout))
            {
                // In-flight work must settle first: a CreateMultipartUpload still running would otherwise
                // leave an upload nobody aborts.
                Task[] work;
                lock (_sync)
                {
                    work = _backgroundWork.ToArray();
                }

                await Task.WhenAny(Task.WhenAll(work), Task.Delay(Timeout.Infinite, deadline.Token)).ConfigureAwait(false);
                _leftovers = await _ledger.TakeBackAsync(_client, AddressOf, deadline.Token).ConfigureAwait(false);
            }

            _current?.Dispose();
            _current = null;
            if (_buffer is not null)
            {
                lock (_sync)
                {
                    _freeBuffers.Push(_buffer);
                }

                _buffer = null;
            }
        }

        /// <summary>Aborts unless CompleteAsync succeeded: the cmdlet relies on this for Ctrl+C and terminating errors.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_state != State.Completed && _state != State.Aborted)
            {
                AbortAsync().GetAwaiter().GetResult();
            }

            bool settled;
            lock (_sync)
            {
                settled = _backgroundWork.TrueForAll(task => task.IsCompleted);
            }

            // A task that outlived the abort deadline may still use the token or a buffer; leave them to the
            // garbage collector in that case.
            if (settled)
            {
                _cancellation.Dispose();
                _creationDeadline.Dispose();
                lock (_sync)
                {
                    while (_freeBuffers.Count > 0)
                    {
                        ArrayPool<byte>.Shared.Return(_freeBuffers.Pop());
                    }
                }
            }
        }

        private static void Validate(StagingTarget target)
        {
            if (string.IsNullOrEmpty(target.Bucket) || string.IsNullOrEmpty(target.KeyBase))
            {
                throw new ArgumentException("The staging target needs a bucket and a key base.", nameof(target));
            }

            if (target.PartSize < StagingTarget.MinPartSize)
            {
                throw new ArgumentOutOfRangeException(nameof(target), target.PartSize, "PartSize must be at least 5 MiB, the S3 minimum for multipart parts.");
            }

            if (target.MaxBytesPerObject <= UserIdCsv.HeaderLine.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(target), target.MaxBytesPerObject, "MaxBytesPerObject must leave room for the header and at least one row.");
            }

            if (target.MaxBytesPerObject > (long)target.PartSize * MaxPartsPerObject)
            {
                throw new ArgumentOutOfRangeException(nameof(target), target.MaxBytesPerObject, "MaxBytesPerObject needs more than 10,000 parts of PartSize; raise PartSize.");
            }

            if (target.MaxUsersPerObject < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(target), target.MaxUsersPerObject, "MaxUsersPerObject must be at least 1.");
            }

            string firstUri = "s3://" + target.Bucket + "/" + target.GetObjectKey(1);
            if (firstUri.Length > S3Location.MaxLength)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The staged object URIs would be {0} characters long; the service accepts at most {1}. Use a shorter prefix.", firstUri.Length, S3Location.MaxLength),
                    nameof(target));
            }
        }

        private static string ToHex(byte[] bytes)
        {
            const string Digits = "0123456789abcdef";
            var chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i * 2] = Digits[bytes[i] >> 4];
                chars[(i * 2) + 1] = Digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }

        private void AddAcrossBoundary(ReadOnlySpan<byte> utf8UserId, bool quote)
        {
            int maxRowBytes = UserIdCsv.GetMaxRowByteCount(utf8UserId.Length, quote);
            if (_scratch.Length < maxRowBytes)
            {
                _scratch = new byte[maxRowBytes];
            }

            int length = UserIdCsv.WriteRow(utf8UserId, quote, _scratch, 0);
            if (UserIdCsv.HeaderLine.Length + length > _maxBytesPerObject)
            {
                throw new ArgumentException("The row is larger than MaxBytesPerObject allows for one object.", nameof(utf8UserId));
            }

            ObjectInProgress? current = _current;
            if (current is not null && (current.UserCount >= _maxUsersPerObject || current.Bytes + length > _maxBytesPerObject))
            {
                AcquirePartSlot();
                FinishObject(last: false);
            }

            if (_current is null)
            {
                StartObject();
            }

            int copied = 0;
            while (copied < length)
            {
                if (_fill == _partSize)
                {
                    SendFullBuffer();
                }

                int count = Math.Min(length - copied, _partSize - _fill);
                Buffer.BlockCopy(_scratch, copied, _buffer, _fill, count);
                _fill += count;
                copied += count;
            }

            _current!.Bytes += length;
            _current.UserCount++;
            UserCount++;
            BytesWritten += length;
        }

        private void StartObject()
        {
            int number = ObjectCount + 1;
            _current = new ObjectInProgress(AddressOf(_target.GetObjectKey(number)));
            ObjectCount = number;
            _buffer = RentBuffer();
            ReadOnlySpan<byte> header = UserIdCsv.HeaderLine;
            header.CopyTo(_buffer);
            _fill = header.Length;
            _current.Bytes = header.Length;
            BytesWritten += header.Length;
        }

        private void SendFullBuffer()
        {
            AcquirePartSlot();
            UploadFullPart();
        }

        /// <summary>Sends the full buffer as the next part (the caller holds a part slot).</summary>
        private void UploadFullPart()
        {
            ObjectInProgress current = _current!;
            byte[] buffer = _buffer!;
            int length = _fill;
            current.Sha256.AppendData(buffer, 0, length);
            S3ObjectAddress address = current.Address;
            Task<string> uploadId = current.UploadId ??= Start(() => CreateUploadAsync(address));
            int partNumber = current.Parts.Count + 1;
            current.Parts.Add(Start(() => UploadPartAsync(address, uploadId, partNumber, buffer, length)));
            _buffer = RentBuffer();
            _fill = 0;
        }

        /// <summary>
        /// Sends what is left of the current object and completes it once CompleteAsync says so (the caller holds a
        /// part slot). Only the last object may be a
        /// single PutObject: an earlier one, however small (-MaxUsersPerJob), goes as a one-part multipart upload,
        /// which stays invisible and abortable until the whole input has been read.
        /// </summary>
        private void FinishObject(bool last)
        {
            ObjectInProgress current = _current!;
            if (!last && current.UploadId is null)
            {
                S3ObjectAddress startAt = current.Address;
                current.UploadId = Start(() => CreateUploadAsync(startAt));
            }

            byte[] buffer = _buffer!;
            int length = _fill;
            current.Sha256.AppendData(buffer, 0, length);
            string sha256 = ToHex(current.Sha256.GetHashAndReset());
            current.Dispose();
            S3ObjectAddress address = current.Address;
            long userCount = current.UserCount;
            long bytes = current.Bytes;

            Task<StagedObject> staged;
            if (current.UploadId is null)
            {
                _ledger.ObjectWritten(address.Key);
                staged = Start(() => PutObjectAsync(address, buffer, length, userCount, sha256));
            }
            else
            {
                Task<string> uploadId = current.UploadId;
                int partNumber = current.Parts.Count + 1;
                current.Parts.Add(Start(() => UploadPartAsync(address, uploadId, partNumber, buffer, length)));

                Task<S3UploadedPart>[] parts = current.Parts.ToArray();
                staged = Start(() => CompleteUploadAsync(address, uploadId, parts, userCount, bytes, sha256));
            }

            _stagedObjects.Add(staged);
            _current = null;
            _buffer = null;
            _fill = 0;
        }

        private async Task<StagedObject> PutObjectAsync(S3ObjectAddress address, byte[] buffer, int length, long userCount, string sha256)
        {
            try
            {
                string? eTag = await CallAsync("PutObject", address, () => _client.PutObjectAsync(address, _attributes, new ArraySegment<byte>(buffer, 0, length), _token)).ConfigureAwait(false);
                Interlocked.Add(ref _bytesUploaded, length);
                return new StagedObject(address.Bucket, address.Key, userCount, length, sha256, eTag);
            }
            catch (StagingUploadException refused) when (refused.StatusCode >= 400 && refused.StatusCode < 500)
            {
                // Refused, not lost: a retry after a write whose answer was lost would have succeeded.
                _ledger.ObjectNotWritten(address.Key);
                throw;
            }
            finally
            {
                ReturnBuffer(buffer);
            }
        }

        private async Task<string> CreateUploadAsync(S3ObjectAddress address)
        {
            string uploadId = await CallAsync("CreateMultipartUpload", address, () => _client.CreateMultipartUploadAsync(address, _attributes, _creationDeadline.Token)).ConfigureAwait(false);
            _ledger.UploadOpened(address.Key, uploadId);
            return uploadId;
        }

        private async Task<S3UploadedPart> UploadPartAsync(S3ObjectAddress address, Task<string> uploadIdTask, int partNumber, byte[] buffer, int length)
        {
            try
            {
                string uploadId = await uploadIdTask.ConfigureAwait(false);
                S3UploadedPart part = await SendPartAsync(address, uploadId, partNumber, buffer, length).ConfigureAwait(false);
                Interlocked.Add(ref _bytesUploaded, length);
                return part;
            }
            finally
            {
                ReturnBuffer(buffer);
            }
        }

        private Task<S3UploadedPart> SendPartAsync(S3ObjectAddress address, string uploadId, int partNumber, byte[] buffer, int length) =>
            CallAsync("UploadPart", address, () => _client.UploadPartAsync(address, uploadId, partNumber, new ArraySegment<byte>(buffer, 0, length), _token));

        private async Task<StagedObject> CompleteUploadAsync(S3ObjectAddress address, Task<string> uploadIdTask, Task<S3UploadedPart>[] partTasks, long userCount, long bytes, string sha256)
        {
            string uploadId = await uploadIdTask.ConfigureAwait(false);
            S3UploadedPart[] parts = await Task.WhenAll(partTasks).ConfigureAwait(false);
            await _mayComplete.Task.ConfigureAwait(false);

            _ledger.ObjectWritten(address.Key);
            string? eTag;
            try
            {
                eTag = await CallAsync("CompleteMultipartUpload", address, () => _client.CompleteMultipartUploadAsync(address, uploadId, parts, _token)).ConfigureAwait(false);
            }
            catch (StagingUploadException refused) when (refused.StatusCode >= 400 && refused.StatusCode < 500 && refused.ErrorCode != "NoSuchUpload")
            {
                // NoSuchUpload may answer the retry of a completion that succeeded; any other client error did not complete.
                _ledger.ObjectNotWritten(address.Key);
                throw;
            }

            _ledger.UploadClosed(address.Key);

            return new StagedObject(address.Bucket, address.Key, userCount, bytes, sha256, eTag);
        }

        /// <summary>Runs one S3 call, turning its failure into the session's StagingUploadException.</summary>
        private async Task<T> CallAsync<T>(string operation, S3ObjectAddress address, Func<Task<T>> call)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_token.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                var s3 = ex as S3RequestException;
                var failure = new StagingUploadException(operation, address.Bucket, address.Key, s3?.ErrorCode, s3?.StatusCode, ex.Message, ex);
                if (Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(failure), null) is null)
                {
                    // Nothing more can succeed; stop the other uploads instead of letting them finish.
                    Cancel();
                }

                throw failure;
            }
        }

        private Task<T> Start<T>(Func<Task<T>> work)
        {
            // Task.Run keeps the pipeline thread's context (if any) out of the SDK's continuations.
            Task<T> task = Task.Run(work);

            // Failures are reported through _failure; observing them here keeps tasks nobody awaits
            // (after an abort) from raising UnobservedTaskException.
            task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            lock (_sync)
            {
                _backgroundWork.Add(task);
            }

            return task;
        }

        private void AcquirePartSlot()
        {
            try
            {
                _partSlots.Wait(_token);
            }
            catch (OperationCanceledException)
            {
                _failure?.Throw();
                throw;
            }

            ReleaseSlotIfFailed();
        }

        private async Task AcquirePartSlotAsync()
        {
            try
            {
                await _partSlots.WaitAsync(_token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _failure?.Throw();
                throw;
            }

            ReleaseSlotIfFailed();
        }

        /// <summary>
        /// A slot freed by a part that just failed or was cancelled can be won before the wait sees the
        /// token; no new work may start then.
        /// </summary>
        private void ReleaseSlotIfFailed()
        {
            ExceptionDispatchInfo? failure = Volatile.Read(ref _failure);
            if (failure is not null || _token.IsCancellationRequested)
            {
                _partSlots.Release();
                failure?.Throw();
                _token.ThrowIfCancellationRequested();
            }
        }

        private byte[] RentBuffer()
        {
            lock (_sync)
            {
                if (_freeBuffers.Count > 0)
                {
                    return _freeBuffers.Pop();
                }
            }

            // From the shared pool (so a session that stages again reuses its memory); such an array may be
            // longer than a part, and only _partSize bytes of it are used.
            return ArrayPool<byte>.Shared.Rent(_partSize);
        }

        private void ReturnBuffer(byte[] buffer)
        {
            // The buffer goes back before the slot is released, so a new part never finds the pool empty
            // and allocates a fourth buffer.
            lock (_sync)
            {
                _freeBuffers.Push(buffer);
            }

            _partSlots.Release();
        }

        private S3ObjectAddress AddressOf(string key) => new S3ObjectAddress(_target.Bucket, key, _target.ExpectedBucketOwner);

        private void ThrowIfNotWritable()
        {
            _failure?.Throw();
            switch (_state)
            {
                case State.Completing:
                case State.Completed:
                    throw new InvalidOperationException("The staging upload has already been completed.");
                case State.Faulted:
                case State.Aborted:
                    throw new InvalidOperationException("The staging upload has been aborted.");
            }

            _token.ThrowIfCancellationRequested();
        }

        /// <summary>The object being written: its parts so far and the running hash of its bytes.</summary>
        private sealed class ObjectInProgress : IDisposable
        {
            public ObjectInProgress(S3ObjectAddress address)
            {
                Address = address;
            }

            public S3ObjectAddress Address { get; }

            public IncrementalHash Sha256 { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

            public long Bytes { get; set; }

            public long UserCount { get; set; }

            /// <summary>Started with the first full part; null while the object fits one PutObject.</summary>
            public Task<string>? UploadId { get; set; }

            public List<Task<S3UploadedPart>> Parts { get; } = new List<Task<S3UploadedPart>>();

            public void Dispose() => Sha256.Dispose();
        }
    }
}
