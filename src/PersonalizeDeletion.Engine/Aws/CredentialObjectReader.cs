using System.Globalization;
using System.Reflection;
using Amazon.Runtime;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// Turns the value of -Credential or <c>$StoredAWSCredentials</c> into credentials of our
    /// AWSSDK.Core. The value may be our AWSCredentials, one from another AWSSDK.Core copy, or an
    /// AWS.Tools <c>AWSPSCredentials</c> wrapper (its <c>Credentials</c> property is internal).
    /// </summary>
    internal static class CredentialObjectReader
    {
        private const BindingFlags AnyInstance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;

        /// <summary>Reads <paramref name="value"/> or throws InvalidCredentialObject.</summary>
        /// <param name="origin">Names where the value came from, for the message (e.g. "-Credential").</param>
        /// <param name="label">The wrapper's display name (AWSPSCredentials.Name), when it has one.</param>
        public static AWSCredentials Read(object value, string origin, out string? label)
        {
            label = null;
            if (TryReadCredentials(value, out var direct))
            {
                return direct!;
            }

            var inner = value.GetType().GetProperty("Credentials", AnyInstance)?.GetValue(value);
            if (inner != null && TryReadCredentials(inner, out var wrapped))
            {
                label = value.GetType().GetProperty("Name", AnyInstance)?.GetValue(value) as string;
                return wrapped!;
            }

            var typeName = value.GetType().FullName ?? value.GetType().Name;
            throw new AwsConfigurationException(
                ErrorIds.InvalidCredentialObject,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The {0} value of type '{1}' is not AWS credentials. Pass an AWSCredentials object (for example from AWS.Tools' Get-AWSCredential), or use -ProfileName or -AccessKey/-SecretKey.",
                    origin,
                    typeName),
                typeName);
        }

        private static bool TryReadCredentials(object value, out AWSCredentials? credentials)
        {
            if (value is AWSCredentials ours)
            {
                credentials = ours;
                return true;
            }

            var found = ForeignAwsCredentials.TryCreate(value, out var foreign);
            credentials = foreign;
            return found;
        }
    }
}
