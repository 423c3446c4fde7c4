using System;
using System.Globalization;

namespace PersonalizeDeletion.Aws
{
    /// <summary>Validates the -EndpointUrl parameter.</summary>
    internal static class AwsEndpointUrl
    {
        /// <summary>Returns the trimmed URL, or throws InvalidEndpointUrl.</summary>
        public static string Validate(string value)
        {
            var trimmed = value.Trim();
            if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && !string.IsNullOrEmpty(uri.Host))
            {
                return trimmed;
            }

            throw new AwsConfigurationException(
                ErrorIds.InvalidEndpointUrl,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "-EndpointUrl '{0}' is not an absolute http or https URL, such as 'https://personalize.us-east-1.amazonaws.com'.",
                    value),
                value);
        }
    }
}
