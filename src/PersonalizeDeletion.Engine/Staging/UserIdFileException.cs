using System;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// A local user ID file that cannot be used: missing, unreadable, without the <c>USER_ID</c> header, or
    /// not a valid one-column UTF-8 CSV. Messages name the file and line but never quote an ID.
    /// </summary>
    public sealed class UserIdFileException : Exception
    {
        public UserIdFileException(string errorId, string message, string path, long? lineNumber, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Path = path;
            LineNumber = lineNumber;
        }

        /// <summary>UserIdFileNotFound, UserIdFileNotReadable, InvalidUserIdFileHeader or InvalidUserIdFile (<see cref="ErrorIds"/>).</summary>
        public string ErrorId { get; }

        public string Path { get; }

        /// <summary>The 1-based line the problem is on, when it is about a line.</summary>
        public long? LineNumber { get; }
    }
}
