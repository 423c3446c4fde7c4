using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>An S3 error to answer in S3's XML form, with any extra elements S3 includes (Key, BucketName, ...).</summary>
public sealed class S3ErrorException : Exception
{
    public S3ErrorException(int status, string code, string message, params (string Name, string Value)[] details)
        : base(message)
    {
        Status = status;
        Code = code;
        Details = details;
    }

    public int Status { get; }

    public string Code { get; }

    public IReadOnlyList<(string Name, string Value)> Details { get; }

    /// <summary>Response headers S3 adds to this error (x-amz-bucket-region on a wrong-region request).</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = new();

    /// <summary>
    /// A request for a bucket of another region. Sent to a region's endpoint, S3 answers 301 PermanentRedirect;
    /// signed for the wrong region, 400 AuthorizationHeaderMalformed naming the region it expects. Both carry
    /// x-amz-bucket-region, which is how SDKs learn a bucket's region.
    /// </summary>
    public static S3ErrorException WrongRegion(string bucket, string bucketRegion, string requestRegion, bool regionalEndpoint)
    {
        var error = regionalEndpoint
            ? new S3ErrorException(
                301,
                "PermanentRedirect",
                "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.",
                ("Bucket", bucket),
                ("Endpoint", $"s3.{bucketRegion}.amazonaws.com"))
            : new S3ErrorException(
                400,
                "AuthorizationHeaderMalformed",
                $"The authorization header is malformed; the region '{requestRegion}' is wrong; expecting '{bucketRegion}'",
                ("Region", bucketRegion));
        error.Headers.Add(new("x-amz-bucket-region", bucketRegion));
        return error;
    }

    public static S3ErrorException NoSuchBucket(string bucket) =>
        new(404, "NoSuchBucket", "The specified bucket does not exist", ("BucketName", bucket));

    public static S3ErrorException NoSuchKey(string key) =>
        new(404, "NoSuchKey", "The specified key does not exist.", ("Key", key));

    public static S3ErrorException NoSuchUpload(string uploadId) =>
        new(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.", ("UploadId", uploadId));

    public static S3ErrorException AccessDenied() => new(403, "AccessDenied", "Access Denied");

    public static S3ErrorException InvalidArgument(string message, string name, string value) =>
        new(400, "InvalidArgument", message, ("ArgumentName", name), ("ArgumentValue", value));
}
