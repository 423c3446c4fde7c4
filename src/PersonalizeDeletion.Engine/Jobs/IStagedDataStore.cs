using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>What <see cref="StagedDataRemover"/> asks of the bucket: which groups an object was staged for, and deleting it.</summary>
    internal interface IStagedDataStore
    {
        /// <summary>
        /// The dataset groups recorded on an object this module staged (empty when none were recorded); null when
        /// the object does not exist or was not staged by this module.
        /// </summary>
        Task<IReadOnlyList<string>?> GetStagedForDatasetGroupsAsync(S3Location location, string? expectedBucketOwner, CancellationToken cancellationToken);

        Task DeleteAsync(S3Location location, string? expectedBucketOwner, CancellationToken cancellationToken);
    }
}
