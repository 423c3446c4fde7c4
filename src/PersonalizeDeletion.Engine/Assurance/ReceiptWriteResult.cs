namespace PersonalizeDeletion.Assurance
{
    internal sealed class ReceiptWriteResult
    {
        public ReceiptWriteResult(ReceiptWriteStatus status, string path, string? existingJobArn, DataDeletionReceipt? receipt)
        {
            Status = status;
            Path = path;
            ExistingJobArn = existingJobArn;
            Receipt = receipt;
        }

        public ReceiptWriteStatus Status { get; }

        /// <summary>The receipt's full path, <c>&lt;folder&gt;/&lt;JobName&gt;.receipt.json</c>.</summary>
        public string Path { get; }

        /// <summary>For <see cref="ReceiptWriteStatus.HeldByAnotherJob"/>: the job the file is a receipt of.</summary>
        public string? ExistingJobArn { get; }

        /// <summary>The receipt as written (with what a replaced receipt knew of the request); null when nothing was written.</summary>
        public DataDeletionReceipt? Receipt { get; }

        public bool Written => Status == ReceiptWriteStatus.Created || Status == ReceiptWriteStatus.Replaced;
    }
}
