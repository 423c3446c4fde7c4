using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PersonalizeDeletion.Personalize;
using Xunit;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>
    /// Realistic answers of the operations behind the assurance checks, each first checked against the model's
    /// output shape, read through the whole SDK pipeline.
    /// </summary>
    public sealed class AssuranceOperationResponseTests
    {
        private const string Prefix = "arn:aws:personalize:eu-west-1:123456789012:";
        private const string GroupArn = Prefix + "dataset-group/shop";
        private const string SolutionArn = Prefix + "solution/shop-recs";
        private const string VersionArn = SolutionArn + "/4f1a2b3c";
        private const string OtherVersionArn = SolutionArn + "/9e8d7c6b";
        private const string RoleArn = "arn:aws:iam::123456789012:role/PersonalizeS3Access";
        private const string KmsArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd";

        private static readonly DateTime Created = new DateTime(2026, 3, 1, 8, 0, 0, 250, DateTimeKind.Utc);
        private static readonly DateTime Updated = new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);
        private static readonly string CreatedJson = "1772352000.25";
        private static readonly string UpdatedJson = "1772357400";

        private static readonly ServiceModel Model = ServiceModel.Instance;

        [Fact]
        public void The_time_literals_are_the_times_the_assertions_expect()
        {
            Assert.Equal(Created, DateTimeOffset.FromUnixTimeMilliseconds(1772352000250).UtcDateTime);
            Assert.Equal(Updated, DateTimeOffset.FromUnixTimeSeconds(1772357400).UtcDateTime);
        }

        [Fact]
        public async Task ListSolutions_reads_every_summary_member_and_the_next_token()
        {
            using var server = Serve("ListSolutions",
                "{\"solutions\":[{\"name\":\"shop-recs\",\"solutionArn\":\"" + SolutionArn + "\",\"status\":\"ACTIVE\",\"creationDateTime\":" + CreatedJson +
                ",\"lastUpdatedDateTime\":" + UpdatedJson + ",\"recipeArn\":\"arn:aws:personalize:::recipe/aws-user-personalization-v2\"}],\"nextToken\":\"page-2\"}");
            using var client = StubClients.For(server);

            Page<SolutionInfo> page = await client.ListSolutionsAsync(GroupArn, "page-1", 100, CancellationToken.None);

            SolutionInfo solution = Assert.Single(page.Items);
            Assert.Equal("shop-recs", solution.Name);
            Assert.Equal(SolutionArn, solution.SolutionArn);
            Assert.Equal("ACTIVE", solution.Status);
            Assert.Equal("arn:aws:personalize:::recipe/aws-user-personalization-v2", solution.RecipeArn);
            Assert.Equal(Created, solution.CreationDateTime);
            Assert.Equal(Updated, solution.LastUpdatedDateTime);
            Assert.Equal("page-2", page.NextToken);
            AssertSent(server, "ListSolutions", ("datasetGroupArn", GroupArn), ("nextToken", "page-1"));
        }

        [Fact]
        public async Task ListSolutionVersions_reads_training_mode_and_type_status_times_and_failure()
        {
            using var server = Serve("ListSolutionVersions",
                "{\"solutionVersions\":[" +
                "{\"solutionVersionArn\":\"" + VersionArn + "\",\"status\":\"CREATE IN_PROGRESS\",\"trainingMode\":\"UPDATE\",\"trainingType\":\"AUTOMATIC\",\"creationDateTime\":" + CreatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + "}," +
                "{\"solutionVersionArn\":\"" + OtherVersionArn + "\",\"status\":\"CREATE FAILED\",\"trainingMode\":\"FULL\",\"trainingType\":\"MANUAL\",\"failureReason\":\"Not enough interactions\"}]}");
            using var client = StubClients.For(server);

            Page<SolutionVersionInfo> page = await client.ListSolutionVersionsAsync(SolutionArn, null, 100, CancellationToken.None);

            Assert.Null(page.NextToken);
            Assert.Equal(new[] { VersionArn, OtherVersionArn }, page.Items.Select(v => v.SolutionVersionArn));
            Assert.Equal("CREATE IN_PROGRESS", page.Items[0].Status);
            Assert.Equal("UPDATE", page.Items[0].TrainingMode);
            Assert.Equal("AUTOMATIC", page.Items[0].TrainingType);
            Assert.Equal(Created, page.Items[0].CreationDateTime);
            Assert.Equal(Updated, page.Items[0].LastUpdatedDateTime);
            Assert.Equal("Not enough interactions", page.Items[1].FailureReason);
            Assert.Null(page.Items[1].CreationDateTime);
            AssertSent(server, "ListSolutionVersions", ("solutionArn", SolutionArn));
        }

        [Fact]
        public async Task ListCampaigns_reads_summaries_which_do_not_say_the_deployed_version()
        {
            using var server = Serve("ListCampaigns",
                "{\"campaigns\":[{\"name\":\"shop-live\",\"campaignArn\":\"" + Prefix + "campaign/shop-live\",\"status\":\"ACTIVE\",\"creationDateTime\":" + CreatedJson +
                ",\"lastUpdatedDateTime\":" + UpdatedJson + ",\"failureReason\":\"none\"}]}");
            using var client = StubClients.For(server);

            CampaignInfo campaign = Assert.Single((await client.ListCampaignsAsync(SolutionArn, null, 100, CancellationToken.None)).Items);

            Assert.Equal("shop-live", campaign.Name);
            Assert.Equal(Prefix + "campaign/shop-live", campaign.CampaignArn);
            Assert.Equal("ACTIVE", campaign.Status);
            Assert.Equal(Created, campaign.CreationDateTime);
            Assert.Equal(Updated, campaign.LastUpdatedDateTime);
            Assert.Equal("none", campaign.FailureReason);
            Assert.Null(campaign.SolutionVersionArn);
            AssertSent(server, "ListCampaigns", ("solutionArn", SolutionArn));
        }

        [Fact]
        public async Task DescribeCampaign_reads_the_deployed_version_and_not_the_one_of_its_latest_update()
        {
            using var server = Serve("DescribeCampaign",
                "{\"campaign\":{\"name\":\"shop-live\",\"campaignArn\":\"" + Prefix + "campaign/shop-live\",\"solutionVersionArn\":\"" + VersionArn + "\",\"minProvisionedTPS\":1," +
                "\"campaignConfig\":{\"itemExplorationConfig\":{\"explorationWeight\":\"0.3\"},\"enableMetadataWithRecommendations\":false,\"syncWithLatestSolutionVersion\":true,\"rankingInfluence\":{\"POPULARITY\":0.5}}," +
                "\"status\":\"ACTIVE\",\"creationDateTime\":" + CreatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + "," +
                "\"latestCampaignUpdate\":{\"solutionVersionArn\":\"" + OtherVersionArn + "\",\"minProvisionedTPS\":2,\"status\":\"CREATE IN_PROGRESS\",\"creationDateTime\":" + UpdatedJson + "}}}");
            using var client = StubClients.For(server);

            CampaignInfo campaign = await client.DescribeCampaignAsync(Prefix + "campaign/shop-live", CancellationToken.None);

            Assert.Equal(VersionArn, campaign.SolutionVersionArn);
            Assert.Equal("ACTIVE", campaign.Status);
            Assert.Equal(Created, campaign.CreationDateTime);
            Assert.Equal(Updated, campaign.LastUpdatedDateTime);
            Assert.Equal("shop-live", campaign.Name);
            AssertSent(server, "DescribeCampaign", ("campaignArn", Prefix + "campaign/shop-live"));
        }

        [Fact]
        public async Task ListDatasets_reads_every_summary_member()
        {
            using var server = Serve("ListDatasets",
                "{\"datasets\":[{\"name\":\"interactions\",\"datasetArn\":\"" + Prefix + "dataset/shop/INTERACTIONS\",\"datasetType\":\"Interactions\",\"status\":\"ACTIVE\"," +
                "\"creationDateTime\":" + CreatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + "}]}");
            using var client = StubClients.For(server);

            DatasetInfo dataset = Assert.Single((await client.ListDatasetsAsync(GroupArn, null, 100, CancellationToken.None)).Items);

            Assert.Equal("interactions", dataset.Name);
            Assert.Equal(Prefix + "dataset/shop/INTERACTIONS", dataset.DatasetArn);
            Assert.Equal("Interactions", dataset.DatasetType);
            Assert.Equal("ACTIVE", dataset.Status);
            Assert.Equal(Created, dataset.CreationDateTime);
            Assert.Equal(Updated, dataset.LastUpdatedDateTime);
            AssertSent(server, "ListDatasets", ("datasetGroupArn", GroupArn));
        }

        [Fact]
        public async Task ListDatasetImportJobs_reads_every_summary_member()
        {
            using var server = Serve("ListDatasetImportJobs",
                "{\"datasetImportJobs\":[{\"datasetImportJobArn\":\"" + Prefix + "dataset-import-job/nightly-1\",\"jobName\":\"nightly-1\",\"status\":\"CREATE PENDING\"," +
                "\"creationDateTime\":" + CreatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + ",\"failureReason\":\"x\",\"importMode\":\"INCREMENTAL\"}]}");
            using var client = StubClients.For(server);

            DatasetImportJobInfo job = Assert.Single((await client.ListDatasetImportJobsAsync(Prefix + "dataset/shop/INTERACTIONS", null, 100, CancellationToken.None)).Items);

            Assert.Equal("nightly-1", job.JobName);
            Assert.Equal(Prefix + "dataset-import-job/nightly-1", job.DatasetImportJobArn);
            Assert.Equal("CREATE PENDING", job.Status);
            Assert.Equal("INCREMENTAL", job.ImportMode);
            Assert.Equal("x", job.FailureReason);
            Assert.Equal(Created, job.CreationDateTime);
            Assert.Equal(Updated, job.LastUpdatedDateTime);
            AssertSent(server, "ListDatasetImportJobs", ("datasetArn", Prefix + "dataset/shop/INTERACTIONS"));
        }

        [Fact]
        public async Task ListBatchInferenceJobs_reads_summaries_with_their_solution_version_but_no_output()
        {
            using var server = Serve("ListBatchInferenceJobs",
                "{\"batchInferenceJobs\":[{\"batchInferenceJobArn\":\"" + Prefix + "batch-inference-job/nightly\",\"jobName\":\"nightly\",\"status\":\"IN PROGRESS\"," +
                "\"creationDateTime\":" + CreatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + ",\"failureReason\":\"y\",\"solutionVersionArn\":\"" + VersionArn + "\",\"batchInferenceJobMode\":\"BATCH_INFERENCE\"}]}");
            using var client = StubClients.For(server);

            BatchJobInfo job = Assert.Single((await client.ListBatchInferenceJobsAsync(null, null, 100, CancellationToken.None)).Items);

            Assert.Equal("nightly", job.JobName);
            Assert.Equal(Prefix + "batch-inference-job/nightly", job.JobArn);
            Assert.Equal(VersionArn, job.SolutionVersionArn);
            Assert.Equal("IN PROGRESS", job.Status);
            Assert.Equal("y", job.FailureReason);
            Assert.Equal(Created, job.CreationDateTime);
            Assert.Equal(Updated, job.LastUpdatedDateTime);
            Assert.Null(job.OutputPath);
            AssertSent(server, "ListBatchInferenceJobs");
        }

        [Fact]
        public async Task ListBatchSegmentJobs_reads_summaries_with_their_solution_version()
        {
            using var server = Serve("ListBatchSegmentJobs",
                "{\"batchSegmentJobs\":[{\"batchSegmentJobArn\":\"" + Prefix + "batch-segment-job/audience\",\"jobName\":\"audience\",\"status\":\"ACTIVE\"," +
                "\"creationDateTime\":" + CreatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + ",\"solutionVersionArn\":\"" + VersionArn + "\"}],\"nextToken\":\"more\"}");
            using var client = StubClients.For(server);

            Page<BatchJobInfo> page = await client.ListBatchSegmentJobsAsync(VersionArn, null, 100, CancellationToken.None);

            BatchJobInfo job = Assert.Single(page.Items);
            Assert.Equal("audience", job.JobName);
            Assert.Equal(Prefix + "batch-segment-job/audience", job.JobArn);
            Assert.Equal(VersionArn, job.SolutionVersionArn);
            Assert.Equal("ACTIVE", job.Status);
            Assert.Equal(Created, job.CreationDateTime);
            Assert.Equal(Updated, job.LastUpdatedDateTime);
            Assert.Equal("more", page.NextToken);
            AssertSent(server, "ListBatchSegmentJobs", ("solutionVersionArn", VersionArn));
        }

        [Fact]
        public async Task DescribeBatchInferenceJob_reads_the_output_path_and_not_the_input_path()
        {
            using var server = Serve("DescribeBatchInferenceJob",
                "{\"batchInferenceJob\":{\"jobName\":\"nightly\",\"batchInferenceJobArn\":\"" + Prefix + "batch-inference-job/nightly\",\"filterArn\":\"" + Prefix + "filter/in-stock\"," +
                "\"failureReason\":\"z\",\"solutionVersionArn\":\"" + VersionArn + "\",\"numResults\":25," +
                "\"jobInput\":{\"s3DataSource\":{\"path\":\"s3://batch-input/users.json\",\"kmsKeyArn\":\"" + KmsArn + "\"}}," +
                "\"jobOutput\":{\"s3DataDestination\":{\"path\":\"s3://batch-output/nightly/\",\"kmsKeyArn\":\"" + KmsArn + "\"}}," +
                "\"batchInferenceJobConfig\":{\"itemExplorationConfig\":{\"explorationWeight\":\"0.3\"},\"rankingInfluence\":{\"FRESHNESS\":0.2}}," +
                "\"roleArn\":\"" + RoleArn + "\",\"batchInferenceJobMode\":\"THEME_GENERATION\",\"themeGenerationConfig\":{\"fieldsForThemeGeneration\":{\"itemName\":\"TITLE\"}}," +
                "\"status\":\"ACTIVE\",\"creationDateTime\":" + CreatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + "}}");
            using var client = StubClients.For(server);

            BatchJobInfo job = await client.DescribeBatchInferenceJobAsync(Prefix + "batch-inference-job/nightly", CancellationToken.None);

            Assert.Equal("s3://batch-output/nightly/", job.OutputPath);
            Assert.Equal("nightly", job.JobName);
            Assert.Equal(Prefix + "batch-inference-job/nightly", job.JobArn);
            Assert.Equal(VersionArn, job.SolutionVersionArn);
            Assert.Equal("ACTIVE", job.Status);
            Assert.Equal("z", job.FailureReason);
            Assert.Equal(Created, job.CreationDateTime);
            Assert.Equal(Updated, job.LastUpdatedDateTime);
            AssertSent(server, "DescribeBatchInferenceJob", ("batchInferenceJobArn", Prefix + "batch-inference-job/nightly"));
        }

        [Fact]
        public async Task DescribeBatchSegmentJob_reads_the_output_path()
        {
            using var server = Serve("DescribeBatchSegmentJob",
                "{\"batchSegmentJob\":{\"jobName\":\"audience\",\"batchSegmentJobArn\":\"" + Prefix + "batch-segment-job/audience\",\"solutionVersionArn\":\"" + VersionArn + "\",\"numResults\":100," +
                "\"jobInput\":{\"s3DataSource\":{\"path\":\"s3://segment-input/items.json\"}},\"jobOutput\":{\"s3DataDestination\":{\"path\":\"s3://segment-output/audience/\"}}," +
                "\"roleArn\":\"" + RoleArn + "\",\"status\":\"CREATE FAILED\",\"failureReason\":\"Access denied\",\"creationDateTime\":" + CreatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + "}}");
            using var client = StubClients.For(server);

            BatchJobInfo job = await client.DescribeBatchSegmentJobAsync(Prefix + "batch-segment-job/audience", CancellationToken.None);

            Assert.Equal("s3://segment-output/audience/", job.OutputPath);
            Assert.Equal(Prefix + "batch-segment-job/audience", job.JobArn);
            Assert.Equal("CREATE FAILED", job.Status);
            Assert.Equal("Access denied", job.FailureReason);
            Assert.Equal(Created, job.CreationDateTime);
            AssertSent(server, "DescribeBatchSegmentJob", ("batchSegmentJobArn", Prefix + "batch-segment-job/audience"));
        }

        [Fact]
        public async Task ListRecommenders_reads_summaries_which_do_not_show_updates()
        {
            using var server = Serve("ListRecommenders",
                "{\"recommenders\":[{\"name\":\"for-you\",\"recommenderArn\":\"" + Prefix + "recommender/for-you\",\"datasetGroupArn\":\"" + GroupArn + "\"," +
                "\"recipeArn\":\"arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you\",\"recommenderConfig\":{\"minRecommendationRequestsPerSecond\":1}," +
                "\"status\":\"CREATE IN_PROGRESS\",\"creationDateTime\":" + CreatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + "}]}");
            using var client = StubClients.For(server);

            RecommenderInfo recommender = Assert.Single((await client.ListRecommendersAsync(GroupArn, null, 100, CancellationToken.None)).Items);

            Assert.Equal("for-you", recommender.Name);
            Assert.Equal(Prefix + "recommender/for-you", recommender.RecommenderArn);
            Assert.Equal(GroupArn, recommender.DatasetGroupArn);
            Assert.Equal("arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you", recommender.RecipeArn);
            Assert.Equal("CREATE IN_PROGRESS", recommender.Status);
            Assert.Equal(Created, recommender.CreationDateTime);
            Assert.Equal(Updated, recommender.LastUpdatedDateTime);
            Assert.Null(recommender.LatestUpdate);
            AssertSent(server, "ListRecommenders", ("datasetGroupArn", GroupArn));
        }

        [Fact]
        public async Task DescribeRecommender_reads_the_latest_update_and_skips_configuration_and_metrics()
        {
            using var server = Serve("DescribeRecommender",
                "{\"recommender\":{\"recommenderArn\":\"" + Prefix + "recommender/for-you\",\"datasetGroupArn\":\"" + GroupArn + "\",\"name\":\"for-you\"," +
                "\"recipeArn\":\"arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you\"," +
                "\"recommenderConfig\":{\"itemExplorationConfig\":{\"explorationWeight\":\"0.1\"},\"minRecommendationRequestsPerSecond\":2,\"trainingDataConfig\":{\"excludedDatasetColumns\":{\"Items\":[\"PRICE\"]}},\"enableMetadataWithRecommendations\":true}," +
                "\"creationDateTime\":" + CreatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + ",\"status\":\"ACTIVE\",\"failureReason\":\"none\"," +
                "\"latestRecommenderUpdate\":{\"recommenderConfig\":{\"minRecommendationRequestsPerSecond\":3},\"creationDateTime\":" + UpdatedJson + ",\"lastUpdatedDateTime\":" + UpdatedJson + ",\"status\":\"CREATE IN_PROGRESS\",\"failureReason\":\"later\"}," +
                "\"modelMetrics\":{\"coverage\":0.27,\"precision_at_25\":0.05}}}");
            using var client = StubClients.For(server);

            RecommenderInfo recommender = await client.DescribeRecommenderAsync(Prefix + "recommender/for-you", CancellationToken.None);

            Assert.Equal("ACTIVE", recommender.Status);
            Assert.Equal("none", recommender.FailureReason);
            Assert.Equal(Created, recommender.CreationDateTime);
            RecommenderUpdateInfo update = Assert.IsType<RecommenderUpdateInfo>(recommender.LatestUpdate);
            Assert.Equal("CREATE IN_PROGRESS", update.Status);
            Assert.Equal(Updated, update.CreationDateTime);
            Assert.Equal(Updated, update.LastUpdatedDateTime);
            Assert.Equal("later", update.FailureReason);
            AssertSent(server, "DescribeRecommender", ("recommenderArn", Prefix + "recommender/for-you"));
        }

        [Fact]
        public async Task PageReader_follows_every_next_token_with_the_largest_page_the_model_allows()
        {
            using var server = new StubPersonalizeServer()
                .Then(Answer("ListSolutions", "{\"solutions\":[{\"name\":\"a\",\"solutionArn\":\"" + Prefix + "solution/a\"}],\"nextToken\":\"t1\"}"))
                .Then(Answer("ListSolutions", "{\"solutions\":[{\"name\":\"b\",\"solutionArn\":\"" + Prefix + "solution/b\"}],\"nextToken\":\"t2\"}"))
                .Then(Answer("ListSolutions", "{\"solutions\":[{\"name\":\"c\",\"solutionArn\":\"" + Prefix + "solution/c\"}]}"));
            using var client = StubClients.For(server);

            List<SolutionInfo> all = await PageReader.ReadAllAsync<SolutionInfo>((token, size, ct) => client.ListSolutionsAsync(GroupArn, token, size, ct), "ListSolutions", CancellationToken.None);

            Assert.Equal(new[] { "a", "b", "c" }, all.Select(s => s.Name));
            var sent = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
            Assert.Equal(3, sent.Count);
            Assert.All(sent, body => Assert.Equal(100, body.GetProperty("maxResults").GetInt32()));
            Assert.All(sent, body => Assert.Empty(Model.Validate("ListSolutionsRequest", body)));
            Assert.False(sent[0].TryGetProperty("nextToken", out _));
            Assert.Equal("t1", sent[1].GetProperty("nextToken").GetString());
            Assert.Equal("t2", sent[2].GetProperty("nextToken").GetString());
        }

        [Fact]
        public async Task PageReader_stops_when_the_service_hands_back_the_token_it_was_given()
        {
            var pages = 0;

            var error = await Assert.ThrowsAsync<PersonalizeClientException>(() => PageReader.ReadAllAsync<string>(
                (token, size, ct) =>
                {
                    pages++;
                    return Task.FromResult(new Page<string>(new[] { "item" }, "same"));
                },
                "ListSolutions",
                CancellationToken.None));

            Assert.Equal(2, pages);
            Assert.Contains("ListSolutions", error.Message, StringComparison.Ordinal);
        }

        public static TheoryData<string, string, Type> ModelledErrors() => Model.ErrorCases(Operations);

        [Theory]
        [MemberData(nameof(ModelledErrors))]
        public async Task Each_modelled_error_surfaces_as_its_typed_exception(string operation, string errorCode, Type expectedType)
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Error(400, errorCode, "what went wrong", requestId: "req-" + errorCode));
            using var client = StubClients.For(server, maxErrorRetry: 0);

            var error = await Assert.ThrowsAnyAsync<PersonalizeServiceException>(() => Invoke(client, operation));

            Assert.IsType(expectedType, error);
            Assert.Equal(errorCode, error.ErrorCode);
            Assert.Equal("what went wrong", error.Message);
            Assert.Equal("req-" + errorCode, error.RequestId);
            Assert.IsAssignableFrom<AmazonServiceException>(error.InnerException);
        }

        public static TheoryData<string> OperationNames() => new TheoryData<string>(Operations);

        [Theory]
        [MemberData(nameof(OperationNames))]
        public async Task A_missing_permission_keeps_its_error_code_for_the_checks_to_name(string operation)
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Error(400, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/x is not authorized to perform: personalize:" + operation));
            using var client = StubClients.For(server, maxErrorRetry: 0);

            var error = await Assert.ThrowsAsync<PersonalizeServiceException>(() => Invoke(client, operation));

            Assert.Equal("AccessDeniedException", error.ErrorCode);
            Assert.Equal("AmazonPersonalize." + operation, Assert.Single(server.Requests).Headers["X-Amz-Target"]);
        }

        private static readonly string[] Operations =
        {
            "ListSolutions", "ListSolutionVersions", "ListCampaigns", "DescribeCampaign", "ListDatasets", "ListDatasetImportJobs",
            "ListBatchInferenceJobs", "ListBatchSegmentJobs", "DescribeBatchInferenceJob", "DescribeBatchSegmentJob", "ListRecommenders", "DescribeRecommender",
        };

        private static Task Invoke(PersonalizeClient client, string operation) => operation switch
        {
            "ListSolutions" => client.ListSolutionsAsync(GroupArn, null, null, CancellationToken.None),
            "ListSolutionVersions" => client.ListSolutionVersionsAsync(SolutionArn, null, null, CancellationToken.None),
            "ListCampaigns" => client.ListCampaignsAsync(SolutionArn, null, null, CancellationToken.None),
            "DescribeCampaign" => client.DescribeCampaignAsync(Prefix + "campaign/c", CancellationToken.None),
            "ListDatasets" => client.ListDatasetsAsync(GroupArn, null, null, CancellationToken.None),
            "ListDatasetImportJobs" => client.ListDatasetImportJobsAsync(Prefix + "dataset/shop/ITEMS", null, null, CancellationToken.None),
            "ListBatchInferenceJobs" => client.ListBatchInferenceJobsAsync(null, null, null, CancellationToken.None),
            "ListBatchSegmentJobs" => client.ListBatchSegmentJobsAsync(null, null, null, CancellationToken.None),
            "DescribeBatchInferenceJob" => client.DescribeBatchInferenceJobAsync(Prefix + "batch-inference-job/b", CancellationToken.None),
            "DescribeBatchSegmentJob" => client.DescribeBatchSegmentJobAsync(Prefix + "batch-segment-job/b", CancellationToken.None),
            "ListRecommenders" => client.ListRecommendersAsync(GroupArn, null, null, CancellationToken.None),
            "DescribeRecommender" => client.DescribeRecommenderAsync(Prefix + "recommender/r", CancellationToken.None),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

        private static StubPersonalizeServer Serve(string operation, string body) => new StubPersonalizeServer().Then(Answer(operation, body));

        /// <summary>A 200 answer whose body is first checked against the operation's output shape.</summary>
        private static StubResponse Answer(string operation, string body)
        {
            using var document = JsonDocument.Parse(body);
            Assert.Empty(Model.Validate(Model.OutputShapeOf(operation), document.RootElement));
            return StubResponse.Json(200, body);
        }

        /// <summary>The one request went to the operation, conformed to the model and carried these members.</summary>
        private static void AssertSent(StubPersonalizeServer server, string operation, params (string Name, string Value)[] members)
        {
            RecordedRequest sent = Assert.Single(server.Requests);
            Assert.Equal("AmazonPersonalize." + operation, sent.Headers["X-Amz-Target"]);
            using var body = JsonDocument.Parse(sent.Body);
            Assert.Empty(Model.Validate(Model.InputShapeOf(operation), body.RootElement));
            foreach ((string name, string value) in members)
            {
                Assert.Equal(value, body.RootElement.GetProperty(name).GetString());
            }
        }
    }
}
