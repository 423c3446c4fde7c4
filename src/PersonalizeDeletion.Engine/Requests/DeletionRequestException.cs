using System;

namespace PersonalizeDeletion.Requests
{
    /// <summary>A problem that stops the whole request; what was staged has been taken back before it is thrown.</summary>
    internal sealed class DeletionRequestException : Exception
    {
        public DeletionRequestException(RequestProblem problem)
            : base(problem.Exception.Message, problem.Exception)
        {
            Problem = problem;
        }

        public DeletionRequestException(string errorId, Exception exception, object? target)
            : this(new RequestProblem(errorId, exception, target))
        {
        }

        public RequestProblem Problem { get; }
    }
}
