using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>The staged objects in S3, through the module's inspector for the bucket owner expected.</summary>
    internal sealed class S3StagedDataStore : IStagedDataStore
    {
        private readonly Func<string?, S3DataLocationInspector> _inspector;

        /// <param name="inspector">The inspector for an expected bucket owner (null: no owner check).</param>
        public S3StagedDataStore(Func<string?, S3DataLocationInspector> inspector)
        {
            _inspector = inspector;
        }

        public Task<IReadOnlyList<string>?> GetStagedForDatasetGroupsAsync(S3Location location, string? expectedBucketOwner, CancellationToken cancellationToken) =>
            _inspector(expectedBucketOwner).GetStagedForDatasetGroupsAsync(location.Bucket, location.Key, cancellationToken);

        public Task DeleteAsync(S3Location location, string? expectedBucketOwner, CancellationToken cancellationToken) =>
            _inspector(expectedBucketOwner).DeleteAsync(location.Bucket, location.Key, cancellationToken);
    }
}
