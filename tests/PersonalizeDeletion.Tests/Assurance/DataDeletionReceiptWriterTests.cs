using System;
using System.IO;
using System.Text;
using System.Text.Json;
using PersonalizeDeletion.Assurance;
using Xunit;

namespace PersonalizeDeletion.Tests.Assurance
{
    /// <summary>
    /// Writing &lt;JobName&gt;.receipt.json: atomically, and replacing a receipt only with one of a later (or the same,
    /// judged again) state of the same job.
    /// </summary>
    public sealed class DataDeletionReceiptWriterTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "pd-receipts-" + Guid.NewGuid().ToString("N"));

        public DataDeletionReceiptWriterTests()
        {
            Directory.CreateDirectory(_folder);
        }

        private string ReceiptPath => Path.Combine(_folder, "pdj-20260310-ab12cd.receipt.json");

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void Writes_the_receipt_under_the_jobs_name_and_leaves_no_temporary_file()
        {
            DataDeletionReceipt receipt = DataDeletionReceiptTests.Receipt(DataDeletionReceiptTests.Outcome());

            ReceiptWriteResult result = DataDeletionReceiptWriter.Write(_folder, receipt);

            Assert.Equal(ReceiptWriteStatus.Created, result.Status);
            Assert.True(result.Written);
            Assert.Equal(ReceiptPath, result.Path);
            Assert.Equal(receipt.ToJson(), File.ReadAllText(ReceiptPath, Encoding.UTF8));
            Assert.Equal(new[] { ReceiptPath }, Directory.GetFiles(_folder));
        }

        [Fact]
        public void A_later_state_of_the_same_job_replaces_the_receipt()
        {
            DataDeletionReceiptWriter.Write(_folder, Receipt(DataDeletionJob.StatusPending));
            DataDeletionReceiptWriter.Write(_folder, Receipt(DataDeletionJob.StatusInProgress));
            DataDeletionReceipt completed = Receipt(DataDeletionJob.StatusCompleted);

            ReceiptWriteResult result = DataDeletionReceiptWriter.Write(_folder, completed);

            Assert.Equal(ReceiptWriteStatus.Replaced, result.Status);
            Assert.Equal(completed.ToJson(), File.ReadAllText(ReceiptPath));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Theory]
        [InlineData(DataDeletionJob.StatusPending)]
        [InlineData(DataDeletionJob.StatusInProgress)]
        [InlineData("SOMETHING_NEW")]
        public void An_earlier_state_never_replaces_the_receipt_of_a_finished_job(string earlier)
        {
            DataDeletionReceiptWriter.Write(_folder, Receipt(DataDeletionJob.StatusCompleted));
            string written = File.ReadAllText(ReceiptPath);

            ReceiptWriteResult result = DataDeletionReceiptWriter.Write(_folder, Receipt(earlier));

            Assert.Equal(ReceiptWriteStatus.KeptLaterState, result.Status);
            Assert.False(result.Written);
            Assert.Equal(written, File.ReadAllText(ReceiptPath));
        }

        [Fact]
        public void The_same_state_judged_again_replaces_the_receipt()
        {
            DataDeletionReceiptWriter.Write(_folder, DataDeletionReceiptTests.Receipt(DataDeletionReceiptTests.Outcome(assurance: DeletionAssurance.RetrainModels)));
            DataDeletionReceipt retrained = DataDeletionReceiptTests.Receipt(
                new DeletionOutcome(DataDeletionReceiptTests.Job(), DeletionAssurance.Verified, Array.Empty<ConcurrentActivity>(), Array.Empty<ModelToRetrain>(), Array.Empty<CampaignToUpdate>(), Array.Empty<ExternalCopy>()));

            ReceiptWriteResult result = DataDeletionReceiptWriter.Write(_folder, retrained);

            Assert.Equal(ReceiptWriteStatus.Replaced, result.Status);
            Assert.Contains("\"assurance\": \"Verified\"", File.ReadAllText(ReceiptPath), StringComparison.Ordinal);
        }

        [Fact]
        public void A_later_state_judged_without_the_request_keeps_what_the_replaced_receipt_knew_of_it()
        {
            // A wait that timed out wrote the receipt of a job piped from New-PDataDeletionJob; a later wait, fed from
            // Get-PDataDeletionJob, knows neither the counts nor the digest.
            DataDeletionReceiptWriter.Write(_folder, Receipt(DataDeletionJob.StatusInProgress));
            DataDeletionJob later = DataDeletionReceiptTests.Job();
            later.UserCount = null;
            later.DuplicateCount = null;
            later.RejectedCount = null;
            DataDeletionReceipt judgedLater = DataDeletionReceipt.Create(DataDeletionReceiptTests.Outcome(later), "arn:aws:iam::123456789012:user/auditor", null, null);

            ReceiptWriteResult result = DataDeletionReceiptWriter.Write(_folder, judgedLater);

            Assert.Equal(ReceiptWriteStatus.Replaced, result.Status);
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(ReceiptPath));
            JsonElement root = json.RootElement;
            Assert.Equal("COMPLETED", root.GetProperty("status").GetString());
            Assert.Equal(42, root.GetProperty("userCount").GetInt64());
            Assert.Equal(3, root.GetProperty("duplicateCount").GetInt64());
            Assert.Equal(1, root.GetProperty("rejectedCount").GetInt64());
            Assert.Equal(4242, root.GetProperty("stagedBytes").GetInt64());
            Assert.Equal(64, root.GetProperty("stagedSha256").GetString()!.Length);
            Assert.Equal("arn:aws:iam::123456789012:user/auditor", root.GetProperty("callerArn").GetString());
            Assert.Equal(File.ReadAllText(ReceiptPath), result.Receipt!.ToJson());
            Assert.Null(judgedLater.UserCount);
        }

        [Fact]
        public void What_the_new_receipt_knows_of_the_request_wins_over_the_replaced_one()
        {
            DataDeletionReceiptWriter.Write(_folder, Receipt(DataDeletionJob.StatusInProgress));
            DataDeletionJob later = DataDeletionReceiptTests.Job();
            later.UserCount = 7;

            DataDeletionReceiptWriter.Write(_folder, DataDeletionReceipt.Create(DataDeletionReceiptTests.Outcome(later), null, "ab", 9));

            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(ReceiptPath));
            Assert.Equal(7, json.RootElement.GetProperty("userCount").GetInt64());
            Assert.Equal("ab", json.RootElement.GetProperty("stagedSha256").GetString());
            Assert.Equal(9, json.RootElement.GetProperty("stagedBytes").GetInt64());
        }

        [Theory]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:data-deletion-job/pdj-20260310-ab12cd", "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop")]
        [InlineData("arn:aws:personalize:eu-west-1:210987654321:data-deletion-job/pdj-20260310-ab12cd", "arn:aws:personalize:eu-west-1:210987654321:dataset-group/books")]
        [InlineData(DataDeletionReceiptTests.JobArn, "arn:aws:personalize:eu-west-1:123456789012:dataset-group/books")]
        public void The_receipt_of_another_job_of_the_same_name_is_never_replaced(string otherJobArn, string otherGroupArn)
        {
            DataDeletionJob other = DataDeletionReceiptTests.Job();
            other.JobArn = otherJobArn;
            other.DatasetGroupArn = otherGroupArn;
            other.Region = null;
            DataDeletionReceiptWriter.Write(_folder, DataDeletionReceiptTests.Receipt(DataDeletionReceiptTests.Outcome(other)));
            string written = File.ReadAllText(ReceiptPath);

            ReceiptWriteResult result = DataDeletionReceiptWriter.Write(_folder, Receipt(DataDeletionJob.StatusCompleted));

            Assert.Equal(ReceiptWriteStatus.HeldByAnotherJob, result.Status);
            Assert.Equal(otherJobArn, result.ExistingJobArn);
            Assert.Equal(written, File.ReadAllText(ReceiptPath));
        }

        [Theory]
        [InlineData("not json at all")]
        [InlineData("[1, 2, 3]")]
        [InlineData("{\"jobName\": \"pdj-20260310-ab12cd\"}")]
        [InlineData("")]
        public void A_file_that_is_not_a_receipt_is_kept(string content)
        {
            File.WriteAllText(ReceiptPath, content);

            ReceiptWriteResult result = DataDeletionReceiptWriter.Write(_folder, Receipt(DataDeletionJob.StatusCompleted));

            Assert.Equal(ReceiptWriteStatus.NotAReceipt, result.Status);
            Assert.Equal(content, File.ReadAllText(ReceiptPath));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void A_folder_that_does_not_exist_is_an_error_and_nothing_is_created()
        {
            string missing = Path.Combine(_folder, "missing");

            Assert.ThrowsAny<IOException>(() => DataDeletionReceiptWriter.Write(missing, Receipt(DataDeletionJob.StatusCompleted)));
            Assert.False(Directory.Exists(missing));
        }

        [Fact]
        public void A_receipt_without_a_job_name_usable_as_a_file_name_is_refused()
        {
            DataDeletionJob job = DataDeletionReceiptTests.Job();
            job.JobName = "../escape";

            Assert.Throws<ArgumentException>(() => DataDeletionReceiptWriter.Write(_folder, DataDeletionReceiptTests.Receipt(DataDeletionReceiptTests.Outcome(job))));
            Assert.Empty(Directory.GetFiles(_folder));
        }

        private static DataDeletionReceipt Receipt(string status)
        {
            DataDeletionJob job = DataDeletionReceiptTests.Job();
            job.Status = status;
            return DataDeletionReceiptTests.Receipt(DataDeletionReceiptTests.Outcome(job));
        }
    }
}
