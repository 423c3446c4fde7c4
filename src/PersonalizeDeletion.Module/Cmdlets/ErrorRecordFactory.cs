using System;
using System.Management.Automation;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// One place that turns lower-layer failures into error records. ErrorIds are public API: scripts match
    /// FullyQualifiedErrorId, so an id once shipped never changes meaning.
    /// </summary>
    internal static class ErrorRecordFactory
    {
        internal static ErrorRecord Create(string errorId, ErrorCategory category, Exception exception, object? target)
        {
            return new ErrorRecord(exception, errorId, category, target);
        }

        /// <summary>InvalidJobArn: checked before any call, so a typo never reaches the service.</summary>
        internal static ErrorRecord InvalidJobArn(string? text) =>
            Create("InvalidJobArn", ErrorCategory.InvalidArgument,
                new ArgumentException($"'{text}' is not a data deletion job ARN. Expected arn:aws:personalize:<region>:<account>:data-deletion-job/<name>."), text);

        /// <summary>InvalidDatasetGroupArn: checked before any call, so a typo never reaches the service.</summary>
        internal static ErrorRecord InvalidDatasetGroupArn(string? text) =>
            Create("InvalidDatasetGroupArn", ErrorCategory.InvalidArgument,
                new ArgumentException($"'{text}' is not a dataset group ARN. Expected arn:aws:personalize:<region>:<account>:dataset-group/<name>."), text);

        internal static ErrorRecord Create(Exception exception, object? target, string? errorIdForServiceErrors, string? credentialSource)
        {
            switch (exception)
            {
                case AwsConfigurationException configuration:
                    return new ErrorRecord(configuration, configuration.ErrorId, CategoryOf(configuration.ErrorId), configuration.Target ?? target);

                case PersonalizeServiceException service when IsCredentialRejection(service.ErrorCode):
                    {
                        string source = credentialSource is null ? "the credentials in use" : "the credentials from " + credentialSource;
                        var rejected = new UnauthorizedAccessException(
                            $"Personalize rejected {source}: {service.Message} Check the access key, secret key and session token, or choose other credentials with -ProfileName or -Credential.",
                            service);
                        return new ErrorRecord(rejected, "InvalidCredentials", ErrorCategory.AuthenticationError, target);
                    }

                case PersonalizeServiceException service when service.ErrorCode == "AccessDeniedException":
                    return new ErrorRecord(service, "AccessDenied", ErrorCategory.PermissionDenied, target);

                case PersonalizeServiceException service:
                    return new ErrorRecord(service, errorIdForServiceErrors ?? ServiceErrorId(service.ErrorCode), CategoryOf(service), target);

                case PersonalizeClientException client:
                    return new ErrorRecord(client, "ServiceUnreachable", ErrorCategory.ConnectionError, target);

                case StagingUploadException staging:
                    return new ErrorRecord(staging, StagingUploadException.StagingUploadFailedErrorId, ErrorCategory.WriteError, staging.Uri);

                case UserIdFileException file:
                    return new ErrorRecord(file, file.ErrorId, CategoryOf(file), file.Path);

                default:
                    return new ErrorRecord(exception, errorIdForServiceErrors ?? "UnexpectedError", ErrorCategory.NotSpecified, target);
            }
        }

        private static ErrorCategory CategoryOf(UserIdFileException file)
        {
            switch (file.ErrorId)
            {
                case UserIdFileException.NotFoundErrorId: return ErrorCategory.ObjectNotFound;
                case UserIdFileException.NotReadableErrorId: return ErrorCategory.ReadError;
                default: return ErrorCategory.InvalidData;
            }
        }

        private static bool IsCredentialRejection(string errorCode) =>
            errorCode == "UnrecognizedClientException"
            || errorCode == "InvalidSignatureException"
            || errorCode == "ExpiredTokenException"
            || errorCode == "InvalidClientTokenId"
            || errorCode == "IncompleteSignatureException";

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

        private static ErrorCategory CategoryOf(string configurationErrorId)
        {
            switch (configurationErrorId)
            {
                case "ProfileNotFound": return ErrorCategory.ObjectNotFound;
                case "CredentialsNotFound": return ErrorCategory.AuthenticationError;
                case "RegionNotFound": return ErrorCategory.InvalidArgument;
                default: return ErrorCategory.InvalidArgument;
            }
        }
    }
}
