using System;
using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// Chooses the credential source the way AWS Tools for PowerShell v5 does, first match wins:
    /// <list type="number">
    /// <item>-AccessKey/-SecretKey(/-SessionToken)</item>
    /// <item>-Credential</item>
    /// <item>-ProfileName and/or -ProfileLocation (a missing profile is an error, never a fall-through)</item>
    /// <item>$StoredAWSCredentials (an object, or a profile name)</item>
    /// <item>AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY(/AWS_SESSION_TOKEN)</item>
    /// <item>AWS_PROFILE, then the 'default' profile</item>
    /// <item>web identity (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN), container credentials, the instance role</item>
    /// </list>
    /// The source is fixed here; providers that call a service (STS, SSO, containers) do so on first use.
    /// </summary>
    internal static class AwsCredentialResolver
    {
        public const string AccessKeyVariable = "AWS_ACCESS_KEY_ID";
        public const string SecretKeyVariable = "AWS_SECRET_ACCESS_KEY";
        public const string LegacySecretKeyVariable = "AWS_SECRET_KEY";
        public const string SessionTokenVariable = "AWS_SESSION_TOKEN";
        public const string ProfileVariable = "AWS_PROFILE";
        public const string WebIdentityTokenFileVariable = "AWS_WEB_IDENTITY_TOKEN_FILE";
        public const string RoleArnVariable = "AWS_ROLE_ARN";
        public const string RoleSessionNameVariable = "AWS_ROLE_SESSION_NAME";
        public const string ContainerRelativeUriVariable = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
        public const string ContainerFullUriVariable = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

        private const string StoredCredentialsVariable = "$StoredAWSCredentials";

        public static ResolvedCredentials Resolve(AwsConnectionRequest request, AwsProfileStore profiles, IAwsEnvironment environment)
        {
            return FromKeyParameters(request)
                ?? FromCredentialParameter(request)
                ?? FromProfileParameters(request, profiles)
                ?? FromStoredCredentials(request, profiles)
                ?? FromEnvironmentKeys(environment)
                ?? FromEnvironmentProfile(profiles, environment)
                ?? FromDefaultProfile(profiles)
                ?? FromWebIdentity(environment)
                ?? FromContainer(environment)
                ?? FromInstanceMetadata(environment)
                ?? throw NotFound(environment);
        }

        private static ResolvedCredentials? FromKeyParameters(AwsConnectionRequest request)
        {
            var hasAccessKey = !string.IsNullOrEmpty(request.AccessKey);
            var hasSecretKey = !string.IsNullOrEmpty(request.SecretKey);
            var hasToken = !string.IsNullOrEmpty(request.SessionToken);
            if (!hasAccessKey && !hasSecretKey && !hasToken)
            {
                return null;
            }

            if (!hasAccessKey || !hasSecretKey)
            {
                var missing = hasAccessKey ? "-SecretKey" : hasSecretKey ? "-AccessKey" : "-AccessKey and -SecretKey";
                throw new AwsConfigurationException(
                    ErrorIds.InvalidCredentialParameters,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} is missing. -AccessKey and -SecretKey must be given together (with -SessionToken for temporary credentials).",
                        missing),
                    missing);
            }

            var source = request.FromPipeline.Contains("AccessKey")
                ? (hasToken ? "AccessKey/SecretKey/SessionToken properties of the piped object" : "AccessKey/SecretKey properties of the piped object")
                : (hasToken ? "-AccessKey/-SecretKey/-SessionToken parameters" : "-AccessKey/-SecretKey parameters");
            return hasToken
                ? new ResolvedCredentials(new SessionAWSCredentials(request.AccessKey, request.SecretKey, request.SessionToken), source, null)
                : new ResolvedCredentials(new BasicAWSCredentials(request.AccessKey, request.SecretKey), source, null);
        }

        private static ResolvedCredentials? FromCredentialParameter(AwsConnectionRequest request)
        {
            if (request.Credential == null)
            {
                return null;
            }

            var credentials = CredentialObjectReader.Read(request.Credential, "-Credential", out var label);
            return new ResolvedCredentials(credentials, WithLabel(request.Origin("Credential"), label), null);
        }

        private static ResolvedCredentials? FromProfileParameters(AwsConnectionRequest request, AwsProfileStore profiles)
        {
            if (string.IsNullOrEmpty(request.ProfileName) && profiles.ExplicitLocation == null)
            {
                return null;
            }

            // -ProfileLocation alone selects that file's default profile, as in AWS.Tools.
            var name = string.IsNullOrEmpty(request.ProfileName) ? AwsProfileStore.DefaultProfileName : request.ProfileName!;
            var reason = string.IsNullOrEmpty(request.ProfileName) ? "default profile of -ProfileLocation" : "-ProfileName";
            return FromProfile(profiles, profiles.GetProfile(name, reason), profiles.Describe(name));
        }

        private static ResolvedCredentials? FromStoredCredentials(AwsConnectionRequest request, AwsProfileStore profiles)
        {
            switch (request.StoredCredentials)
            {
                case null:
                    return null;
                case string profileName when profileName.Trim().Length == 0:
                    return null;
                case string profileName:
                    var name = profileName.Trim();
                    var profile = profiles.GetProfile(name, StoredCredentialsVariable);
                    return FromProfile(profiles, profile, StoredCredentialsVariable + " (" + profiles.Describe(name) + ")");
                default:
                    var credentials = CredentialObjectReader.Read(request.StoredCredentials, StoredCredentialsVariable, out var label);
                    return new ResolvedCredentials(credentials, WithLabel(StoredCredentialsVariable, label), null);
            }
        }

        private static ResolvedCredentials? FromEnvironmentKeys(IAwsEnvironment environment)
        {
            var accessKey = environment.GetVariable(AccessKeyVariable);
            var secretVariable = SecretKeyVariable;
            var secretKey = environment.GetVariable(SecretKeyVariable);
            if (secretKey == null)
            {
                // The SDK still honours its legacy name; so do we.
                secretVariable = LegacySecretKeyVariable;
                secretKey = environment.GetVariable(LegacySecretKeyVariable);
            }

            // Like the SDK, half a pair in the environment is not a source: the search goes on.
            if (accessKey == null || secretKey == null)
            {
                return null;
            }

            var token = environment.GetVariable(SessionTokenVariable);
            var names = AccessKeyVariable + ", " + secretVariable + (token == null ? string.Empty : ", " + SessionTokenVariable);
            AWSCredentials credentials = token == null
                ? new BasicAWSCredentials(accessKey, secretKey)
                : new SessionAWSCredentials(accessKey, secretKey, token);
            return new ResolvedCredentials(credentials, "environment variables (" + names + ")", null);
        }

        private static ResolvedCredentials? FromEnvironmentProfile(AwsProfileStore profiles, IAwsEnvironment environment)
        {
            var name = environment.GetVariable(ProfileVariable);
            if (name == null)
            {
                return null;
            }

            // The SDK also refuses to fall through past a missing AWS_PROFILE (ProfileNotFoundException).
            var profile = profiles.GetProfile(name, ProfileVariable);
            return FromProfile(profiles, profile, profiles.Describe(name) + " (named by " + ProfileVariable + ")");
        }

        private static ResolvedCredentials? FromDefaultProfile(AwsProfileStore profiles)
        {
            // A default profile holding only settings (region, output) is common and is not a source.
            if (!profiles.TryGetProfile(AwsProfileStore.DefaultProfileName, out var profile) || !profile!.CanCreateAWSCredentials)
            {
                return null;
            }

            return FromProfile(profiles, profile, profiles.Describe(AwsProfileStore.DefaultProfileName));
        }

        private static ResolvedCredentials? FromWebIdentity(IAwsEnvironment environment)
        {
            var tokenFile = environment.GetVariable(WebIdentityTokenFileVariable);
            var roleArn = environment.GetVariable(RoleArnVariable);
            if (tokenFile == null || roleArn == null)
            {
                return null;
            }

            var credentials = new AssumeRoleWithWebIdentityCredentials(tokenFile, roleArn, environment.GetVariable(RoleSessionNameVariable));
            return new ResolvedCredentials(
                credentials,
                string.Format(CultureInfo.InvariantCulture, "web identity token ({0}, {1} {2})", WebIdentityTokenFileVariable, RoleArnVariable, roleArn),
                null);
        }

        private static ResolvedCredentials? FromContainer(IAwsEnvironment environment)
        {
            var variable = environment.GetVariable(ContainerRelativeUriVariable) != null ? ContainerRelativeUriVariable
                : environment.GetVariable(ContainerFullUriVariable) != null ? ContainerFullUriVariable
                : null;
            if (variable == null)
            {
                return null;
            }

            AWSCredentials credentials;
            try
            {
                // The SDK reads the AWS_CONTAINER_* variables itself and validates the endpoint host.
                credentials = new GenericContainerCredentials();
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException)
            {
                throw new AwsConfigurationException(
                    ErrorIds.CredentialsNotFound,
                    "The container credentials endpoint in " + variable + " cannot be used: " + ex.Message,
                    variable,
                    ex);
            }

            return new ResolvedCredentials(credentials, "container credentials endpoint (" + variable + ")", null);
        }

        private static ResolvedCredentials? FromInstanceMetadata(IAwsEnvironment environment)
        {
            if (InstanceMetadata.IsDisabled(environment))
            {
                return null;
            }

            var credentials = InstanceMetadata.TryGetCredentials();
            return credentials == null ? null : new ResolvedCredentials(credentials, "instance profile (EC2 instance metadata)", null);
        }

        private static ResolvedCredentials FromProfile(AwsProfileStore profiles, CredentialProfile profile, string source) =>
            new ResolvedCredentials(profiles.CreateCredentials(profile), source, profile.Name);

        private static string WithLabel(string source, string? label) =>
            string.IsNullOrEmpty(label) ? source : source + " ('" + label + "')";

        private static AwsConfigurationException NotFound(IAwsEnvironment environment)
        {
            var imds = InstanceMetadata.IsDisabled(environment)
                ? "the EC2 instance role (skipped: " + InstanceMetadata.DisabledVariable + "=true)"
                : "the EC2 instance role";
            return new AwsConfigurationException(
                ErrorIds.CredentialsNotFound,
                "No AWS credentials were found. Supply them with -AccessKey/-SecretKey (and -SessionToken), -Credential, or "
                + "-ProfileName/-ProfileLocation; or set them for the session with Set-AWSCredential ($StoredAWSCredentials); or set the "
                + AccessKeyVariable + "/" + SecretKeyVariable + " or " + ProfileVariable + " environment variables; or add a 'default' "
                + "profile to the shared credentials file ('aws configure'). Also tried: web identity (" + WebIdentityTokenFileVariable
                + " + " + RoleArnVariable + "), container credentials (" + ContainerRelativeUriVariable + "/" + ContainerFullUriVariable
                + ") and " + imds + ".");
        }
    }
}
