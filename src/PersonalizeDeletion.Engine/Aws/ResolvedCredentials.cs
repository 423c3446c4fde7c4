using Amazon.Runtime;

namespace PersonalizeDeletion.Aws
{
    /// <summary>The credentials one call will use and where they came from.</summary>
    internal sealed class ResolvedCredentials
    {
        public ResolvedCredentials(AWSCredentials credentials, string source, string? profileName)
        {
            Credentials = credentials;
            Source = source;
            ProfileName = profileName;
        }

        public AWSCredentials Credentials { get; }

        /// <summary>Human text for -Verbose; never contains a secret.</summary>
        public string Source { get; }

        /// <summary>The profile the credentials came from, when they came from one.</summary>
        public string? ProfileName { get; }
    }
}
