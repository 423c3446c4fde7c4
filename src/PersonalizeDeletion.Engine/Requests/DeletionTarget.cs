using System;
using System.Collections.Generic;
using System.Linq;

namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// Where a part of the input goes: the dataset groups, the role the jobs use, the staging folder, and the AWS
    /// connection in force. Parameters bound per pipeline object can change it; each change starts a new batch.
    /// </summary>
    internal sealed class DeletionTarget
    {
        private readonly Func<IDeletionServices> _connect;

        /// <param name="connectionKey">Identifies the AWS parameter values (in memory only: it may hold a secret).</param>
        /// <param name="connect">Resolves the connection, once the target is found valid and first used.</param>
        public DeletionTarget(IReadOnlyList<string> datasetGroupArns, string roleArn, string? stagingUri, string connectionKey, Func<IDeletionServices> connect)
        {
            DatasetGroupArns = datasetGroupArns;
            RoleArn = roleArn;
            StagingUri = stagingUri;
            ConnectionKey = connectionKey;
            _connect = connect;
        }

        public IReadOnlyList<string> DatasetGroupArns { get; }

        public string RoleArn { get; }

        public string? StagingUri { get; }

        public string ConnectionKey { get; }

        public IDeletionServices Connect() => _connect();

        /// <summary>Whether both send input to the same place (the same instance, or equal values).</summary>
        public bool Matches(DeletionTarget other) =>
            ReferenceEquals(this, other) || Matches(other.DatasetGroupArns, other.RoleArn, other.StagingUri, other.ConnectionKey);

        public bool Matches(IReadOnlyList<string> datasetGroupArns, string roleArn, string? stagingUri, string connectionKey) =>
            (ReferenceEquals(datasetGroupArns, DatasetGroupArns) || datasetGroupArns.SequenceEqual(DatasetGroupArns, StringComparer.Ordinal))
            && string.Equals(roleArn, RoleArn, StringComparison.Ordinal)
            && string.Equals(stagingUri, StagingUri, StringComparison.Ordinal)
            && string.Equals(connectionKey, ConnectionKey, StringComparison.Ordinal);
    }
}
