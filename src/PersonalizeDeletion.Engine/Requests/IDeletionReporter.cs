namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// How a deletion request tells its caller what happens; the cmdlet turns each call into PowerShell output, a
    /// stream record or an ErrorRecord. Calls come on the thread that called the request.
    /// </summary>
    internal interface IDeletionReporter
    {
        /// <summary>
        /// True when user IDs may be shown (-Debug): they are personal data, and a million IDs must not each format a
        /// message nobody sees. <see cref="Debug"/> is called only then.
        /// </summary>
        bool ShowsUserIds { get; }

        void Verbose(string message);

        void Debug(string message);

        void Warning(string message);

        void Progress(RequestPhase phase, string status);

        void ProgressDone(RequestPhase phase);

        /// <summary>One item was not submitted (a user ID, an input object, one job); the rest goes on.</summary>
        void Problem(RequestProblem problem);

        /// <summary>
        /// Asks before a job is created, or under -WhatIf says what would be done; false skips it. May throw
        /// (the host cannot ask): the request then stops and takes back what it staged.
        /// </summary>
        bool Confirm(string target, string action);

        /// <summary>A job was created, or found already submitted for this same request.</summary>
        void Submitted(DataDeletionJob job);
    }
}
