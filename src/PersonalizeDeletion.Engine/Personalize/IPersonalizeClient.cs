using System;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// The Personalize operations the module uses: data deletion jobs and dataset groups, and the resources that
    /// judge a deletion's outcome (models, campaigns, imports, batch jobs, recommenders). Kept free of AWSSDK types so
    /// the official AWSSDK.Personalize package could stand behind it if it ever becomes available. Service errors
    /// surface as <see cref="PersonalizeServiceException"/> (or a subclass). List calls return one page; a null ARN
    /// filter lists the whole account and region; <see cref="PageReader"/> walks every page.
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

        Task<Page<SolutionInfo>> ListSolutionsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken);

        Task<Page<SolutionVersionInfo>> ListSolutionVersionsAsync(string? solutionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken);

        Task<Page<CampaignInfo>> ListCampaignsAsync(string? solutionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken);

        /// <summary>The only call that says which solution version a campaign deploys.</summary>
        Task<CampaignInfo> DescribeCampaignAsync(string campaignArn, CancellationToken cancellationToken);

        Task<Page<DatasetInfo>> ListDatasetsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken);

        Task<Page<DatasetImportJobInfo>> ListDatasetImportJobsAsync(string? datasetArn, string? nextToken, int? maxResults, CancellationToken cancellationToken);

        Task<Page<BatchJobInfo>> ListBatchInferenceJobsAsync(string? solutionVersionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken);

        Task<Page<BatchJobInfo>> ListBatchSegmentJobsAsync(string? solutionVersionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken);

        /// <summary>The only call that says where a batch inference job writes (<see cref="BatchJobInfo.OutputPath"/>).</summary>
        Task<BatchJobInfo> DescribeBatchInferenceJobAsync(string batchInferenceJobArn, CancellationToken cancellationToken);

        /// <summary>The only call that says where a batch segment job writes (<see cref="BatchJobInfo.OutputPath"/>).</summary>
        Task<BatchJobInfo> DescribeBatchSegmentJobAsync(string batchSegmentJobArn, CancellationToken cancellationToken);

        Task<Page<RecommenderInfo>> ListRecommendersAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken);

        /// <summary>The only call that shows a recommender's update in progress (<see cref="RecommenderInfo.LatestUpdate"/>).</summary>
        Task<RecommenderInfo> DescribeRecommenderAsync(string recommenderArn, CancellationToken cancellationToken);
    }
}
