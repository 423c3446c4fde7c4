using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// The S3 questions a deletion request asks about data locations, and the removal of what it staged; also what
    /// <see cref="Jobs.StagedDataRemover"/> asks of a staged object before Wait-PDataDeletionJob -RemoveStagedData
    /// deletes it.
    /// </summary>
    internal interface IDataLocationInspector
    {
        /// <summary>Null when nothing is there (no such key, or no .csv under the folder).</summary>
        Task<DataLocationSummary?> SummarizeAsync(S3Location location, CancellationToken cancellationToken);

        /// <summary>
        /// Reads the first bytes of each object (a ranged GET): the first, in the order given, that a job could not
        /// read (its header is not USER_ID, or it is KMS-encrypted), or null.
        /// </summary>
        Task<DataLocationProblem?> CheckObjectsAsync(string bucket, IReadOnlyList<DataLocationObject> objects, CancellationToken cancellationToken);

        /// <summary>Whether <paramref name="location"/> holds exactly the bytes of <paramref name="staged"/>.</summary>
        Task<bool> HoldsSameDataAsync(string location, StagedObject staged, CancellationToken cancellationToken);

        /// <summary>
        /// The dataset groups recorded on an object this module staged (empty when none were recorded); null when
        /// the object does not exist or was not staged by this module.
        /// </summary>
        Task<IReadOnlyList<string>?> GetStagedForDatasetGroupsAsync(string bucket, string key, CancellationToken cancellationToken);

        Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken);
    }
}
