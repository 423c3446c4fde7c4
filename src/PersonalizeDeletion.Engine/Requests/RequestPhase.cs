namespace PersonalizeDeletion.Requests
{
    /// <summary>The long-running steps a request shows progress for; each value is its progress activity's id.</summary>
    internal enum RequestPhase
    {
        /// <summary>Taking in and uploading user IDs, then finishing the upload.</summary>
        Staging = 2,

        /// <summary>Waiting for a dataset group to have fewer than five PENDING jobs.</summary>
        WaitingForQuota = 3,
    }
}
