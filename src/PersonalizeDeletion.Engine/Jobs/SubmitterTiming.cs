using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// How patient <see cref="DataDeletionJobSubmitter"/> is. A Create without an answer is sent again after
    /// each of <see cref="ResendDelays"/> (so it goes out at most once more than there are delays); a job the
    /// service says exists but a read cannot see yet is read again after each of <see cref="ReadDelays"/>.
    /// </summary>
    internal sealed class SubmitterTiming
    {
        public SubmitterTiming(IReadOnlyList<TimeSpan> resendDelays, IReadOnlyList<TimeSpan> readDelays)
        {
            ResendDelays = resendDelays ?? throw new ArgumentNullException(nameof(resendDelays));
            ReadDelays = readDelays ?? throw new ArgumentNullException(nameof(readDelays));
        }

        /// <summary>
        /// Three sends over 3 s, each on top of the SDK's own retries; four reads over 3.5 s, longer than the
        /// second or so Personalize's reads usually lag behind a Create.
        /// </summary>
        public static SubmitterTiming Default { get; } = new SubmitterTiming(
            new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) },
            new[] { TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) });

        public IReadOnlyList<TimeSpan> ResendDelays { get; }

        public IReadOnlyList<TimeSpan> ReadDelays { get; }

        public int MaxSends => ResendDelays.Count + 1;
    }
}
