using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PersonalizeDeletion.Assurance;
using Xunit;

namespace PersonalizeDeletion.Tests.Assurance
{
    /// <summary>The receipt's content: the issue's fields, camelCase, ISO 8601 UTC times, null for unknown, no user ID.</summary>
    public sealed class DataDeletionReceiptTests
    {
        internal const string JobArn = "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/pdj-20260310-ab12cd";
        internal const string GroupArn = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop";
        private const string CallerArn = "arn:aws:sts::123456789012:assumed-role/DeletionRunner/ticket-42";
        private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

        private static readonly string[] ReceiptMembers =
        {
            "jobArn", "jobName", "datasetGroupArn", "region", "account", "status", "creationDateTime", "completionDateTime",
            "numDeleted", "userCount", "duplicateCount", "rejectedCount", "dataLocation", "stagedSha256", "stagedBytes",
            "callerArn", "moduleVersion", "concurrentActivity", "modelsToRetrain", "campaignsToUpdate", "externalCopies", "assurance",
        };

        [Fact]
        public void The_json_holds_exactly_the_issues_fields_in_camelCase_in_a_fixed_order()
        {
            using JsonDocument json = Parse(Receipt(Outcome()));

            Assert.Equal(ReceiptMembers, json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(new[] { "kind", "name", "arn", "status", "creationDateTime", "lastUpdatedDateTime" }, Members(json, "concurrentActivity"));
            Assert.Equal(new[] { "solutionName", "solutionArn", "solutionVersionArn", "solutionVersionCreationDateTime" }, Members(json, "modelsToRetrain"));
            Assert.Equal(new[] { "campaignName", "campaignArn", "solutionArn", "solutionVersionArn", "status" }, Members(json, "campaignsToUpdate"));
            Assert.Equal(new[] { "kind", "jobName", "jobArn", "outputLocation", "status", "creationDateTime" }, Members(json, "externalCopies"));
        }

        [Fact]
        public void The_json_carries_the_jobs_facts_the_request_counts_the_digest_and_who_ran_it()
        {
            DataDeletionReceipt receipt = Receipt(Outcome());
            using JsonDocument json = Parse(receipt);
            JsonElement root = json.RootElement;

            Assert.Equal(JobArn, root.GetProperty("jobArn").GetString());
            Assert.Equal("pdj-20260310-ab12cd", root.GetProperty("jobName").GetString());
            Assert.Equal(GroupArn, root.GetProperty("datasetGroupArn").GetString());
            Assert.Equal("eu-west-1", root.GetProperty("region").GetString());
            Assert.Equal("123456789012", root.GetProperty("account").GetString());
            Assert.Equal("COMPLETED", root.GetProperty("status").GetString());
            Assert.Equal("2026-03-10T10:00:00Z", root.GetProperty("creationDateTime").GetString());
            Assert.Equal("2026-03-10T12:00:00.25Z", root.GetProperty("completionDateTime").GetString());
            Assert.Equal(41, root.GetProperty("numDeleted").GetInt32());
            Assert.Equal(42, root.GetProperty("userCount").GetInt64());
            Assert.Equal(3, root.GetProperty("duplicateCount").GetInt64());
            Assert.Equal(1, root.GetProperty("rejectedCount").GetInt64());
            Assert.Equal("s3://staging/deletions/pdj-20260310-ab12cd-001.csv", root.GetProperty("dataLocation").GetString());
            Assert.Equal(Sha256, root.GetProperty("stagedSha256").GetString());
            Assert.Equal(4242, root.GetProperty("stagedBytes").GetInt64());
            Assert.Equal(CallerArn, root.GetProperty("callerArn").GetString());
            Assert.Equal(typeof(DataDeletionReceipt).Assembly.GetName().Version!.ToString(3), root.GetProperty("moduleVersion").GetString());
            Assert.Equal("RetrainModels", root.GetProperty("assurance").GetString());

            JsonElement activity = Assert.Single(root.GetProperty("concurrentActivity").EnumerateArray());
            Assert.Equal("DatasetImportJob", activity.GetProperty("kind").GetString());
            Assert.Equal("2026-03-10T11:00:00Z", activity.GetProperty("creationDateTime").GetString());
            JsonElement model = Assert.Single(root.GetProperty("modelsToRetrain").EnumerateArray());
            Assert.Equal("shop-recs", model.GetProperty("solutionName").GetString());
            JsonElement copy = Assert.Single(root.GetProperty("externalCopies").EnumerateArray());
            Assert.Equal("BatchSegmentJob", copy.GetProperty("kind").GetString());
            Assert.Equal("s3://out/a+b&c/", copy.GetProperty("outputLocation").GetString());
            Assert.Contains("\"s3://out/a+b&c/\"", receipt.ToJson(), StringComparison.Ordinal);
        }

        [Fact]
        public void The_object_carries_the_same_content_as_the_file()
        {
            DataDeletionReceipt receipt = Receipt(Outcome());

            Assert.Equal(JobArn, receipt.JobArn);
            Assert.Equal("123456789012", receipt.Account);
            Assert.Equal(new DateTime(2026, 3, 10, 12, 0, 0, 250, DateTimeKind.Utc), receipt.CompletionDateTime);
            Assert.Equal(Sha256, receipt.StagedSha256);
            Assert.Equal(4242, receipt.StagedBytes);
            Assert.Equal(CallerArn, receipt.CallerArn);
            Assert.Equal(DeletionAssurance.RetrainModels, receipt.Assurance);
            Assert.Equal("shop-recs", Assert.Single(receipt.ModelsToRetrain!).SolutionName);
            Assert.Equal(receipt.ToJson(), System.Text.Encoding.UTF8.GetString(DataDeletionReceiptJson.Serialize(receipt)));
        }

        [Fact]
        public void What_is_unknown_is_null_and_what_was_checked_and_not_found_is_empty()
        {
            DataDeletionJob job = Job();
            job.UserCount = null;
            job.DuplicateCount = null;
            job.RejectedCount = null;
            var outcome = new DeletionOutcome(job, DeletionAssurance.Unverified, null, Array.Empty<ModelToRetrain>(), null, Array.Empty<ExternalCopy>());

            using JsonDocument json = Parse(DataDeletionReceipt.Create(outcome, callerArn: null, stagedSha256: null, stagedBytes: null));
            JsonElement root = json.RootElement;

            foreach (string member in new[] { "userCount", "duplicateCount", "rejectedCount", "stagedSha256", "stagedBytes", "callerArn", "concurrentActivity", "campaignsToUpdate" })
            {
                Assert.Equal(JsonValueKind.Null, root.GetProperty(member).ValueKind);
            }

            Assert.Equal(0, root.GetProperty("modelsToRetrain").GetArrayLength());
            Assert.Equal(0, root.GetProperty("externalCopies").GetArrayLength());
            Assert.Equal("Unverified", root.GetProperty("assurance").GetString());
        }

        [Fact]
        public void A_job_still_running_has_no_completion_time()
        {
            DataDeletionJob job = Job();
            job.Status = DataDeletionJob.StatusInProgress;

            DataDeletionReceipt receipt = DataDeletionReceipt.Create(new DeletionOutcome(job, DeletionAssurance.Unfinished, null, null, null, null), null, null, null);

            Assert.Null(receipt.CompletionDateTime);
            using JsonDocument json = Parse(receipt);
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("completionDateTime").ValueKind);
        }

        [Fact]
        public void Times_are_written_in_utc_whatever_kind_they_arrive_as()
        {
            var local = new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc).ToLocalTime();

            Assert.Equal("2026-03-10T12:00:00Z", DataDeletionReceiptJson.FormatTime(local));
            Assert.Equal("2026-03-10T12:00:00.0001234Z", DataDeletionReceiptJson.FormatTime(new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234)));
        }

        internal static DataDeletionJob Job() => new DataDeletionJob
        {
            JobName = "pdj-20260310-ab12cd",
            JobArn = JobArn,
            DatasetGroupArn = GroupArn,
            Region = "eu-west-1",
            Status = DataDeletionJob.StatusCompleted,
            NumDeleted = 41,
            CreationDateTime = new DateTime(2026, 3, 10, 10, 0, 0, DateTimeKind.Utc),
            LastUpdatedDateTime = new DateTime(2026, 3, 10, 12, 0, 0, 250, DateTimeKind.Utc),
            DataLocation = "s3://staging/deletions/pdj-20260310-ab12cd-001.csv",
            RoleArn = "arn:aws:iam::123456789012:role/PersonalizeS3Access",
            UserCount = 42,
            DuplicateCount = 3,
            RejectedCount = 1,
            StagedObject = "s3://staging/deletions/pdj-20260310-ab12cd-001.csv",
        };

        internal static DeletionOutcome Outcome(DataDeletionJob? job = null, DeletionAssurance assurance = DeletionAssurance.RetrainModels) => new DeletionOutcome(
            job ?? Job(),
            assurance,
            new[] { new ConcurrentActivity(ConcurrentActivityKind.DatasetImportJob, "nightly", "arn:aws:personalize:eu-west-1:123456789012:dataset-import-job/nightly", "ACTIVE", new DateTime(2026, 3, 10, 11, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 11, 5, 0, DateTimeKind.Utc)) },
            new[] { new ModelToRetrain("shop-recs", "arn:aws:personalize:eu-west-1:123456789012:solution/shop-recs", "arn:aws:personalize:eu-west-1:123456789012:solution/shop-recs/v1", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)) },
            new[] { new CampaignToUpdate("shop-live", "arn:aws:personalize:eu-west-1:123456789012:campaign/shop-live", "arn:aws:personalize:eu-west-1:123456789012:solution/shop-recs", "arn:aws:personalize:eu-west-1:123456789012:solution/shop-recs/v1", "ACTIVE") },
            new[] { new ExternalCopy(ExternalCopyKind.BatchSegmentJob, "audience", "arn:aws:personalize:eu-west-1:123456789012:batch-segment-job/audience", "s3://out/a+b&c/", "ACTIVE", new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc)) });

        internal static DataDeletionReceipt Receipt(DeletionOutcome outcome) => DataDeletionReceipt.Create(outcome, CallerArn, Sha256, 4242);

        private static JsonDocument Parse(DataDeletionReceipt receipt) => JsonDocument.Parse(receipt.ToJson());

        private static IEnumerable<string> Members(JsonDocument json, string list) =>
            json.RootElement.GetProperty(list).EnumerateArray().First().EnumerateObject().Select(p => p.Name);
    }
}
