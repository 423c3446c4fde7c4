using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Personalize.Endpoints;
using PersonalizeDeletion.Personalize.Protocol;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// Amazon Personalize on AWSSDK.Core's service-client pipeline, wired the way generated SDK clients
    /// are: SigV4 signing, retries (standard/adaptive), clock-skew correction, timeouts and endpoint
    /// resolution all come from the SDK. Only the operations the module needs are modelled.
    /// </summary>
    /// <remarks>
    /// Deliberately not an <c>IAmazonService</c>: on .NET 8+ that interface has static abstract members
    /// and a netstandard2.0 type implementing it fails to load.
    /// </remarks>
    internal sealed class PersonalizeClient : AmazonServiceClient, IPersonalizeClient
    {
        private static readonly IServiceMetadata Metadata = new PersonalizeServiceMetadata();

        private string? _endpoint;

        private PersonalizeClient(AWSCredentials credentials, PersonalizeClientConfig config)
            : base(credentials, config)
        {
        }

        /// <summary>
        /// Builds a client for <paramref name="options"/>.Region, signing for that region even when the
        /// endpoint is custom (an explicit endpoint, AWS_ENDPOINT_URL_PERSONALIZE, AWS_ENDPOINT_URL or a
        /// profile's endpoint settings), where the SDK would otherwise sign for the environment's or
        /// default profile's region, or us-east-1.
        /// </summary>
        internal static PersonalizeClient Create(AWSCredentials credentials, PersonalizeClientOptions options)
        {
            if (credentials is null)
            {
                throw new ArgumentNullException(nameof(credentials));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (string.IsNullOrWhiteSpace(options.Region))
            {
                throw new ArgumentException("A region is required, for example eu-west-1.", nameof(options));
            }

            var config = new PersonalizeClientConfig
            {
                RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region),
                AuthenticationRegion = options.Region,
            };

            if (options.ProfileName is not null || options.ProfileLocation is not null)
            {
                ApplyNamedProfile(config, options);
            }

            if (options.RetryMode is RequestRetryMode retryMode)
            {
                config.RetryMode = retryMode;
            }

            if (options.MaxErrorRetry is int maxErrorRetry)
            {
                config.MaxErrorRetry = maxErrorRetry;
            }

            if (options.Timeout is TimeSpan timeout)
            {
                config.Timeout = timeout;
            }

            BlankEndpointVariables.Apply(config, "AWS_ENDPOINT_URL_PERSONALIZE");

            // Set last: ServiceURL clears RegionEndpoint, and an explicit endpoint must win over the
            // environment and profile endpoints the SDK would otherwise pick up.
            if (!string.IsNullOrEmpty(options.EndpointUrl))
            {
                config.ServiceURL = options.EndpointUrl;
            }

            return new PersonalizeClient(credentials, config);
        }

        /// <summary>
        /// The endpoint calls go to, resolved as the pipeline resolves it, for -Verbose (no secrets).
        /// Never throws: a configuration the SDK cannot resolve is described instead, and the calls
        /// themselves then fail with <see cref="PersonalizeClientException"/>.
        /// </summary>
        public string DescribeEndpoint() => TryResolveEndpoint(out var failure) ?? $"(no endpoint: {failure})";

        private string? TryResolveEndpoint(out string? failure)
        {
            failure = null;
            if (_endpoint is null)
            {
                try
                {
                    _endpoint = Config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new ListDatasetGroupsRequest())).URL;
                }
                catch (AmazonClientException exception)
                {
                    failure = exception.Message;
                }
            }

            return _endpoint;
        }

        public async Task<string> CreateDataDeletionJobAsync(CreateDataDeletionJobInput input, CancellationToken cancellationToken)
        {
            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            var request = new CreateDataDeletionJobRequest
            {
                JobName = input.JobName,
                DatasetGroupArn = input.DatasetGroupArn,
                DataLocation = input.DataLocation,
                RoleArn = input.RoleArn,
                Tags = input.Tags,
            };
            var response = await SendAsync<CreateDataDeletionJobResponse>(
                request, CreateDataDeletionJobRequestMarshaller.Instance, CreateDataDeletionJobResponseUnmarshaller.Instance, cancellationToken).ConfigureAwait(false);
            return response.DataDeletionJobArn ?? throw MissingMember("CreateDataDeletionJob", "dataDeletionJobArn");
        }

        public Task<DataDeletionJobInfo> DescribeDataDeletionJobAsync(string dataDeletionJobArn, CancellationToken cancellationToken) =>
            DescribeAsync(new DescribeDataDeletionJobRequest(dataDeletionJobArn), "dataDeletionJob", DataDeletionJobUnmarshaller.Instance, cancellationToken);

        public Task<Page<DataDeletionJobInfo>> ListDataDeletionJobsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAsync(new ListDataDeletionJobsRequest(), datasetGroupArn, nextToken, maxResults, "dataDeletionJobs", DataDeletionJobUnmarshaller.Instance, cancellationToken);

        public Task<DatasetGroupInfo> DescribeDatasetGroupAsync(string datasetGroupArn, CancellationToken cancellationToken) =>
            DescribeAsync(new DescribeDatasetGroupRequest(datasetGroupArn), "datasetGroup", DatasetGroupUnmarshaller.Instance, cancellationToken);

        public Task<Page<DatasetGroupInfo>> ListDatasetGroupsAsync(string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAsync(new ListDatasetGroupsRequest(), filter: null, nextToken, maxResults, "datasetGroups", DatasetGroupUnmarshaller.Instance, cancellationToken);

        public Task<Page<SolutionInfo>> ListSolutionsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAsync(new ListSolutionsRequest(), datasetGroupArn, nextToken, maxResults, "solutions", SolutionUnmarshaller.Instance, cancellationToken);

        public Task<Page<SolutionVersionInfo>> ListSolutionVersionsAsync(string? solutionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAsync(new ListSolutionVersionsRequest(), solutionArn, nextToken, maxResults, "solutionVersions", SolutionVersionUnmarshaller.Instance, cancellationToken);

        public Task<Page<CampaignInfo>> ListCampaignsAsync(string? solutionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAsync(new ListCampaignsRequest(), solutionArn, nextToken, maxResults, "campaigns", CampaignUnmarshaller.Instance, cancellationToken);

        public Task<CampaignInfo> DescribeCampaignAsync(string campaignArn, CancellationToken cancellationToken) =>
            DescribeAsync(new DescribeCampaignRequest(campaignArn), "campaign", CampaignUnmarshaller.Instance, cancellationToken);

        public Task<Page<DatasetInfo>> ListDatasetsAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAsync(new ListDatasetsRequest(), datasetGroupArn, nextToken, maxResults, "datasets", DatasetUnmarshaller.Instance, cancellationToken);

        public Task<Page<DatasetImportJobInfo>> ListDatasetImportJobsAsync(string? datasetArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAsync(new ListDatasetImportJobsRequest(), datasetArn, nextToken, maxResults, "datasetImportJobs", DatasetImportJobUnmarshaller.Instance, cancellationToken);

        public Task<Page<BatchJobInfo>> ListBatchInferenceJobsAsync(string? solutionVersionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAsync(new ListBatchInferenceJobsRequest(), solutionVersionArn, nextToken, maxResults, "batchInferenceJobs", BatchJobUnmarshaller.Inference, cancellationToken);

        public Task<Page<BatchJobInfo>> ListBatchSegmentJobsAsync(string? solutionVersionArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAsync(new ListBatchSegmentJobsRequest(), solutionVersionArn, nextToken, maxResults, "batchSegmentJobs", BatchJobUnmarshaller.Segment, cancellationToken);

        public Task<BatchJobInfo> DescribeBatchInferenceJobAsync(string batchInferenceJobArn, CancellationToken cancellationToken) =>
            DescribeAsync(new DescribeBatchInferenceJobRequest(batchInferenceJobArn), "batchInferenceJob", BatchJobUnmarshaller.Inference, cancellationToken);

        public Task<BatchJobInfo> DescribeBatchSegmentJobAsync(string batchSegmentJobArn, CancellationToken cancellationToken) =>
            DescribeAsync(new DescribeBatchSegmentJobRequest(batchSegmentJobArn), "batchSegmentJob", BatchJobUnmarshaller.Segment, cancellationToken);

        public Task<Page<RecommenderInfo>> ListRecommendersAsync(string? datasetGroupArn, string? nextToken, int? maxResults, CancellationToken cancellationToken) =>
            ListAsync(new ListRecommendersRequest(), datasetGroupArn, nextToken, maxResults, "recommenders", RecommenderUnmarshaller.Instance, cancellationToken);

        public Task<RecommenderInfo> DescribeRecommenderAsync(string recommenderArn, CancellationToken cancellationToken) =>
            DescribeAsync(new DescribeRecommenderRequest(recommenderArn), "recommender", RecommenderUnmarshaller.Instance, cancellationToken);

        protected override IServiceMetadata ServiceMetadata => Metadata;

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new PersonalizeEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new PersonalizeAuthSchemeHandler());
            pipeline.AddHandlerAfter<RetryHandler>(new UnansweredAttemptRecorder());
        }

        private async Task<TResponse> SendAsync<TResponse>(
            AmazonWebServiceRequest request,
            IMarshaller<IRequest, AmazonWebServiceRequest> marshaller,
            ResponseUnmarshaller unmarshaller,
            CancellationToken cancellationToken)
            where TResponse : AmazonWebServiceResponse, new()
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = marshaller,
                ResponseUnmarshaller = unmarshaller,
            };

            try
            {
                return await InvokeAsync<TResponse>(request, options, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (AmazonServiceException exception)
            {
                PersonalizeServiceException error = PersonalizeExceptionTranslator.FromServiceError(exception);
                error.AfterUnansweredAttempt = UnansweredAttemptRecorder.HadUnansweredAttempt(request);
                throw error;
            }
            catch (Exception exception) when (PersonalizeExceptionTranslator.IsClientFailure(exception))
            {
                throw PersonalizeExceptionTranslator.FromClientFailure(exception, TryResolveEndpoint(out _));
            }
        }

        private async Task<Page<T>> ListAsync<T>(
            PagedListRequest request,
            string? filter,
            string? nextToken,
            int? maxResults,
            string listMember,
            IJsonUnmarshaller<T?, JsonUnmarshallerContext> itemUnmarshaller,
            CancellationToken cancellationToken)
            where T : class
        {
            request.Filter = filter;
            request.NextToken = nextToken;
            request.MaxResults = maxResults;
            var response = await SendAsync<PagedListResponse<T>>(
                request, PagedListRequestMarshaller.Instance, new PagedListResponseUnmarshaller<T>(listMember, itemUnmarshaller), cancellationToken).ConfigureAwait(false);
            return new Page<T>(response.Items, response.NextToken);
        }

        private async Task<T> DescribeAsync<T>(
            ResourceArnRequest request,
            string resourceMember,
            IJsonUnmarshaller<T?, JsonUnmarshallerContext> resourceUnmarshaller,
            CancellationToken cancellationToken)
            where T : class
        {
            var response = await SendAsync<ResourceResponse<T>>(
                request, ResourceArnRequestMarshaller.Instance, new ResourceResponseUnmarshaller<T>(resourceMember, resourceUnmarshaller), cancellationToken).ConfigureAwait(false);
            return response.Resource ?? throw MissingMember(request.Operation, resourceMember);
        }

        private PersonalizeClientException MissingMember(string operation, string member)
        {
            var endpoint = TryResolveEndpoint(out _);
            return new PersonalizeClientException(
                $"Amazon Personalize at {endpoint ?? "(unresolved endpoint)"} answered {operation} without '{member}'.",
                endpoint,
                innerException: null);
        }

        /// <summary>
        /// AWSSDK.Core reads <c>retry_mode</c> and <c>max_attempts</c> only from the AWS_PROFILE/default
        /// profile, and endpoint settings only from <see cref="ClientConfig.Profile"/>. Point both at the
        /// profile the caller chose. Environment variables keep their precedence over the profile, as in
        /// the SDK's own resolution.
        /// </summary>
        private static void ApplyNamedProfile(PersonalizeClientConfig config, PersonalizeClientOptions options)
        {
            var profileName = options.ProfileName
                ?? NonEmptyEnvironmentVariable("AWS_PROFILE")
                ?? "default";
            config.Profile = options.ProfileLocation is null ? new Profile(profileName) : new Profile(profileName, options.ProfileLocation);

            var store = options.ProfileLocation is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(options.ProfileLocation);
            if (!store.TryGetProfile(profileName, out var profile))
            {
                return;
            }

            if (profile.RetryMode is RequestRetryMode profileRetryMode && NonEmptyEnvironmentVariable("AWS_RETRY_MODE") is null)
            {
                config.RetryMode = profileRetryMode;
            }

            if (profile.MaxAttempts is int maxAttempts && maxAttempts > 0 && NonEmptyEnvironmentVariable("AWS_MAX_ATTEMPTS") is null)
            {
                config.MaxErrorRetry = maxAttempts - 1;
            }
        }

        private static string? NonEmptyEnvironmentVariable(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }
}
