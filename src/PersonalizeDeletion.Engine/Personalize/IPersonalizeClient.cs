using System;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// The five Personalize operations the module uses. Kept small and free of AWSSDK types so the
    /// official AWSSDK.Personalize package could stand behind it if it ever becomes available.
    /// Service errors surface as <see cref="PersonalizeServiceException"/> (or a subclass).
    /// </summary>
    internal interface IPersonalizeClient : IDisposable
    {
        /// <summary>Returns the new job's ARN.</summary>
        Task<string> CreateDataDeletionJobAsync(CreateDataDeletionJobInput input, CancellationToken cancellationToken);

        Task<DataDeletionJobInfo> DescribeDataDeletionJobAsync(string dataDeletionJobArn, CancellationToken cancellationToken);

        /// <summary>One page; newest first. <paramref name="datasetGroupArn"/> null lists the whole account and region.</summary>
        Task<Page<DataDeletionJobInfo>> ListDataDeletionJobsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken);

        Task<DatasetGroupInfo> DescribeDatasetGroupAsync(string datasetGroupArn, CancellationToken cancellationToken);

        Task<Page<DatasetGroupInfo>> ListDatasetGroupsAsync(string? nextToken, int? maxResults, CancellationToken cancellationToken);
    }
}
