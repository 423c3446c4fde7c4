using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.Runtime.CredentialManagement;

namespace PersonalizeDeletion.Aws
{
    /// <summary>What tab completion offers for -Region and -ProfileName. Only called while completing.</summary>
    internal static class AwsCompletionSource
    {
        /// <summary>Region system name to display name, for the regions an ordinary account uses (<see cref="AwsRegionName.Public"/>).</summary>
        public static IEnumerable<KeyValuePair<string, string>> RegionNames() => AwsRegionName.Public();

        /// <summary>Profile names from a given file, or from the shared credentials and config files.</summary>
        public static IEnumerable<string> ProfileNames(string? profileLocation)
        {
            var chain = new CredentialProfileStoreChain(string.IsNullOrEmpty(profileLocation) ? null : profileLocation);
            return chain.ListProfiles().Select(profile => profile.Name).Distinct(StringComparer.Ordinal).OrderBy(name => name, StringComparer.Ordinal);
        }
    }
}
