using System;
using System.Runtime.CompilerServices;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// Which sessions can share a service client: the same region, endpoint and credential source, and the very same
    /// credentials object (a client keeps the credentials it was made with).
    /// </summary>
    /// <remarks>
    /// The credentials are compared by reference, not by a hash of them: two different credentials objects must
    /// never share a client, however unlikely a hash collision.
    /// </remarks>
    internal sealed class AwsClientKey : IEquatable<AwsClientKey>
    {
        private readonly string _region;
        private readonly string _credentialSource;
        private readonly string? _endpointUrl;
        private readonly object _credentials;

        public AwsClientKey(string region, string credentialSource, string? endpointUrl, object credentials)
        {
            _region = region;
            _credentialSource = credentialSource;
            _endpointUrl = endpointUrl;
            _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        }

        public bool Equals(AwsClientKey? other) =>
            other is not null
            && ReferenceEquals(_credentials, other._credentials)
            && string.Equals(_region, other._region, StringComparison.Ordinal)
            && string.Equals(_credentialSource, other._credentialSource, StringComparison.Ordinal)
            && string.Equals(_endpointUrl, other._endpointUrl, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as AwsClientKey);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = RuntimeHelpers.GetHashCode(_credentials);
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(_region);
                hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(_credentialSource);
                return (hash * 31) + (_endpointUrl is null ? 0 : StringComparer.Ordinal.GetHashCode(_endpointUrl));
            }
        }
    }
}
