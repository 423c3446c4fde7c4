namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// Resolves the AWS common parameters of a cmdlet call into an <see cref="AwsSession"/>, or
    /// throws <see cref="AwsConfigurationException"/>. Malformed parameters are reported before
    /// anything is read from disk or the network.
    /// </summary>
    internal static class AwsSessionResolver
    {
        public static AwsSession Resolve(AwsConnectionRequest request, IAwsEnvironment? environment = null)
        {
            if (request == null)
            {
                throw new System.ArgumentNullException(nameof(request));
            }

            environment ??= ProcessAwsEnvironment.Instance;

            var endpointUrl = string.IsNullOrWhiteSpace(request.EndpointUrl) ? null : AwsEndpointUrl.Validate(request.EndpointUrl!);
            if (!string.IsNullOrEmpty(request.Region))
            {
                AwsRegionName.Validate(request.Region!, request.Origin("Region"));
            }

            var profiles = new AwsProfileStore(request.ProfileLocation, environment);
            var credentials = AwsCredentialResolver.Resolve(request, profiles, environment);
            var regionProfile = credentials.ProfileName ?? environment.GetVariable(AwsCredentialResolver.ProfileVariable);
            var (region, regionSource) = AwsRegionResolver.Resolve(request, regionProfile, profiles, environment);

            return new AwsSession(
                credentials.Credentials,
                credentials.Source,
                region,
                regionSource,
                endpointUrl,
                credentials.ProfileName,
                // The file the profile was actually read from goes to the clients, so the SDK reads
                // that profile's endpoint and retry settings from the same place rather than from
                // the locations it froze at its first use.
                credentials.ProfileName != null ? profiles.CredentialsFilePath : profiles.ExplicitLocation);
        }
    }
}
