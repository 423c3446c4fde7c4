using System.Globalization;
using System.Text.RegularExpressions;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// Checks the shape of a region system name. Regions launch faster than SDKs ship, so any
    /// well-formed name (<c>us-east-1</c>, <c>cn-north-1</c>, <c>us-gov-west-1</c>,
    /// <c>eu-isoe-west-1</c>) is accepted; only text that cannot be a region is refused.
    /// </summary>
    internal static class AwsRegionName
    {
        private static readonly Regex Shape = new Regex(
            @"\A[a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}\z",
            RegexOptions.CultureInvariant);

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
    }
}
