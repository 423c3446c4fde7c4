namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// What a receipt says about the request rather than the job: the counts and the staged object's digest, which only
    /// New-PDataDeletionJob knew. Null members are unknown.
    /// </summary>
    internal sealed class ReceiptRequest
    {
        public ReceiptRequest(long? userCount, long? duplicateCount, long? rejectedCount, string? stagedSha256, long? stagedBytes)
        {
            UserCount = userCount;
            DuplicateCount = duplicateCount;
            RejectedCount = rejectedCount;
            StagedSha256 = stagedSha256;
            StagedBytes = stagedBytes;
        }

        public long? UserCount { get; }

        public long? DuplicateCount { get; }

        public long? RejectedCount { get; }

        public string? StagedSha256 { get; }

        public long? StagedBytes { get; }
    }
}
