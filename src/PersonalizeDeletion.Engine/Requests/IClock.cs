using System;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Requests
{
    /// <summary>Time as a deletion request sees it, so that its waits (the PENDING quota) run in tests without waiting.</summary>
    internal interface IClock
    {
        DateTime UtcNow { get; }

        /// <summary>Completes after <paramref name="delay"/>, or is cancelled with the token.</summary>
        Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
    }
}
