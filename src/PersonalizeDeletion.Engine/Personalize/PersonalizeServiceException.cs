using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// An error answer from Personalize (after the SDK's retries), carrying the service's error code,
    /// message, HTTP status and request id. Subclasses name the modelled errors.
    /// </summary>
    public class PersonalizeServiceException : Exception
    {
        public PersonalizeServiceException(string errorCode, string message, string? requestId, int statusCode, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorCode = errorCode;
            RequestId = requestId;
            StatusCode = statusCode;
        }

        public string ErrorCode { get; }
        public string? RequestId { get; }
        public int StatusCode { get; }

        /// <summary>
        /// True when the SDK retried after an attempt that got no answer before this error came: that attempt may
        /// have been carried out (a Create may have created the job this error now refuses).
        /// </summary>
        public bool AfterUnansweredAttempt { get; internal set; }

        /// <summary>The service asked for fewer requests (any of its throttling codes, or HTTP 429): read again later.</summary>
        public bool IsThrottling =>
            ErrorCode == "ThrottlingException" || ErrorCode == "Throttling" || ErrorCode == "TooManyRequestsException" || StatusCode == 429;
    }

    public sealed class ResourceNotFoundException : PersonalizeServiceException
    {
        public ResourceNotFoundException(string message, string? requestId, int statusCode, Exception? inner = null) : base("ResourceNotFoundException", message, requestId, statusCode, inner) { }
    }

    public sealed class InvalidInputException : PersonalizeServiceException
    {
        public InvalidInputException(string message, string? requestId, int statusCode, Exception? inner = null) : base("InvalidInputException", message, requestId, statusCode, inner) { }
    }

    public sealed class LimitExceededException : PersonalizeServiceException
    {
        public LimitExceededException(string message, string? requestId, int statusCode, Exception? inner = null) : base("LimitExceededException", message, requestId, statusCode, inner) { }
    }

    public sealed class ResourceAlreadyExistsException : PersonalizeServiceException
    {
        public ResourceAlreadyExistsException(string message, string? requestId, int statusCode, Exception? inner = null) : base("ResourceAlreadyExistsException", message, requestId, statusCode, inner) { }
    }

    public sealed class ResourceInUseException : PersonalizeServiceException
    {
        public ResourceInUseException(string message, string? requestId, int statusCode, Exception? inner = null) : base("ResourceInUseException", message, requestId, statusCode, inner) { }
    }

    public sealed class TooManyTagsException : PersonalizeServiceException
    {
        public TooManyTagsException(string message, string? requestId, int statusCode, Exception? inner = null) : base("TooManyTagsException", message, requestId, statusCode, inner) { }
    }

    public sealed class InvalidNextTokenException : PersonalizeServiceException
    {
        public InvalidNextTokenException(string message, string? requestId, int statusCode, Exception? inner = null) : base("InvalidNextTokenException", message, requestId, statusCode, inner) { }
    }
}
