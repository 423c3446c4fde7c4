using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Amazon;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// Region system names: their shape, and the regions the AWS SDK knows. Regions launch faster than SDKs
    /// ship, so any well-formed name (<c>us-east-1</c>, <c>cn-north-1</c>, <c>us-gov-west-1</c>,
    /// <c>eusc-de-east-1</c>) passes <see cref="Validate"/>; whether a name is known only matters where the
    /// SDK would build the endpoint's host name from it (see <see cref="AwsSession"/>).
    /// </summary>
    internal static class AwsRegionName
    {
        private static readonly Regex Shape = new Regex(
            @"\A[a-z]{2,4}(?:-[a-z]+)+-[0-9]{1,2}\z",
            RegexOptions.CultureInvariant);

        // Partitions a commercial account cannot reach, and endpoints that are not regions of their own.
        private static readonly string[] IsolatedPartitionPrefix = { "aws-iso" };
        private const string PseudoRegionSuffix = "-regional";

        // GetBySystemName adds any name it is given to the SDK's list, as "Unknown": a typo used once is not a region.
        private const string UnlistedDisplayName = "Unknown";

        /// <summary>Returns the normalized (trimmed, lower-case) name, or throws InvalidRegion.</summary>
        /// <param name="source">Where the value came from, for the message (e.g. "-Region parameter").</param>
        public static string Validate(string value, string source)
        {
            var normalized = value.Trim().ToLowerInvariant();
            if (Shape.IsMatch(normalized))
            {
                return normalized;
            }

            throw new AwsConfigurationException(
                ErrorIds.InvalidRegion,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "'{0}' (from the {1}) is not an AWS region name. Use a region system name such as 'us-east-1' or 'eu-west-1'.",
                    value,
                    source),
                value);
        }

        /// <summary>True when the AWS SDK the module ships knows the region (every partition, isolated ones too).</summary>
        public static bool IsKnown(string region) =>
            Listed().Any(known => string.Equals(known.SystemName, region, StringComparison.Ordinal));

        /// <summary>
        /// The regions an ordinary account uses, by system name with their display names: every partition but the
        /// isolated ones, without pseudo-regions such as <c>us-east-1-regional</c>. What -Region completes and suggests.
        /// </summary>
        public static IEnumerable<KeyValuePair<string, string>> Public() =>
            Listed()
                .Where(region => !region.SystemName.EndsWith(PseudoRegionSuffix, StringComparison.Ordinal)
                    && !IsolatedPartitionPrefix.Any(prefix => (region.PartitionName ?? string.Empty).StartsWith(prefix, StringComparison.Ordinal)))
                .OrderBy(region => region.SystemName, StringComparer.Ordinal)
                .Select(region => new KeyValuePair<string, string>(region.SystemName, region.DisplayName));

        /// <summary>The public regions whose names are closest to <paramref name="region"/> (a typo's likely intent), nearest first.</summary>
        public static IReadOnlyList<string> Closest(string region, int count) =>
            Public()
                .Select(known => (Name: known.Key, Distance: EditDistance(region, known.Key)))
                .OrderBy(candidate => candidate.Distance)
                .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
                .Take(count)
                .Select(candidate => candidate.Name)
                .ToList();

        /// <summary>
        /// The InvalidRegion error for a well-formed name the SDK does not know, where it would become the endpoint's
        /// host name: such a call could only fail to resolve. A region newer than the SDK is reached with its endpoint.
        /// </summary>
        public static AwsConfigurationException Unknown(string region, string source, string endpoint) =>
            new AwsConfigurationException(
                ErrorIds.InvalidRegion,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "'{0}' (from the {1}) is not a known AWS region, so {2} does not exist. The closest known regions are {3}. "
                    + "For a region newer than this module, give its endpoint with -EndpointUrl.",
                    region,
                    source,
                    endpoint,
                    string.Join(", ", Closest(region, 3))),
                region);

        private static IEnumerable<RegionEndpoint> Listed() =>
            RegionEndpoint.EnumerableAllRegions.Where(region => !string.Equals(region.DisplayName, UnlistedDisplayName, StringComparison.Ordinal));

        /// <summary>Optimal string alignment distance: a swap of two neighbours ("esat" for "east") counts as one edit.</summary>
        private static int EditDistance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (var j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                    }
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
