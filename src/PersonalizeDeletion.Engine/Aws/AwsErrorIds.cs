namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// ErrorIds of <see cref="AwsConfigurationException"/>. They become PowerShell ErrorIds, which
    /// scripts and tests match on, so they are public API and must never change.
    /// </summary>
    internal static class AwsErrorIds
    {
        public const string ProfileNotFound = "ProfileNotFound";
        public const string RegionNotFound = "RegionNotFound";
        public const string CredentialsNotFound = "CredentialsNotFound";
        public const string InvalidCredentialParameters = "InvalidCredentialParameters";
        public const string InvalidCredentialObject = "InvalidCredentialObject";
        public const string InvalidRegion = "InvalidRegion";
        public const string InvalidEndpointUrl = "InvalidEndpointUrl";
        public const string CredentialProfileInvalid = "CredentialProfileInvalid";
    }
}
