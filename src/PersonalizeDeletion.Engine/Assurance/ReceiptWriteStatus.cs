namespace PersonalizeDeletion.Assurance
{
    internal enum ReceiptWriteStatus
    {
        /// <summary>There was no receipt of the job; it was written.</summary>
        Created,

        /// <summary>A receipt of the same job, of an equal or earlier state, was replaced.</summary>
        Replaced,

        /// <summary>The file holds a receipt of a later state of the job; it was kept.</summary>
        KeptLaterState,

        /// <summary>The file holds the receipt of another job of the same name (another region or dataset group); it was kept.</summary>
        HeldByAnotherJob,

        /// <summary>The file is not a receipt; it was kept.</summary>
        NotAReceipt,
    }
}
