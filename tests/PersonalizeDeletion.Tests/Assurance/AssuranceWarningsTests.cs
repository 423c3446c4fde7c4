using System;
using System.Linq;
using PersonalizeDeletion.Assurance;
using Xunit;

namespace PersonalizeDeletion.Tests.Assurance
{
    /// <summary>What a judgement says in warnings: a job that deleted nothing, one that ran alongside other work, work in progress before a job, and the one summary.</summary>
    public sealed class AssuranceWarningsTests
    {
        private static readonly DateTime Noon = new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void A_job_that_deleted_no_records_says_none_of_its_users_had_any_in_the_group()
        {
            DeletionOutcome outcome = Outcome(DeletionAssurance.NoRecordsDeleted);

            string warning = Assert.Single(AssuranceWarnings.For(outcome));

            Assert.StartsWith("Data deletion job pdj-20260310-ab12cd COMPLETED but deleted no records: none of its users had records in dataset group shop.", warning, StringComparison.Ordinal);
        }

        [Fact]
        public void A_job_that_ran_alongside_other_work_names_it_and_says_to_submit_again()
        {
            string warning = Assert.Single(AssuranceWarnings.For(Outcome(DeletionAssurance.RerunRecommended)));

            Assert.Contains("dataset group shop also ran DatasetImportJob nightly (ACTIVE)", warning, StringComparison.Ordinal);
            Assert.Contains("submit the same users again once that work is done", warning, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(DeletionAssurance.Verified)]
        [InlineData(DeletionAssurance.RetrainModels)]
        [InlineData(DeletionAssurance.Unverified)]
        [InlineData(DeletionAssurance.Unfinished)]
        [InlineData(DeletionAssurance.Failed)]
        public void Other_judgements_warn_per_job_about_nothing(DeletionAssurance assurance)
        {
            Assert.Empty(AssuranceWarnings.For(Outcome(assurance)));
        }

        [Fact]
        public void Work_in_progress_before_a_job_is_one_warning_naming_each_item_and_the_first_five_at_most()
        {
            var activity = Enumerable.Range(1, 7)
                .Select(i => new ConcurrentActivity(ConcurrentActivityKind.SolutionVersion, "recs-" + i, "arn:aws:personalize:eu-west-1:123456789012:solution/recs-" + i + "/v", "CREATE IN_PROGRESS", Noon, Noon))
                .ToList();

            string warning = AssuranceWarnings.InProgress(new ConcurrentActivityCheck(DataDeletionReceiptTests.GroupArn, activity, Array.Empty<AssuranceProblem>()))!;

            Assert.StartsWith("Dataset group shop has work in progress that voids a deletion's guarantee: SolutionVersion recs-1 (CREATE IN_PROGRESS), ", warning, StringComparison.Ordinal);
            Assert.Contains("SolutionVersion recs-5 (CREATE IN_PROGRESS) and 2 more.", warning, StringComparison.Ordinal);
            Assert.DoesNotContain("recs-6", warning, StringComparison.Ordinal);
            Assert.Null(AssuranceWarnings.InProgress(new ConcurrentActivityCheck(DataDeletionReceiptTests.GroupArn, Array.Empty<ConcurrentActivity>(), Array.Empty<AssuranceProblem>())));
            Assert.Null(AssuranceWarnings.InProgress(new ConcurrentActivityCheck(DataDeletionReceiptTests.GroupArn, null, Array.Empty<AssuranceProblem>())));
        }

        [Fact]
        public void The_summary_counts_each_model_campaign_and_copy_once_and_shows_how_to_retrain()
        {
            var summary = new FollowUpSummary();
            Assert.Null(summary.Message());

            summary.Add(Outcome(DeletionAssurance.RetrainModels));
            summary.Add(Outcome(DeletionAssurance.RetrainModels));
            summary.Add(Outcome(DeletionAssurance.Failed, empty: true));
            string message = summary.Message()!;

            Assert.Equal((1, 1, 1), (summary.ModelCount, summary.CampaignCount, summary.CopyCount));
            Assert.StartsWith("2 completed data deletion job(s) leave work to do. 1 model(s) to retrain, trained before the deletion and still holding the users' data: shop-recs.", message, StringComparison.Ordinal);
            Assert.Contains("New-PERSSolutionVersion -SolutionArn <SolutionArn> -TrainingMode FULL", message, StringComparison.Ordinal);
            Assert.Contains("aws personalize create-solution-version --solution-arn <SolutionArn> --training-mode FULL", message, StringComparison.Ordinal);
            Assert.Contains("1 campaign(s) to update, still serving such a model: shop-live.", message, StringComparison.Ordinal);
            Assert.Contains("Update-PERSCampaign -CampaignArn <CampaignArn>", message, StringComparison.Ordinal);
            Assert.Contains("aws personalize update-campaign --campaign-arn <CampaignArn>", message, StringComparison.Ordinal);
            Assert.Contains("1 batch job output(s) in S3 hold copies the deletion does not reach: s3://out/a+b&c/", message, StringComparison.Ordinal);
        }

        [Fact]
        public void Jobs_that_leave_nothing_to_do_give_no_summary()
        {
            var summary = new FollowUpSummary();
            summary.Add(Outcome(DeletionAssurance.Verified, empty: true));

            Assert.Null(summary.Message());
        }

        private static DeletionOutcome Outcome(DeletionAssurance assurance, bool empty = false)
        {
            DataDeletionJob job = DataDeletionReceiptTests.Job();
            if (assurance == DeletionAssurance.NoRecordsDeleted)
            {
                job.NumDeleted = 0;
            }

            DeletionOutcome full = DataDeletionReceiptTests.Outcome(job, assurance);
            return empty
                ? new DeletionOutcome(job, assurance, Array.Empty<ConcurrentActivity>(), Array.Empty<ModelToRetrain>(), Array.Empty<CampaignToUpdate>(), Array.Empty<ExternalCopy>())
                : full;
        }
    }
}
