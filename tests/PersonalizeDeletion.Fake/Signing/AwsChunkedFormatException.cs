using System;

namespace PersonalizeDeletion.Fake.Signing;

/// <summary>An aws-chunked body that is malformed or whose chunk signatures do not verify, with the S3 error code to answer.</summary>
public sealed class AwsChunkedFormatException : Exception
{
    public AwsChunkedFormatException(string errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    public string ErrorCode { get; }
}
