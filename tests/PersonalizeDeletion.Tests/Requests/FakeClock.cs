using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Requests;

namespace PersonalizeDeletion.Tests.Requests
{
    /// <summary>A clock whose waits end at once (time moves on by the wait) and are recorded.</summary>
    internal sealed class FakeClock : IClock
    {
        public DateTime UtcNow { get; private set; } = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

        public List<TimeSpan> Delays { get; } = new List<TimeSpan>();

        /// <summary>Runs at each wait, before it ends (for example to free the quota, or to press Ctrl+C).</summary>
        public Action? OnDelay { get; set; }

        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Delays.Add(delay);
            UtcNow += delay;
            OnDelay?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
    }
}
