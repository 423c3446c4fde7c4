using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>What one polling round learned and cost.</summary>
    internal sealed class PollRound
    {
        public PollRound(IReadOnlyList<DataDeletionJob> newlyFinished, int listCalls, int describeCalls, bool throttled, IReadOnlyList<KeyValuePair<DataDeletionJob, Exception>> failures)
        {
            NewlyFinished = newlyFinished;
            ListCalls = listCalls;
            DescribeCalls = describeCalls;
            Throttled = throttled;
            Failures = failures;
        }

        /// <summary>Jobs that reached COMPLETED or FAILED in this round, fully described.</summary>
        public IReadOnlyList<DataDeletionJob> NewlyFinished { get; }

        public int ListCalls { get; }

        public int DescribeCalls { get; }

        /// <summary>True when a call was still throttled after the SDK's own retries.</summary>
        public bool Throttled { get; }

        /// <summary>Jobs whose state could not be learned this round, with why (other than throttling).</summary>
        public IReadOnlyList<KeyValuePair<DataDeletionJob, Exception>> Failures { get; }
    }
}
