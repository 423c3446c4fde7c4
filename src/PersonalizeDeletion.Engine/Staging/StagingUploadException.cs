using System;
using System.Globalization;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// Writing the user ID list to S3 failed. Carries the S3 error code and the object, never an ID.
    /// </summary>
    public sealed class StagingUploadException : Exception
    {
        public StagingUploadException(string operation, string bucket, string key, string? errorCode, int? statusCode, string detail, Exception? innerException = null)
            : base(BuildMessage(operation, bucket, key, errorCode, detail), innerException)
        {
            Operation = operation;
            Bucket = bucket;
            Key = key;
            ErrorCode = errorCode;
            StatusCode = statusCode;
        }

        /// <summary>The S3 operation that failed, for example UploadPart.</summary>
        public string Operation { get; }

        public string Bucket { get; }

        public string Key { get; }

        public string Uri => "s3://" + Bucket + "/" + Key;

        /// <summary>The S3 error code; null when S3 gave no answer (network or credentials).</summary>
        public string? ErrorCode { get; }

        public int? StatusCode { get; }

        private static string BuildMessage(string operation, string bucket, string key, string? errorCode, string detail)
        {
            string cause = errorCode is null ? detail : errorCode + ": " + detail;
            string advice;
            switch (errorCode)
            {
                case "NoSuchBucket":
                    advice = "Check the bucket name and that the bucket exists.";
                    break;
                case "AccessDenied":
                case "AllAccessDisabled":
                    advice = "Check that your credentials may write to the bucket (s3:PutObject, s3:AbortMultipartUpload, s3:DeleteObject) and that ExpectedBucketOwner, if given, is the account ID that owns the bucket.";
                    break;
                case "PermanentRedirect":
                case "AuthorizationHeaderMalformed":
                case "IllegalLocationConstraintException":
                    advice = "The bucket is in a different region; use a bucket in the Personalize region or pass its region.";
                    break;
                default:
                    advice = "Check that the bucket exists, that your credentials may write to it, and that ExpectedBucketOwner, if given, is the account ID that owns the bucket.";
                    break;
            }

            return string.Format(CultureInfo.InvariantCulture, "Could not stage the user ID list at s3://{0}/{1}: {2} failed ({3}). {4}", bucket, key, operation, cause.TrimEnd('.'), advice);
        }
    }
}
