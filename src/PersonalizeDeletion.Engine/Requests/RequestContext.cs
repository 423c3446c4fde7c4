using System;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Requests
{
    /// <summary>What every step of one request shares: its options, its reporter, its clock, its cancellation and its path probe.</summary>
    internal sealed class RequestContext
    {
        public RequestContext(DeletionRequestOptions options, IDeletionReporter reporter, IClock clock, ILocalPathProbe? paths, CancellationToken cancellation)
        {
            Options = options;
            Reporter = reporter;
            Clock = clock;
            Cancellation = cancellation;
            Paths = paths;
        }

        public DeletionRequestOptions Options { get; }

        public IDeletionReporter Reporter { get; }

        public IClock Clock { get; }

        /// <summary>Asks whether a piped string names a file; null asks nobody (then piped paths are not recognised).</summary>
        public ILocalPathProbe? Paths { get; }

        /// <summary>Cancelled when the caller stops (Ctrl+C): every call and wait ends with OperationCanceledException.</summary>
        public CancellationToken Cancellation { get; }

        /// <summary>Runs an asynchronous call on the caller's thread.</summary>
        public T Run<T>(Func<CancellationToken, Task<T>> call) => call(Cancellation).GetAwaiter().GetResult();

        public void Run(Func<CancellationToken, Task> call) => call(Cancellation).GetAwaiter().GetResult();
    }
}
