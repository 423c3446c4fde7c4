using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// The shared credentials and config files, read through AWSSDK.Core so every profile kind it
    /// supports works (keys, assume-role, credential_process, SSO, web identity).
    /// </summary>
    /// <remarks>
    /// The credentials file path is computed here from <see cref="IAwsEnvironment"/> and handed to
    /// the SDK explicitly, because the SDK freezes AWS_SHARED_CREDENTIALS_FILE in a static
    /// constructor the first time it is touched. The config file is the SDK's choice: the file
    /// named by AWS_CONFIG_FILE, otherwise <c>config</c> beside the credentials file. The Windows
    /// encrypted SDK store is not consulted. Nothing is read until a profile is asked for.
    /// </remarks>
    internal sealed class AwsProfileStore
    {
        public const string DefaultProfileName = "default";

        private readonly IAwsEnvironment _environment;
        private CredentialProfileStoreChain? _chain;

        public AwsProfileStore(string? profileLocation, IAwsEnvironment environment)
        {
            _environment = environment;
            ExplicitLocation = string.IsNullOrEmpty(profileLocation) ? null : profileLocation;
            CredentialsFilePath = ExplicitLocation
                ?? environment.GetVariable(SharedCredentialsFile.SharedCredentialsFileEnvVar)
                ?? Path.Combine(HomeDirectory(environment), ".aws", "credentials");
        }

        /// <summary>-ProfileLocation, when given.</summary>
        public string? ExplicitLocation { get; }

        public string CredentialsFilePath { get; }

        private string ConfigFilePath =>
            _environment.GetVariable(SharedCredentialsFile.SharedConfigFileEnvVar)
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(CredentialsFilePath)) ?? string.Empty, "config");

        private CredentialProfileStoreChain Chain => _chain ??= new CredentialProfileStoreChain(CredentialsFilePath);

        public bool TryGetProfile(string name, out CredentialProfile? profile)
        {
            if (Chain.TryGetProfile(name, out var found))
            {
                profile = found;
                return true;
            }

            profile = null;
            return false;
        }

        /// <summary>The profile, or ProfileNotFound explaining where it was looked for.</summary>
        /// <param name="reason">Why this profile was wanted, e.g. "-ProfileName" or "AWS_PROFILE".</param>
        public CredentialProfile GetProfile(string name, string reason)
        {
            if (TryGetProfile(name, out var profile))
            {
                return profile!;
            }

            throw new AwsConfigurationException(
                ErrorIds.ProfileNotFound,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The profile '{0}' ({1}) was not found in {2}. Check the name with Get-AWSCredential -ListProfileDetail or 'aws configure list-profiles'.",
                    name,
                    reason,
                    DescribeFiles()),
                name);
        }

        /// <summary>
        /// Credentials for <paramref name="profile"/>. Providers that call out (STS, SSO, a
        /// credential_process) do so on first use, not here.
        /// </summary>
        public AWSCredentials CreateCredentials(CredentialProfile profile)
        {
            if (!profile.CanCreateAWSCredentials)
            {
                throw InvalidProfile(profile.Name, "it holds no credential settings (keys, role_arn, credential_process, sso_* or web_identity_token_file)", null);
            }

            try
            {
                return AWSCredentialsFactory.GetAWSCredentials(profile, Chain);
            }
            catch (Exception ex) when (ex is InvalidDataException || ex is ArgumentException || ex is AmazonClientException || ex is InvalidOperationException)
            {
                throw InvalidProfile(profile.Name, ex.Message, ex);
            }
        }

        /// <summary>"profile 'dev' from /home/u/.aws/credentials, /home/u/.aws/config" — paths only, no contents.</summary>
        public string Describe(string profileName) =>
            string.Format(CultureInfo.InvariantCulture, "profile '{0}' from {1}", profileName, DescribeFiles());

        private string DescribeFiles()
        {
            var files = new List<string>();
            if (File.Exists(CredentialsFilePath))
            {
                files.Add(CredentialsFilePath);
            }

            var config = ConfigFilePath;
            if (File.Exists(config))
            {
                files.Add(config);
            }

            return files.Count == 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} (no credentials or config file exists there)", CredentialsFilePath)
                : string.Join(", ", files);
        }

        private AwsConfigurationException InvalidProfile(string name, string problem, Exception? inner) =>
            new AwsConfigurationException(
                ErrorIds.CredentialProfileInvalid,
                string.Format(CultureInfo.InvariantCulture, "The profile '{0}' in {1} cannot provide credentials: {2}", name, DescribeFiles(), problem),
                name,
                inner);

        private static string HomeDirectory(IAwsEnvironment environment) =>
            environment.GetVariable("HOME")
            ?? environment.GetVariable("USERPROFILE")
            ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
    }
}
