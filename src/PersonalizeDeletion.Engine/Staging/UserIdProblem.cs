namespace PersonalizeDeletion.Staging
{
    /// <summary>Why a user ID cannot be sent to Personalize, as decided by <see cref="UserIdValidator"/>.</summary>
    internal enum UserIdProblem
    {
        None,
        Empty,
        WhitespaceOnly,
        TooLong,
        ControlCharacter,

        /// <summary>
        /// An unpaired UTF-16 surrogate: half of a character, which has no UTF-8 form and so cannot be
        /// written to the CSV without silently changing the ID.
        /// </summary>
        InvalidCharacter,
    }
}
