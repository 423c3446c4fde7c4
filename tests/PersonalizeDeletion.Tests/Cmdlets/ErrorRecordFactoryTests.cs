using System;
using System.Collections.Generic;
using System.Management.Automation;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Cmdlets;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Cmdlets
{
    public class ErrorRecordFactoryTests
    {
        private const string Target = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/movies";
        private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        private const string Source = "profile 'dev' from /home/u/.aws/credentials";

        public static IEnumerable<object[]> ServiceErrors() => new[]
        {
            new object[] { new ResourceNotFoundException("No such group", "r", 400), "ResourceNotFound", ErrorCategory.ObjectNotFound },
            new object[] { new InvalidInputException("Bad input", "r", 400), "InvalidInput", ErrorCategory.InvalidArgument },
            new object[] { new InvalidNextTokenException("Bad token", "r", 400), "InvalidNextToken", ErrorCategory.InvalidArgument },
            new object[] { new LimitExceededException("Too many", "r", 400), "LimitExceeded", ErrorCategory.LimitsExceeded },
            new object[] { new TooManyTagsException("Too many tags", "r", 400), "TooManyTags", ErrorCategory.LimitsExceeded },
            new object[] { new ResourceAlreadyExistsException("Exists", "r", 400), "ResourceAlreadyExists", ErrorCategory.ResourceExists },
            new object[] { new ResourceInUseException("Busy", "r", 400), "ResourceInUse", ErrorCategory.ResourceBusy },
            new object[] { new PersonalizeServiceException("InternalFailure", "Oops", "r", 500), "InternalFailure", ErrorCategory.ResourceUnavailable },
            new object[] { new PersonalizeServiceException("ServiceUnavailableException", "Down", "r", 503), "ServiceUnavailable", ErrorCategory.ResourceUnavailable },
            new object[] { new PersonalizeServiceException("ValidationException", "Nope", "r", 400), "Validation", ErrorCategory.InvalidOperation },
        };

        [Theory]
        [MemberData(nameof(ServiceErrors))]
        public void ServiceErrorsGetTheirCodeAsErrorIdAndAMatchingCategory(PersonalizeServiceException exception, string errorId, ErrorCategory category)
        {
            ErrorRecord record = ErrorRecordFactory.Create(exception, Target, null, Source);

            Assert.Equal(errorId, record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            Assert.Same(exception, record.Exception);
            Assert.Equal(Target, record.TargetObject);
        }

        [Theory]
        [MemberData(nameof(ServiceErrors))]
        public void ACallerChosenErrorIdKeepsTheServiceCategory(PersonalizeServiceException exception, string errorId, ErrorCategory category)
        {
            Assert.NotNull(errorId);
            ErrorRecord record = ErrorRecordFactory.Create(exception, Target, "DatasetGroupNotFound", Source);

            Assert.Equal("DatasetGroupNotFound", record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
        }

        [Theory]
        [InlineData("UnrecognizedClientException", "AWS does not know the access key")]
        [InlineData("InvalidSignatureException", "the secret key does not belong to the access key")]
        [InlineData("ExpiredTokenException", "the session token has expired")]
        [InlineData("InvalidClientTokenId", "AWS does not know the access key")]
        [InlineData("IncompleteSignatureException", "could not be signed")]
        public void CredentialRejectionsBecomeInvalidCredentialsSayingWhatIsWrongInOneSentence(string errorCode, string problem)
        {
            // A bad signature's answer quotes the canonical request at length: it stays the inner exception, for -Debug.
            var service = new PersonalizeServiceException(errorCode, "Rejected.\n\nThe Canonical String for this request should have been\n'POST\n/\n'", "r", 403);

            ErrorRecord record = ErrorRecordFactory.Create(service, Target, "DatasetGroupNotFound", Source);

            Assert.Equal("InvalidCredentials", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
            Assert.IsType<UnauthorizedAccessException>(record.Exception);
            Assert.Same(service, record.Exception.InnerException);
            Assert.Contains(Source, record.Exception.Message, StringComparison.Ordinal);
            Assert.Contains(problem, record.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("(" + errorCode + ").", record.Exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Canonical", record.Exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", record.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(Target, record.TargetObject);
        }

        [Theory]
        [InlineData("Signature expired: 20260301T100000Z is now earlier than 20260301T101500Z (20260301T103000Z - 15 min.)")]
        [InlineData("Signature not yet current: 20260301T104600Z is still later than 20260301T104500Z (20260301T103000Z + 15 min.)")]
        public void ASkewedClockIsNotCalledAWrongSecret(string message)
        {
            var service = new PersonalizeServiceException("InvalidSignatureException", message, "r", 403);

            ErrorRecord record = ErrorRecordFactory.Create(service, Target, null, Source);

            Assert.Equal("InvalidCredentials", record.FullyQualifiedErrorId);
            Assert.Contains("clock", record.Exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("secret key does not belong", record.Exception.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("InvalidSignatureException", true)]
        [InlineData("AccessDeniedException", true)]
        [InlineData("ResourceNotFoundException", false)]
        [InlineData("InvalidInputException", false)]
        [InlineData("ThrottlingException", false)]
        [InlineData("InternalFailure", false)]
        public void RejectedCredentialsAndDeniedAccessEndTheCommandWhileProblemsOfOneItemDoNot(string errorCode, bool ends)
        {
            var service = errorCode switch
            {
                "ResourceNotFoundException" => new ResourceNotFoundException("No such job", "r", 400),
                "InvalidInputException" => new InvalidInputException("Bad input", "r", 400),
                _ => new PersonalizeServiceException(errorCode, "Answer.", "r", errorCode == "InternalFailure" ? 500 : 400),
            };

            Assert.Equal(ends, PersonalizeCmdletBase.EndsTheCommand(ErrorRecordFactory.Create(service, Target, null, Source)));
        }

        [Fact]
        public void AnUnreachableEndpointEndsTheCommand()
        {
            var client = new PersonalizeClientException("Could not reach https://personalize.eu-west-1.amazonaws.com", "https://personalize.eu-west-1.amazonaws.com", null);

            Assert.True(PersonalizeCmdletBase.EndsTheCommand(ErrorRecordFactory.Create(client, Target, null, Source)));
        }

        [Fact]
        public void CredentialRejectionsWithoutAKnownSourceStillSayWhatToDo()
        {
            var service = new PersonalizeServiceException("UnrecognizedClientException", "The security token included in the request is invalid.", "r", 403);

            ErrorRecord record = ErrorRecordFactory.Create(service, null, null, null);

            Assert.Equal("InvalidCredentials", record.FullyQualifiedErrorId);
            Assert.Contains("the credentials in use", record.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("-ProfileName", record.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void CredentialRejectionsNeverCarryTheSecretIntoTheMessage()
        {
            // The SDK's low-level failure can include the signed request; only the service's message may surface.
            var transport = new InvalidOperationException("Request: Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE secret=" + Secret);
            var service = new PersonalizeServiceException("InvalidSignatureException", "The request signature we calculated does not match.", "r", 403, transport);

            ErrorRecord record = ErrorRecordFactory.Create(service, Target, null, Source);

            Assert.Equal("InvalidCredentials", record.FullyQualifiedErrorId);
            Assert.DoesNotContain(Secret, record.Exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, record.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, record.CategoryInfo.ToString(), StringComparison.Ordinal);
            Assert.Null(record.ErrorDetails);
        }

        [Fact]
        public void AccessDeniedIsPermissionDenied()
        {
            var service = new PersonalizeServiceException("AccessDeniedException", "User is not authorized", "r", 400);

            ErrorRecord record = ErrorRecordFactory.Create(service, Target, "DatasetGroupNotFound", Source);

            Assert.Equal("AccessDenied", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, record.CategoryInfo.Category);
            Assert.Same(service, record.Exception);
        }

        [Fact]
        public void AnUnreachableServiceIsAConnectionError()
        {
            var client = new PersonalizeClientException("Could not reach https://personalize.eu-west-1.amazonaws.com", "https://personalize.eu-west-1.amazonaws.com", null);

            ErrorRecord record = ErrorRecordFactory.Create(client, Target, "DatasetGroupNotFound", Source);

            Assert.Equal("ServiceUnreachable", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
            Assert.Equal(Target, record.TargetObject);
        }

        [Theory]
        [InlineData(ErrorIds.ProfileNotFound, ErrorCategory.ObjectNotFound)]
        [InlineData(ErrorIds.CredentialsNotFound, ErrorCategory.AuthenticationError)]
        [InlineData(ErrorIds.RegionNotFound, ErrorCategory.InvalidArgument)]
        [InlineData(ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument)]
        [InlineData(ErrorIds.InvalidEndpointUrl, ErrorCategory.InvalidArgument)]
        [InlineData(ErrorIds.InvalidCredentialObject, ErrorCategory.InvalidArgument)]
        public void ConfigurationErrorsKeepTheirIdAndTarget(string errorId, ErrorCategory category)
        {
            var configuration = new AwsConfigurationException(errorId, "Something about the AWS settings.", "dev");

            ErrorRecord record = ErrorRecordFactory.Create(configuration, Target, "DatasetGroupNotFound", Source);

            Assert.Equal(errorId, record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            Assert.Equal("dev", record.TargetObject);
            Assert.Same(configuration, record.Exception);
        }

        [Fact]
        public void ConfigurationErrorsWithoutATargetUseTheCallersTarget()
        {
            var configuration = new AwsConfigurationException(ErrorIds.RegionNotFound, "No region.");

            ErrorRecord record = ErrorRecordFactory.Create(configuration, Target, null, null);

            Assert.Equal(Target, record.TargetObject);
        }

        [Fact]
        public void StagingFailuresAreWriteErrorsOnTheObject()
        {
            var staging = new StagingUploadException("UploadPart", "bucket", "staging/users.csv", "AccessDenied", 403, "Access Denied");

            ErrorRecord record = ErrorRecordFactory.Create(staging, Target, "DatasetGroupNotFound", Source);

            Assert.Equal("StagingUploadFailed", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.WriteError, record.CategoryInfo.Category);
            Assert.Equal("s3://bucket/staging/users.csv", record.TargetObject);
        }

        [Theory]
        [InlineData(ErrorIds.UserIdFileNotFound, ErrorCategory.ObjectNotFound)]
        [InlineData(ErrorIds.UserIdFileNotReadable, ErrorCategory.ReadError)]
        [InlineData(ErrorIds.InvalidUserIdFileHeader, ErrorCategory.InvalidData)]
        [InlineData(ErrorIds.InvalidUserIdFile, ErrorCategory.InvalidData)]
        public void UserIdFileProblemsNameTheFile(string errorId, ErrorCategory category)
        {
            var file = new UserIdFileException(errorId, "Problem with users.csv.", "/data/users.csv", 3);

            ErrorRecord record = ErrorRecordFactory.Create(file, Target, null, Source);

            Assert.Equal(errorId, record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            Assert.Equal("/data/users.csv", record.TargetObject);
        }

        [Fact]
        public void AnythingElseIsUnexpectedUnlessTheCallerNamesIt()
        {
            var inUse = new JobNameInUseException("my-job", "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/my-job", "other data.");

            ErrorRecord unnamed = ErrorRecordFactory.Create(inUse, "my-job", null, Source);
            ErrorRecord named = ErrorRecordFactory.Create(inUse, "my-job", "JobNameInUse", Source);

            Assert.Equal("UnexpectedError", unnamed.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.NotSpecified, unnamed.CategoryInfo.Category);
            Assert.Equal("JobNameInUse", named.FullyQualifiedErrorId);
            Assert.Same(inUse, named.Exception);
            Assert.Equal("my-job", named.TargetObject);
        }

        [Fact]
        public void ExplicitRecordsKeepWhatTheCallerGave()
        {
            var problem = new ArgumentException("'x' is not a data deletion job ARN.");

            ErrorRecord record = ErrorRecordFactory.Create("InvalidJobArn", ErrorCategory.InvalidArgument, problem, "x");

            Assert.Equal("InvalidJobArn", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
            Assert.Same(problem, record.Exception);
            Assert.Equal("x", record.TargetObject);
        }
    }
}
