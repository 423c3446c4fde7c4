using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// Turns what escapes the SDK pipeline (after its retries) into the module's own exception types,
    /// so nothing above this folder sees AWSSDK types.
    /// </summary>
    internal static class PersonalizeExceptionTranslator
    {
        public static PersonalizeServiceException FromServiceError(AmazonServiceException exception)
        {
            var statusCode = (int)exception.StatusCode;
            var errorCode = string.IsNullOrEmpty(exception.ErrorCode) ? exception.StatusCode.ToString() : exception.ErrorCode;
            var message = string.IsNullOrEmpty(exception.Message)
                ? $"Amazon Personalize answered {errorCode} (HTTP {statusCode}) without a message."
                : exception.Message;
            var requestId = string.IsNullOrEmpty(exception.RequestId) ? null : exception.RequestId;

            return errorCode switch
            {
                "ResourceNotFoundException" => new ResourceNotFoundException(message, requestId, statusCode, exception),
                "InvalidInputException" => new InvalidInputException(message, requestId, statusCode, exception),
                "LimitExceededException" => new LimitExceededException(message, requestId, statusCode, exception),
                "ResourceAlreadyExistsException" => new ResourceAlreadyExistsException(message, requestId, statusCode, exception),
                "ResourceInUseException" => new ResourceInUseException(message, requestId, statusCode, exception),
                "TooManyTagsException" => new TooManyTagsException(message, requestId, statusCode, exception),
                "InvalidNextTokenException" => new InvalidNextTokenException(message, requestId, statusCode, exception),
                _ => new PersonalizeServiceException(errorCode, message, requestId, statusCode, exception),
            };
        }

        /// <summary>
        /// True for failures that mean "no usable answer from the service": SDK client-side errors
        /// (credentials, endpoint resolution), transport errors and timeouts. Programming errors are not
        /// wrapped, so they keep their own type and stack.
        /// </summary>
        public static bool IsClientFailure(Exception exception) =>
            exception is AmazonClientException
                or HttpRequestException
                or IOException
                or WebException
                or SocketException
                or TimeoutException
                or OperationCanceledException;

        public static PersonalizeClientException FromClientFailure(Exception exception, string? endpoint)
        {
            var where = endpoint is null ? "Amazon Personalize" : $"Amazon Personalize at {endpoint}";
            var message = exception switch
            {
                OperationCanceledException or TimeoutException => $"{where} did not answer in time (after the SDK's retries): {Reason(exception)}",
                AmazonClientException when exception.InnerException is null => $"The call to {where} could not be made: {exception.Message}",
                _ => $"Could not reach {where}: {Reason(exception)}",
            };
            return new PersonalizeClientException(message, endpoint, exception);
        }

        // The innermost message is usually the one that names the cause ("Connection refused",
        // "No such host is known"); the outer ones tend to say only that a request failed.
        private static string Reason(Exception exception)
        {
            var reasons = exception.Message;
            for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            {
                if (!string.IsNullOrEmpty(inner.Message) && !reasons.Contains(inner.Message))
                {
                    reasons += " " + inner.Message;
                }
            }

            return reasons;
        }
    }
}
