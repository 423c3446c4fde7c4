using System;
using Amazon.Runtime;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>Builds real <see cref="PersonalizeClient"/>s pointed at a <see cref="StubPersonalizeServer"/>.</summary>
    internal static class StubClients
    {
        public const string Region = "eu-west-1";
        public const string AccessKeyId = "AKIDEXAMPLE";

        public static AWSCredentials Credentials { get; } = new BasicAWSCredentials(AccessKeyId, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

        public static PersonalizeClient For(StubPersonalizeServer server, int? maxErrorRetry = null, TimeSpan? timeout = null) =>
            PersonalizeClient.Create(Credentials, new PersonalizeClientOptions
            {
                Region = Region,
                EndpointUrl = server.Url,
                MaxErrorRetry = maxErrorRetry,
                Timeout = timeout,
            });
    }
}
