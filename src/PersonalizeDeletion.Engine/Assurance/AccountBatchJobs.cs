using System.Collections.Generic;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// Every batch inference and batch segment job of the account in one region. The service lists them by solution
    /// version or not at all, so one account-wide walk serves every dataset group of the region. Null when the
    /// listing failed.
    /// </summary>
    internal sealed class AccountBatchJobs
    {
        public AccountBatchJobs(IReadOnlyList<BatchJobInfo>? inference, IReadOnlyList<BatchJobInfo>? segment)
        {
            Inference = inference;
            Segment = segment;
        }

        public IReadOnlyList<BatchJobInfo>? Inference { get; }

        public IReadOnlyList<BatchJobInfo>? Segment { get; }
    }
}
