using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Amazon.Runtime.Internal;
using PersonalizeDeletion.Personalize.Protocol;
using Xunit;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>The requests of the operations behind the assurance checks, against the service model.</summary>
    public sealed class AssuranceOperationMarshallingTests
    {
        private const string Prefix = "arn:aws:personalize:eu-west-1:123456789012:";

        private static readonly ServiceModel Model = ServiceModel.Instance;

        public static TheoryData<string, string> ListOperations() => new TheoryData<string, string>
        {
            { "ListSolutions", Prefix + "dataset-group/shop" },
            { "ListSolutionVersions", Prefix + "solution/shop-recs" },
            { "ListCampaigns", Prefix + "solution/shop-recs" },
            { "ListDatasets", Prefix + "dataset-group/shop" },
            { "ListDatasetImportJobs", Prefix + "dataset/shop/INTERACTIONS" },
            { "ListBatchInferenceJobs", Prefix + "solution/shop-recs/4f1a2b3c" },
            { "ListBatchSegmentJobs", Prefix + "solution/shop-recs/4f1a2b3c" },
            { "ListRecommenders", Prefix + "dataset-group/shop" },
        };

        public static TheoryData<string> ListOperationNames() => new TheoryData<string>(ListOperations().Select(row => (string)row[0]));

        public static TheoryData<string, string> DescribeOperations() => new TheoryData<string, string>
        {
            { "DescribeCampaign", Prefix + "campaign/shop-live" },
            { "DescribeBatchInferenceJob", Prefix + "batch-inference-job/nightly" },
            { "DescribeBatchSegmentJob", Prefix + "batch-segment-job/audience" },
            { "DescribeRecommender", Prefix + "recommender/for-you" },
        };

        [Theory]
        [MemberData(nameof(ListOperations))]
        public void Fully_populated_list_request_names_its_operation_and_carries_every_member_of_the_model(string operation, string filter)
        {
            PagedListRequest request = ListRequest(operation);
            request.Filter = filter;
            request.NextToken = "token+/=";
            request.MaxResults = 100;

            IRequest marshalled = PagedListRequestMarshaller.Instance.Marshall(request);

            AssertAwsJsonCall(operation, marshalled);
            using var body = JsonDocument.Parse(marshalled.Content);
            string inputShape = Model.InputShapeOf(operation);
            Assert.Empty(Model.Validate(inputShape, body.RootElement));
            Assert.Equal(Model.MemberNames(inputShape).OrderBy(n => n), body.RootElement.EnumerateObject().Select(p => p.Name).OrderBy(n => n));
            Assert.Contains(body.RootElement.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == filter);
            Assert.Equal(operation + "Request", request.GetType().Name);
        }

        [Theory]
        [MemberData(nameof(ListOperationNames))]
        public void List_request_without_a_filter_lists_the_account_with_an_empty_object(string operation)
        {
            IRequest marshalled = PagedListRequestMarshaller.Instance.Marshall(ListRequest(operation));

            Assert.Equal("{}", Encoding.UTF8.GetString(marshalled.Content));
            using var body = JsonDocument.Parse(marshalled.Content);
            Assert.Empty(Model.Validate(Model.InputShapeOf(operation), body.RootElement));
        }

        [Theory]
        [MemberData(nameof(DescribeOperations))]
        public void Describe_request_carries_the_one_required_arn_of_the_model(string operation, string arn)
        {
            ResourceArnRequest request = DescribeRequest(operation, arn);

            IRequest marshalled = ResourceArnRequestMarshaller.Instance.Marshall(request);

            AssertAwsJsonCall(operation, marshalled);
            using var body = JsonDocument.Parse(marshalled.Content);
            string inputShape = Model.InputShapeOf(operation);
            Assert.Empty(Model.Validate(inputShape, body.RootElement));
            JsonProperty only = Assert.Single(body.RootElement.EnumerateObject());
            Assert.Equal(Assert.Single(Model.Required(inputShape)), only.Name);
            Assert.Equal(arn, only.Value.GetString());
            Assert.Equal(operation + "Request", request.GetType().Name);
        }

        private static void AssertAwsJsonCall(string operation, IRequest marshalled)
        {
            Assert.Equal("POST", marshalled.HttpMethod);
            Assert.Equal("/", marshalled.ResourcePath);
            Assert.Equal(Model.Metadata.GetProperty("targetPrefix").GetString() + "." + operation, marshalled.Headers["X-Amz-Target"]);
            Assert.Equal("application/x-amz-json-" + Model.Metadata.GetProperty("jsonVersion").GetString(), marshalled.Headers["Content-Type"]);
        }

        private static PagedListRequest ListRequest(string operation) => operation switch
        {
            "ListSolutions" => new ListSolutionsRequest(),
            "ListSolutionVersions" => new ListSolutionVersionsRequest(),
            "ListCampaigns" => new ListCampaignsRequest(),
            "ListDatasets" => new ListDatasetsRequest(),
            "ListDatasetImportJobs" => new ListDatasetImportJobsRequest(),
            "ListBatchInferenceJobs" => new ListBatchInferenceJobsRequest(),
            "ListBatchSegmentJobs" => new ListBatchSegmentJobsRequest(),
            "ListRecommenders" => new ListRecommendersRequest(),
            _ => throw new KeyNotFoundException(operation),
        };

        private static ResourceArnRequest DescribeRequest(string operation, string arn) => operation switch
        {
            "DescribeCampaign" => new DescribeCampaignRequest(arn),
            "DescribeBatchInferenceJob" => new DescribeBatchInferenceJobRequest(arn),
            "DescribeBatchSegmentJob" => new DescribeBatchSegmentJobRequest(arn),
            "DescribeRecommender" => new DescribeRecommenderRequest(arn),
            _ => throw new KeyNotFoundException(operation),
        };
    }
}
