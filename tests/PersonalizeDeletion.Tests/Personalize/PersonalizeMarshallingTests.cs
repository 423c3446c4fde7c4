using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using PersonalizeDeletion.Personalize.Protocol;
using Xunit;

namespace PersonalizeDeletion.Tests.Personalize
{
    public sealed class PersonalizeMarshallingTests
    {
        private const string DatasetGroupArn = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop";
        private const string JobArn = "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/pdj-20240101-abc";
        private const string RoleArn = "arn:aws:iam::123456789012:role/PersonalizeS3Access";

        private static readonly ServiceModel Model = ServiceModel.Instance;

        public static IEnumerable<object[]> FullyPopulatedRequests()
        {
            yield return new object[]
            {
                "CreateDataDeletionJob",
                (IMarshaller<IRequest, AmazonWebServiceRequest>)CreateDataDeletionJobRequestMarshaller.Instance,
                new CreateDataDeletionJobRequest
                {
                    JobName = "pdj-20240101-abc",
                    DatasetGroupArn = DatasetGroupArn,
                    DataLocation = "s3://bucket/staging/users.csv",
                    RoleArn = RoleArn,
                    Tags = new[] { new KeyValuePair<string, string>("team", "data platform"), new KeyValuePair<string, string>("ticket", "GDPR-42") },
                },
            };
            yield return new object[]
            {
                "DescribeDataDeletionJob",
                (IMarshaller<IRequest, AmazonWebServiceRequest>)ResourceArnRequestMarshaller.Instance,
                new DescribeDataDeletionJobRequest(JobArn),
            };
            yield return new object[]
            {
                "ListDataDeletionJobs",
                (IMarshaller<IRequest, AmazonWebServiceRequest>)PagedListRequestMarshaller.Instance,
                new ListDataDeletionJobsRequest { Filter = DatasetGroupArn, NextToken = "token+/=", MaxResults = 100 },
            };
            yield return new object[]
            {
                "DescribeDatasetGroup",
                (IMarshaller<IRequest, AmazonWebServiceRequest>)ResourceArnRequestMarshaller.Instance,
                new DescribeDatasetGroupRequest(DatasetGroupArn),
            };
            yield return new object[]
            {
                "ListDatasetGroups",
                (IMarshaller<IRequest, AmazonWebServiceRequest>)PagedListRequestMarshaller.Instance,
                new ListDatasetGroupsRequest { NextToken = "abc", MaxResults = 1 },
            };
        }

        [Theory]
        [MemberData(nameof(FullyPopulatedRequests))]
        public void Fully_populated_request_is_an_awsJson_1_1_call_that_conforms_to_the_model(string operation, IMarshaller<IRequest, AmazonWebServiceRequest> marshaller, AmazonWebServiceRequest request)
        {
            var marshalled = marshaller.Marshall(request);

            Assert.Equal("POST", marshalled.HttpMethod);
            Assert.Equal("/", marshalled.ResourcePath);
            Assert.Equal(Model.Metadata.GetProperty("targetPrefix").GetString() + "." + operation, marshalled.Headers["X-Amz-Target"]);
            Assert.Equal("application/x-amz-json-" + Model.Metadata.GetProperty("jsonVersion").GetString(), marshalled.Headers["Content-Type"]);

            using var body = JsonDocument.Parse(marshalled.Content);
            var inputShape = Model.InputShapeOf(operation);
            Assert.Empty(Model.Validate(inputShape, body.RootElement));
            // Fully populated: every member the model defines is on the wire.
            Assert.Equal(Model.MemberNames(inputShape).OrderBy(n => n), body.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n));
        }

        [Fact]
        public void CreateDataDeletionJob_carries_the_values_with_dataSource_and_tags_in_their_wire_shapes()
        {
            var marshalled = CreateDataDeletionJobRequestMarshaller.Instance.Marshall(new CreateDataDeletionJobRequest
            {
                JobName = "pdj-1",
                DatasetGroupArn = DatasetGroupArn,
                DataLocation = "s3://bucket/key.csv",
                RoleArn = RoleArn,
                Tags = new[] { new KeyValuePair<string, string>("k", "v \"quoted\"") },
            });

            using var body = JsonDocument.Parse(marshalled.Content);
            var root = body.RootElement;
            Assert.Equal("pdj-1", root.GetProperty("jobName").GetString());
            Assert.Equal(DatasetGroupArn, root.GetProperty("datasetGroupArn").GetString());
            Assert.Equal("s3://bucket/key.csv", root.GetProperty("dataSource").GetProperty("dataLocation").GetString());
            Assert.Equal(RoleArn, root.GetProperty("roleArn").GetString());
            var tag = Assert.Single(root.GetProperty("tags").EnumerateArray());
            Assert.Equal("k", tag.GetProperty("tagKey").GetString());
            Assert.Equal("v \"quoted\"", tag.GetProperty("tagValue").GetString());
        }

        [Fact]
        public void CreateDataDeletionJob_without_tags_sends_no_tags_member_and_still_has_every_required_member()
        {
            var marshalled = CreateDataDeletionJobRequestMarshaller.Instance.Marshall(new CreateDataDeletionJobRequest
            {
                JobName = "pdj-1",
                DatasetGroupArn = DatasetGroupArn,
                DataLocation = "s3://bucket/key.csv",
                RoleArn = RoleArn,
                Tags = new KeyValuePair<string, string>[0],
            });

            using var body = JsonDocument.Parse(marshalled.Content);
            Assert.False(body.RootElement.TryGetProperty("tags", out _));
            Assert.Empty(Model.Validate("CreateDataDeletionJobRequest", body.RootElement));
        }

        [Fact]
        public void List_requests_without_optional_members_send_an_empty_object()
        {
            var jobs = PagedListRequestMarshaller.Instance.Marshall(new ListDataDeletionJobsRequest());
            var groups = PagedListRequestMarshaller.Instance.Marshall(new ListDatasetGroupsRequest());

            Assert.Equal("{}", Encoding.UTF8.GetString(jobs.Content));
            Assert.Equal("{}", Encoding.UTF8.GetString(groups.Content));
        }

        [Fact]
        public void ListDatasetGroups_has_no_narrowing_member_so_a_filter_never_reaches_the_wire()
        {
            var marshalled = PagedListRequestMarshaller.Instance.Marshall(new ListDatasetGroupsRequest { Filter = DatasetGroupArn });

            Assert.Equal("{}", Encoding.UTF8.GetString(marshalled.Content));
        }

        [Fact]
        public void MaxResults_is_a_json_number()
        {
            var marshalled = PagedListRequestMarshaller.Instance.Marshall(new ListDatasetGroupsRequest { MaxResults = 25 });

            using var body = JsonDocument.Parse(marshalled.Content);
            Assert.Equal(JsonValueKind.Number, body.RootElement.GetProperty("maxResults").ValueKind);
            Assert.Equal(25, body.RootElement.GetProperty("maxResults").GetInt32());
        }

        [Fact]
        public void The_model_validator_reports_what_breaks_the_contract()
        {
            // Guards the tests above: a validator that accepts everything would make them meaningless.
            using var bad = JsonDocument.Parse(
                "{\"jobName\":\"-starts-with-dash\",\"datasetGroupArn\":\"not-an-arn\",\"roleArn\":\"" + RoleArn + "\",\"dataSource\":{\"dataLocation\":\"ftp://x\"},\"extra\":1,\"tags\":[{\"tagKey\":\"\"}]}");

            var problems = Model.Validate("CreateDataDeletionJobRequest", bad.RootElement);

            Assert.Contains(problems, p => p.StartsWith("$.jobName:"));
            Assert.Contains(problems, p => p.StartsWith("$.datasetGroupArn:"));
            Assert.Contains(problems, p => p.StartsWith("$.dataSource.dataLocation:"));
            Assert.Contains(problems, p => p.StartsWith("$.extra:"));
            Assert.Contains(problems, p => p.StartsWith("$.tags[0].tagKey:"));
            Assert.Contains(problems, p => p.StartsWith("$.tags[0].tagValue:") && p.Contains("missing"));

            using var outOfRange = JsonDocument.Parse("{\"maxResults\":101,\"nextToken\":\"caf\u00e9\"}");
            var rangeProblems = Model.Validate("ListDatasetGroupsRequest", outOfRange.RootElement);
            Assert.Contains(rangeProblems, p => p.StartsWith("$.maxResults:"));
            Assert.Contains(rangeProblems, p => p.StartsWith("$.nextToken:"));
        }
    }
}
