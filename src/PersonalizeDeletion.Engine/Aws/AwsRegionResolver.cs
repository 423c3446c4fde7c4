using System.Globalization;
using System.Reflection;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// Chooses the region, first match wins: -Region (or a piped object's Region), $StoredAWSRegion, AWS_REGION,
    /// AWS_DEFAULT_REGION, the region of the profile in use (AWS.Tools ignores it; our users
    /// asked for it), the default profile's region, then EC2 instance metadata.
    /// </summary>
    internal static class AwsRegionResolver
    {
        public const string RegionVariable = "AWS_REGION";
        public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";

        private const string StoredRegionVariable = "$StoredAWSRegion";

        /// <param name="profileInUse">The credentials' profile, else AWS_PROFILE, else null.</param>
        public static (string Region, string Source) Resolve(
            AwsConnectionRequest request,
            string? profileInUse,
            AwsProfileStore profiles,
            IAwsEnvironment environment)
        {
            if (!string.IsNullOrEmpty(request.Region))
            {
                var source = request.Origin("Region");
                return (AwsRegionName.Validate(request.Region!, source), source);
            }

            var stored = ReadStoredRegion(request.StoredRegion);
            if (stored != null)
            {
                return (AwsRegionName.Validate(stored, StoredRegionVariable), StoredRegionVariable);
            }

            foreach (var variable in new[] { RegionVariable, DefaultRegionVariable })
            {
                var value = environment.GetVariable(variable);
                if (value != null)
                {
                    var source = variable + " environment variable";
                    return (AwsRegionName.Validate(value, source), source);
                }
            }

            if (profileInUse != null && profileInUse != AwsProfileStore.DefaultProfileName)
            {
                var fromProfile = FromProfile(profiles, profileInUse);
                if (fromProfile != null)
                {
                    return fromProfile.Value;
                }
            }

            var fromDefault = FromProfile(profiles, AwsProfileStore.DefaultProfileName);
            if (fromDefault != null)
            {
                return fromDefault.Value;
            }

            if (!InstanceMetadata.IsDisabled(environment))
            {
                var fromMetadata = InstanceMetadata.TryGetRegion();
                if (fromMetadata != null)
                {
                    const string source = "EC2 instance metadata";
                    return (AwsRegionName.Validate(fromMetadata, source), source);
                }
            }

            throw new AwsConfigurationException(
                ErrorIds.RegionNotFound,
                "No AWS region was found. Pass -Region (for example -Region us-east-1), set a session default with "
                + "Set-DefaultAWSRegion ($StoredAWSRegion), set the " + RegionVariable + " (or " + DefaultRegionVariable
                + ") environment variable, or add 'region = ...' to the profile in use or the 'default' profile in the shared config file.");
        }

        /// <summary>
        /// Set-DefaultAWSRegion stores a string; other AWS.Tools versions and scripts store an
        /// AWSRegion (Region property) or a RegionEndpoint (SystemName property), possibly from
        /// another AWSSDK.Core copy, hence reflection.
        /// </summary>
        private static string? ReadStoredRegion(object? stored)
        {
            switch (stored)
            {
                case null:
                    return null;
                case string text:
                    return text.Trim().Length == 0 ? null : text;
            }

            foreach (var property in new[] { "SystemName", "Region" })
            {
                if (stored.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)?.GetValue(stored) is string name
                    && name.Trim().Length > 0)
                {
                    return name;
                }
            }

            var typeName = stored.GetType().FullName ?? stored.GetType().Name;
            throw new AwsConfigurationException(
                ErrorIds.InvalidRegion,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} holds a value of type '{1}', which is not a region. Set it with Set-DefaultAWSRegion -Region <name>.",
                    StoredRegionVariable,
                    typeName),
                typeName);
        }

        private static (string Region, string Source)? FromProfile(AwsProfileStore profiles, string profileName)
        {
            if (!profiles.TryGetProfile(profileName, out var profile) || profile!.Region == null)
            {
                return null;
            }

            var source = "region of profile '" + profileName + "'";
            return (AwsRegionName.Validate(profile.Region.SystemName, source), source);
        }
    }
}
