using System;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// An S3 request that failed after the SDK's own retries, reduced to what the uploader reports, so
    /// that nothing above <see cref="IS3StagingClient"/> sees SDK types.
    /// </summary>
    internal sealed class S3RequestException : Exception
    {
        public S3RequestException(string? errorCode, int? statusCode, string? requestId, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorCode = errorCode;
            StatusCode = statusCode;
            RequestId = requestId;
        }

        /// <summary>The S3 error code (AccessDenied, NoSuchBucket, ...); null when no answer came (network, credentials).</summary>
        public string? ErrorCode { get; }

        public int? StatusCode { get; }

        public string? RequestId { get; }
    }
}
