using System;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// The job a receipt is of and the state it records. One state is later than another when the job's status is
    /// further along (PENDING, then IN_PROGRESS or a status this module does not know, then COMPLETED or FAILED), or,
    /// at the same status, when it completed later. A receipt written now is a later judgement of an equal state, so it
    /// replaces one of an equal state; it never replaces one of a later state, nor one of another job.
    /// </summary>
    internal readonly struct ReceiptState
    {
        public ReceiptState(string jobArn, string? datasetGroupArn, string? status, DateTime? completionDateTime)
        {
            JobArn = jobArn;
            DatasetGroupArn = datasetGroupArn;
            Status = status;
            CompletionDateTime = completionDateTime;
        }

        public string JobArn { get; }

        public string? DatasetGroupArn { get; }

        public string? Status { get; }

        public DateTime? CompletionDateTime { get; }

        /// <summary>The same job: the same ARN (which names the account, the region and the job) and dataset group.</summary>
        public bool IsSameJob(ReceiptState other) =>
            string.Equals(JobArn, other.JobArn, StringComparison.Ordinal)
            && string.Equals(DatasetGroupArn, other.DatasetGroupArn, StringComparison.Ordinal);

        public bool IsLaterThan(ReceiptState other)
        {
            int rank = Rank(Status);
            int otherRank = Rank(other.Status);
            if (rank != otherRank)
            {
                return rank > otherRank;
            }

            return CompletionDateTime is DateTime completed && other.CompletionDateTime is DateTime otherCompleted && completed > otherCompleted;
        }

        private static int Rank(string? status)
        {
            if (string.Equals(status, DataDeletionJob.StatusPending, StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            return DataDeletionJob.IsFinishedStatus(status) ? 2 : 1;
        }
    }
}
