using System;

namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// Something a deletion request could not do: reported for one item while the rest goes on, or thrown (as
    /// <see cref="DeletionRequestException"/>) when nothing can. The target names what it was about, never a user ID.
    /// </summary>
    internal sealed class RequestProblem
    {
        public RequestProblem(string? errorId, Exception exception, object? target)
        {
            ErrorId = errorId;
            Exception = exception ?? throw new ArgumentNullException(nameof(exception));
            Target = target;
        }

        /// <summary>One of <see cref="ErrorIds"/>; null leaves it to the exception (a service error's own code).</summary>
        public string? ErrorId { get; }

        public Exception Exception { get; }

        public object? Target { get; }
    }
}
