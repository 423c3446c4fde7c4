using PersonalizeDeletion.Personalize;
using Xunit;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>One rule for "the service asked for fewer requests", used by both the submitter and the waiter.</summary>
    public sealed class PersonalizeServiceExceptionTests
    {
        [Theory]
        [InlineData("ThrottlingException", 400, true)]
        [InlineData("Throttling", 400, true)]
        [InlineData("TooManyRequestsException", 400, true)]
        [InlineData("SlowDown", 429, true)]
        [InlineData("LimitExceededException", 400, false)]
        [InlineData("AccessDeniedException", 400, false)]
        [InlineData("InternalServerError", 500, false)]
        public void Throttling_is_any_of_the_services_throttling_codes_or_HTTP_429(string errorCode, int status, bool expected)
        {
            Assert.Equal(expected, new PersonalizeServiceException(errorCode, "message", "req-1", status).IsThrottling);
        }
    }
}
