using System;
using System.Management.Automation;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Requests;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// One place that turns lower-layer failures into error records, each ErrorId (<see cref="ErrorIds"/>) with its
    /// category. ErrorIds are public API: scripts match FullyQualifiedErrorId, so an id once shipped never changes
    /// meaning.
    /// </summary>
    internal static class ErrorRecordFactory
    {
        /// <summary>An error of the ErrorId's usual category.</summary>
        internal static ErrorRecord Create(string errorId, Exception exception, object? target) =>
            new ErrorRecord(exception, errorId, CategoryOf(errorId), target);

        internal static ErrorRecord Create(string errorId, ErrorCategory category, Exception exception, object? target)
        {
            return new ErrorRecord(exception, errorId, category, target);
        }

        /// <summary>InvalidJobArn: checked before any call, so a typo never reaches the service.</summary>
        internal static ErrorRecord InvalidJobArn(string? text) =>
            Create(ErrorIds.InvalidJobArn,
                new ArgumentException($"'{text}' is not a data deletion job ARN. Expected arn:aws:personalize:<region>:<account>:data-deletion-job/<name>."), text);

        /// <summary>InvalidDatasetGroupArn: checked before any call, so a typo never reaches the service.</summary>
        internal static ErrorRecord InvalidDatasetGroupArn(string? text) =>
            Create(ErrorIds.InvalidDatasetGroupArn, DeletionBatch.NotADatasetGroupArn(text), text);

        internal static ErrorRecord Create(Exception exception, object? target, string? errorIdForServiceErrors, string? credentialSource)
        {
            switch (exception)
            {
                case AwsConfigurationException configuration:
                    return Create(configuration.ErrorId, configuration, configuration.Target ?? target);

                case PersonalizeServiceException service when IsCredentialRejection(service.ErrorCode):
                    {
                        // One sentence on what is wrong; the service's message (a canonical-request dump for a bad
                        // signature) goes to -Debug and stays the inner exception.
                        string source = credentialSource is null ? "the credentials in use" : "the credentials from " + credentialSource;
                        var rejected = new UnauthorizedAccessException(
                            $"Amazon Personalize rejected {source}: {CredentialProblem(service)} ({service.ErrorCode}). Check the access key, secret key and session token, or choose other credentials with -ProfileName or -Credential.",
                            service);
                        return Create(ErrorIds.InvalidCredentials, rejected, target);
                    }

                case PersonalizeServiceException service when service.ErrorCode == "AccessDeniedException":
                    return Create(ErrorIds.AccessDenied, service, target);

                case PersonalizeServiceException service:
                    return new ErrorRecord(service, errorIdForServiceErrors ?? ServiceErrorId(service.ErrorCode), CategoryOf(service), target);

                case PersonalizeClientException client:
                    return Create(ErrorIds.ServiceUnreachable, client, target);

                case StagingUploadException staging:
                    return Create(ErrorIds.StagingUploadFailed, staging, staging.Uri);

                case UserIdFileException file:
                    return Create(file.ErrorId, file, file.Path);

                default:
                    return Create(errorIdForServiceErrors ?? ErrorIds.UnexpectedError, exception, target);
            }
        }

        /// <summary>The category of each ErrorId; a few call sites pass a more precise one (a folder given as a file).</summary>
        internal static ErrorCategory CategoryOf(string errorId) => errorId switch
        {
            ErrorIds.InvalidUserId or ErrorIds.InvalidUserIdFileHeader or ErrorIds.InvalidUserIdFile or ErrorIds.DataLocationKmsEncrypted
                or ErrorIds.CsvTextPipedAsUserIds or ErrorIds.UserIdColumnMissing or ErrorIds.DataLocationHeaderInvalid => ErrorCategory.InvalidData,
            ErrorIds.UnrecognizedInputObject => ErrorCategory.InvalidType,
            ErrorIds.UserIdFileNotFound or ErrorIds.DatasetGroupNotFound or ErrorIds.DataLocationNotFound or ErrorIds.DataDeletionJobNotFound or ErrorIds.ProfileNotFound or ErrorIds.ReceiptPathNotFound => ErrorCategory.ObjectNotFound,
            ErrorIds.UserIdFileNotReadable or ErrorIds.DataLocationUnreadable => ErrorCategory.ReadError,
            ErrorIds.ConfirmationNotPossible or ErrorIds.DataDeletionJobNotCreated => ErrorCategory.InvalidOperation,
            ErrorIds.DatasetGroupNotActive => ErrorCategory.ResourceUnavailable,
            ErrorIds.DataLocationTooLarge => ErrorCategory.LimitsExceeded,
            ErrorIds.StagingUploadFailed or ErrorIds.StagedDataNotRemoved or ErrorIds.ReceiptNotWritten => ErrorCategory.WriteError,
            ErrorIds.JobNameInUse => ErrorCategory.ResourceExists,
            ErrorIds.DataDeletionJobOutcomeUnknown or ErrorIds.WaitTimedOut => ErrorCategory.OperationTimeout,
            ErrorIds.DataDeletionJobFailed => ErrorCategory.InvalidResult,
            ErrorIds.CredentialsNotFound or ErrorIds.InvalidCredentials => ErrorCategory.AuthenticationError,
            ErrorIds.AccessDenied => ErrorCategory.PermissionDenied,
            ErrorIds.ServiceUnreachable => ErrorCategory.ConnectionError,
            ErrorIds.UnexpectedError => ErrorCategory.NotSpecified,
            _ => ErrorCategory.InvalidArgument,
        };

        private static bool IsCredentialRejection(string errorCode) =>
            errorCode == "UnrecognizedClientException"
            || errorCode == "InvalidSignatureException"
            || errorCode == "ExpiredTokenException"
            || errorCode == "InvalidClientTokenId"
            || errorCode == "IncompleteSignatureException";

        private static string CredentialProblem(PersonalizeServiceException service)
        {
            // A clock too far off is answered as a bad signature; the SDK corrects for it once and retries.
            if (service.Message.StartsWith("Signature expired", StringComparison.OrdinalIgnoreCase)
                || service.Message.StartsWith("Signature not yet current", StringComparison.OrdinalIgnoreCase))
            {
                return "the request was signed at a time too far from AWS's clock; check this computer's clock";
            }

            switch (service.ErrorCode)
            {
                case "UnrecognizedClientException":
                case "InvalidClientTokenId":
                    return "AWS does not know the access key, or the session token does not belong to it";
                case "InvalidSignatureException":
                    return "the secret key does not belong to the access key";
                case "ExpiredTokenException":
                    return "the session token has expired";
                default:
                    return "the request could not be signed with them";
            }
        }

        private static string ServiceErrorId(string errorCode) =>
            errorCode.EndsWith("Exception", StringComparison.Ordinal) ? errorCode.Substring(0, errorCode.Length - "Exception".Length) : errorCode;

        private static ErrorCategory CategoryOf(PersonalizeServiceException exception)
        {
            switch (exception)
            {
                case ResourceNotFoundException: return ErrorCategory.ObjectNotFound;
                case InvalidInputException: return ErrorCategory.InvalidArgument;
                case InvalidNextTokenException: return ErrorCategory.InvalidArgument;
                case LimitExceededException: return ErrorCategory.LimitsExceeded;
                case TooManyTagsException: return ErrorCategory.LimitsExceeded;
                case ResourceAlreadyExistsException: return ErrorCategory.ResourceExists;
                case ResourceInUseException: return ErrorCategory.ResourceBusy;
                default: return exception.StatusCode >= 500 ? ErrorCategory.ResourceUnavailable : ErrorCategory.InvalidOperation;
            }
        }
    }
}
