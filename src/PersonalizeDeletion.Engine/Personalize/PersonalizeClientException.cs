using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// A Personalize call that got no answer from the service: the endpoint could not be resolved or
    /// reached, the connection kept failing or timing out after the SDK's retries, or no credentials
    /// could be found. The message names the endpoint and the reason; the original is the inner exception.
    /// </summary>
    public sealed class PersonalizeClientException : Exception
    {
        public PersonalizeClientException(string message, string? endpoint, Exception? innerException)
            : base(message, innerException)
        {
            Endpoint = endpoint;
        }

        /// <summary>The endpoint the call was meant for, when it could be resolved.</summary>
        public string? Endpoint { get; }
    }
}
