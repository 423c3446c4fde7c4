using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using PersonalizeDeletion.Personalize;
using Xunit;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>Realistic service answers through the whole SDK pipeline, checked against the model first.</summary>
    public sealed class PersonalizeResponseTests
    {
        private const string DatasetGroupArn = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop";
        private const string JobArn = "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/pdj-1";

        private static readonly ServiceModel Model = ServiceModel.Instance;

        [Fact]
        public async Task CreateDataDeletionJob_returns_the_new_job_arn()
        {
            using var server = new StubPersonalizeServer().Then(Answer("CreateDataDeletionJob", "{\"dataDeletionJobArn\":\"" + JobArn + "\"}"));
            using var client = StubClients.For(server);

            var arn = await client.CreateDataDeletionJobAsync(
                new CreateDataDeletionJobInput("pdj-1", DatasetGroupArn, "s3://bucket/users.csv", "arn:aws:iam::123456789012:role/r", null),
                CancellationToken.None);

            Assert.Equal(JobArn, arn);
            var sent = Assert.Single(server.Requests);
            using var body = JsonDocument.Parse(sent.Body);
            Assert.Empty(Model.Validate("CreateDataDeletionJobRequest", body.RootElement));
        }

        [Fact]
        public async Task DescribeDataDeletionJob_reads_every_member_with_fractional_epoch_timestamps_as_utc()
        {
            using var server = new StubPersonalizeServer().Then(Answer("DescribeDataDeletionJob",
                "{\"dataDeletionJob\":{\"jobName\":\"pdj-1\",\"dataDeletionJobArn\":\"" + JobArn + "\",\"datasetGroupArn\":\"" + DatasetGroupArn + "\"," +
                "\"dataSource\":{\"dataLocation\":\"s3://bucket/users.csv\"},\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"status\":\"COMPLETED\"," +
                "\"numDeleted\":1234,\"creationDateTime\":1.704067200123E9,\"lastUpdatedDateTime\":1704070800.5,\"failureReason\":\"none\"}}"));
            using var client = StubClients.For(server);

            var job = await client.DescribeDataDeletionJobAsync(JobArn, CancellationToken.None);

            Assert.Equal("pdj-1", job.JobName);
            Assert.Equal(JobArn, job.DataDeletionJobArn);
            Assert.Equal(DatasetGroupArn, job.DatasetGroupArn);
            Assert.Equal("s3://bucket/users.csv", job.DataLocation);
            Assert.Equal("arn:aws:iam::123456789012:role/r", job.RoleArn);
            Assert.Equal("COMPLETED", job.Status);
            Assert.Equal(1234, job.NumDeleted);
            Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc), job.CreationDateTime);
            Assert.Equal(DateTimeKind.Utc, job.CreationDateTime!.Value.Kind);
            Assert.Equal(new DateTime(2024, 1, 1, 1, 0, 0, 500, DateTimeKind.Utc), job.LastUpdatedDateTime);
            Assert.Equal(DateTimeKind.Utc, job.LastUpdatedDateTime!.Value.Kind);
            Assert.Equal("none", job.FailureReason);
            Assert.Equal("AmazonPersonalize.DescribeDataDeletionJob", Assert.Single(server.Requests).Headers["X-Amz-Target"]);
        }

        [Fact]
        public async Task DescribeDataDeletionJob_leaves_missing_optional_members_null_and_skips_unknown_ones()
        {
            using var server = new StubPersonalizeServer().Then(Answer("DescribeDataDeletionJob",
                "{\"dataDeletionJob\":{\"dataDeletionJobArn\":\"" + JobArn + "\",\"status\":\"PENDING\",\"creationDateTime\":1704067200}}",
                extra: ",\"futureMember\":{\"nested\":[1,2,{\"x\":null}]}"));
            using var client = StubClients.For(server);

            var job = await client.DescribeDataDeletionJobAsync(JobArn, CancellationToken.None);

            Assert.Equal(JobArn, job.DataDeletionJobArn);
            Assert.Equal("PENDING", job.Status);
            Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), job.CreationDateTime);
            Assert.Null(job.JobName);
            Assert.Null(job.DataLocation);
            Assert.Null(job.NumDeleted);
            Assert.Null(job.LastUpdatedDateTime);
            Assert.Null(job.FailureReason);
        }

        [Fact]
        public async Task ListDataDeletionJobs_reads_summaries_and_the_next_token()
        {
            using var server = new StubPersonalizeServer().Then(Answer("ListDataDeletionJobs",
                "{\"dataDeletionJobs\":[" +
                "{\"dataDeletionJobArn\":\"" + JobArn + "\",\"datasetGroupArn\":\"" + DatasetGroupArn + "\",\"jobName\":\"pdj-1\",\"status\":\"IN_PROGRESS\",\"creationDateTime\":1704067200.25,\"lastUpdatedDateTime\":1704067260}," +
                "{\"dataDeletionJobArn\":\"" + JobArn + "-2\",\"jobName\":\"pdj-1-2\",\"status\":\"FAILED\",\"failureReason\":\"Access denied\"}]," +
                "\"nextToken\":\"page-2\"}"));
            using var client = StubClients.For(server);

            var page = await client.ListDataDeletionJobsAsync(DatasetGroupArn, "page-1", 2, CancellationToken.None);

            Assert.Equal("page-2", page.NextToken);
            Assert.Equal(new[] { "pdj-1", "pdj-1-2" }, page.Items.Select(j => j.JobName));
            Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, 250, DateTimeKind.Utc), page.Items[0].CreationDateTime);
            Assert.Equal("FAILED", page.Items[1].Status);
            Assert.Equal("Access denied", page.Items[1].FailureReason);
            Assert.Null(page.Items[1].CreationDateTime);
            using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
            Assert.Equal("page-1", body.RootElement.GetProperty("nextToken").GetString());
            Assert.Equal(2, body.RootElement.GetProperty("maxResults").GetInt32());
            Assert.Equal(DatasetGroupArn, body.RootElement.GetProperty("datasetGroupArn").GetString());
        }

        [Fact]
        public async Task The_last_page_has_no_next_token_and_an_empty_list_is_empty()
        {
            using var server = new StubPersonalizeServer()
                .Then(Answer("ListDatasetGroups", "{\"datasetGroups\":[]}"))
                .Then(Answer("ListDataDeletionJobs", "{}"));
            using var client = StubClients.For(server);

            var groups = await client.ListDatasetGroupsAsync(null, null, CancellationToken.None);
            var jobs = await client.ListDataDeletionJobsAsync(null, null, null, CancellationToken.None);

            Assert.Empty(groups.Items);
            Assert.Null(groups.NextToken);
            Assert.Empty(jobs.Items);
            Assert.Null(jobs.NextToken);
        }

        [Fact]
        public async Task DescribeDatasetGroup_reads_every_member()
        {
            using var server = new StubPersonalizeServer().Then(Answer("DescribeDatasetGroup",
                "{\"datasetGroup\":{\"name\":\"shop\",\"datasetGroupArn\":\"" + DatasetGroupArn + "\",\"status\":\"ACTIVE\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\"," +
                "\"kmsKeyArn\":\"arn:aws:kms:eu-west-1:123456789012:key/abc\",\"creationDateTime\":1600000000.999,\"lastUpdatedDateTime\":1600000001," +
                "\"failureReason\":\"x\",\"domain\":\"ECOMMERCE\"}}"));
            using var client = StubClients.For(server);

            var group = await client.DescribeDatasetGroupAsync(DatasetGroupArn, CancellationToken.None);

            Assert.Equal("shop", group.Name);
            Assert.Equal(DatasetGroupArn, group.DatasetGroupArn);
            Assert.Equal("ACTIVE", group.Status);
            Assert.Equal("arn:aws:iam::123456789012:role/r", group.RoleArn);
            Assert.Equal("arn:aws:kms:eu-west-1:123456789012:key/abc", group.KmsKeyArn);
            Assert.Equal("ECOMMERCE", group.Domain);
            Assert.Equal("x", group.FailureReason);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1600000000999).UtcDateTime, group.CreationDateTime);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1600000001).UtcDateTime, group.LastUpdatedDateTime);
        }

        [Fact]
        public async Task ListDatasetGroups_reads_summaries_without_the_describe_only_members()
        {
            using var server = new StubPersonalizeServer().Then(Answer("ListDatasetGroups",
                "{\"datasetGroups\":[{\"name\":\"shop\",\"datasetGroupArn\":\"" + DatasetGroupArn + "\",\"status\":\"ACTIVE\",\"creationDateTime\":1600000000,\"lastUpdatedDateTime\":1600000001,\"domain\":\"VIDEO_ON_DEMAND\"}],\"nextToken\":\"n\"}"));
            using var client = StubClients.For(server);

            var page = await client.ListDatasetGroupsAsync("t", 10, CancellationToken.None);

            var group = Assert.Single(page.Items);
            Assert.Equal("shop", group.Name);
            Assert.Equal("VIDEO_ON_DEMAND", group.Domain);
            Assert.Null(group.RoleArn);
            Assert.Null(group.KmsKeyArn);
            Assert.Equal("n", page.NextToken);
        }

        public static TheoryData<string, string, Type> ModelledErrors() =>
            Model.ErrorCases(new[] { "CreateDataDeletionJob", "DescribeDataDeletionJob", "ListDataDeletionJobs", "DescribeDatasetGroup", "ListDatasetGroups" });

        [Theory]
        [MemberData(nameof(ModelledErrors))]
        public async Task Each_modelled_error_surfaces_as_its_typed_exception_with_message_request_id_and_status(string operation, string errorCode, Type expectedType)
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Error(400, errorCode, "what went wrong", requestId: "req-" + errorCode));
            using var client = StubClients.For(server, maxErrorRetry: 0);

            var error = await Assert.ThrowsAnyAsync<PersonalizeServiceException>(() => Invoke(client, operation));

            Assert.IsType(expectedType, error);
            Assert.Equal(errorCode, error.ErrorCode);
            Assert.Equal("what went wrong", error.Message);
            Assert.Equal("req-" + errorCode, error.RequestId);
            Assert.Equal(400, error.StatusCode);
            Assert.IsAssignableFrom<AmazonServiceException>(error.InnerException);
        }

        [Fact]
        public async Task The_error_code_is_read_from_x_amzn_ErrorType_and_namespaced___type()
        {
            using var server = new StubPersonalizeServer()
                .Then(StubResponse.Json(400, "{\"message\":\"no such group\"}", "r1", ("x-amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.personalize/")))
                .Then(StubResponse.Error(400, "com.amazonaws.personalize#InvalidInputException", "bad arn"));
            using var client = StubClients.For(server, maxErrorRetry: 0);

            var notFound = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.DescribeDatasetGroupAsync(DatasetGroupArn, CancellationToken.None));
            var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => client.DescribeDatasetGroupAsync(DatasetGroupArn, CancellationToken.None));

            Assert.Equal("no such group", notFound.Message);
            Assert.Equal("bad arn", invalid.Message);
        }

        [Fact]
        public async Task An_unmodelled_error_code_surfaces_as_the_base_service_exception()
        {
            using var server = new StubPersonalizeServer().Then(StubResponse.Error(403, "AccessDeniedException", "User is not authorized"));
            using var client = StubClients.For(server, maxErrorRetry: 0);

            var error = await Assert.ThrowsAsync<PersonalizeServiceException>(() => client.ListDatasetGroupsAsync(null, null, CancellationToken.None));

            Assert.Equal("AccessDeniedException", error.ErrorCode);
            Assert.Equal("User is not authorized", error.Message);
            Assert.Equal(403, error.StatusCode);
        }

        private static Task Invoke(PersonalizeClient client, string operation) => operation switch
        {
            "CreateDataDeletionJob" => client.CreateDataDeletionJobAsync(
                new CreateDataDeletionJobInput("pdj-1", DatasetGroupArn, "s3://b/k.csv", "arn:aws:iam::123456789012:role/r", null), CancellationToken.None),
            "DescribeDataDeletionJob" => client.DescribeDataDeletionJobAsync(JobArn, CancellationToken.None),
            "ListDataDeletionJobs" => client.ListDataDeletionJobsAsync(null, null, null, CancellationToken.None),
            "DescribeDatasetGroup" => client.DescribeDatasetGroupAsync(DatasetGroupArn, CancellationToken.None),
            "ListDatasetGroups" => client.ListDatasetGroupsAsync(null, null, CancellationToken.None),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

        /// <summary>A 200 answer whose body is first checked against the operation's output shape.</summary>
        private static StubResponse Answer(string operation, string body, bool validate = true, string extra = "")
        {
            if (validate)
            {
                using var document = JsonDocument.Parse(body);
                Assert.Empty(Model.Validate(Model.OutputShapeOf(operation), document.RootElement));
            }

            var withExtra = extra.Length == 0 ? body : body.Substring(0, body.Length - 1) + extra + "}";
            return StubResponse.Json(200, withExtra);
        }
    }
}
