namespace PersonalizeDeletion
{
    /// <summary>
    /// Every ErrorId the module's own errors carry: public API, since scripts match FullyQualifiedErrorId. An id once
    /// shipped never changes meaning. docs/en-US/about_PersonalizeDeletion.md lists each one (a test keeps the two in
    /// step); service errors the module does not name itself carry the service's error code without "Exception".
    /// </summary>
    public static class ErrorIds
    {
        // Input
        public const string InvalidUserId = "InvalidUserId";
        public const string StagingUriRequired = "StagingUriRequired";
        public const string InvalidS3Uri = "InvalidS3Uri";
        public const string InvalidStagingUri = "InvalidStagingUri";
        public const string InvalidDatasetGroupArn = "InvalidDatasetGroupArn";
        public const string InvalidRoleArn = "InvalidRoleArn";
        public const string InvalidJobArn = "InvalidJobArn";
        public const string InvalidTag = "InvalidTag";
        public const string InvalidJobName = "InvalidJobName";
        public const string InvalidExpectedBucketOwner = "InvalidExpectedBucketOwner";
        public const string UserIdFileNotFound = "UserIdFileNotFound";
        public const string UserIdFileNotReadable = "UserIdFileNotReadable";
        public const string InvalidUserIdFileHeader = "InvalidUserIdFileHeader";
        public const string InvalidUserIdFile = "InvalidUserIdFile";
        public const string AmbiguousUserIdFilePath = "AmbiguousUserIdFilePath";
        public const string UnrecognizedInputObject = "UnrecognizedInputObject";
        public const string CsvTextPipedAsUserIds = "CsvTextPipedAsUserIds";
        public const string FilePathPipedAsUserId = "FilePathPipedAsUserId";
        public const string UserIdColumnMissing = "UserIdColumnMissing";
        public const string InvalidStatus = "InvalidStatus";
        public const string ConfirmationNotPossible = "ConfirmationNotPossible";

        // Amazon Personalize and S3
        public const string DatasetGroupNotFound = "DatasetGroupNotFound";
        public const string DatasetGroupNotActive = "DatasetGroupNotActive";
        public const string DataLocationNotFound = "DataLocationNotFound";
        public const string DataLocationUnreadable = "DataLocationUnreadable";
        public const string DataLocationTooLarge = "DataLocationTooLarge";
        public const string DataLocationKmsEncrypted = "DataLocationKmsEncrypted";
        public const string DataLocationHeaderInvalid = "DataLocationHeaderInvalid";
        public const string StagingUploadFailed = "StagingUploadFailed";
        public const string JobNameInUse = "JobNameInUse";
        public const string DataDeletionJobNotCreated = "DataDeletionJobNotCreated";
        public const string DataDeletionJobOutcomeUnknown = "DataDeletionJobOutcomeUnknown";
        public const string StagedDataNotRemoved = "StagedDataNotRemoved";
        public const string DataDeletionJobNotFound = "DataDeletionJobNotFound";
        public const string DataDeletionJobFailed = "DataDeletionJobFailed";
        public const string WaitTimedOut = "WaitTimedOut";

        // Receipts
        public const string ReceiptPathNotFound = "ReceiptPathNotFound";
        public const string ReceiptNotWritten = "ReceiptNotWritten";

        // Credentials and connection
        public const string CredentialsNotFound = "CredentialsNotFound";
        public const string ProfileNotFound = "ProfileNotFound";
        public const string CredentialProfileInvalid = "CredentialProfileInvalid";
        public const string RegionNotFound = "RegionNotFound";
        public const string InvalidRegion = "InvalidRegion";
        public const string InvalidCredentialParameters = "InvalidCredentialParameters";
        public const string InvalidCredentialObject = "InvalidCredentialObject";
        public const string InvalidCredentials = "InvalidCredentials";
        public const string AccessDenied = "AccessDenied";
        public const string InvalidEndpointUrl = "InvalidEndpointUrl";
        public const string ServiceUnreachable = "ServiceUnreachable";
        public const string AwsSdkConflict = "AwsSdkConflict";

        // Anything else
        public const string UnexpectedError = "UnexpectedError";
    }
}
