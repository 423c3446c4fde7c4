using System;
using System.Collections.Generic;
using System.Linq;
using Amazon;
using Amazon.Runtime.CredentialManagement;

namespace PersonalizeDeletion.Aws
{
    /// <summary>What tab completion offers for -Region and -ProfileName. Only called while completing.</summary>
    internal static class AwsCompletionSource
    {
        /// <summary>Region system name to display name.</summary>
        public static IEnumerable<KeyValuePair<string, string>> RegionNames() =>
            RegionEndpoint.EnumerableAllRegions
                .OrderBy(region => region.SystemName, StringComparer.Ordinal)
                .Select(region => new KeyValuePair<string, string>(region.SystemName, region.DisplayName));

        /// <summary>Profile names from a given file, or from the shared credentials and config files.</summary>
        public static IEnumerable<string> ProfileNames(string? profileLocation)
        {
            var chain = new CredentialProfileStoreChain(string.IsNullOrEmpty(profileLocation) ? null : profileLocation);
            return chain.ListProfiles().Select(profile => profile.Name).Distinct(StringComparer.Ordinal).OrderBy(name => name, StringComparer.Ordinal);
        }
    }
}
