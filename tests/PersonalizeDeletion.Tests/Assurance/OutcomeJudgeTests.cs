using System;
using System.Collections.Generic;
using System.Linq;
using PersonalizeDeletion.Assurance;
using PersonalizeDeletion.Personalize;
using Xunit;

namespace PersonalizeDeletion.Tests.Assurance
{
    /// <summary>Each rule of the outcome judgement, with its edges; the judge is pure, so no calls and no clock.</summary>
    public sealed class OutcomeJudgeTests
    {
        private const string Group = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop";
        private const string SolutionArn = "arn:aws:personalize:eu-west-1:123456789012:solution/shop-recs";

        // The job ran from 10:00 to 12:00.
        private static readonly DateTime JobStart = At(10, 0);
        private static readonly DateTime JobEnd = At(12, 0);

        private readonly List<ConcurrentActivity> _activity = new List<ConcurrentActivity>();
        private readonly List<SolutionVersionInfo> _versions = new List<SolutionVersionInfo>();
        private readonly List<DeployedCampaign> _campaigns = new List<DeployedCampaign>();
        private readonly List<ExternalCopy> _copies = new List<ExternalCopy>();

        [Fact]
        public void A_failed_job_is_Failed_and_nothing_else_is_judged()
        {
            Training("v1", "CREATE IN_PROGRESS", At(11, 0));
            Version("v0", "ACTIVE", At(9, 0));

            DeletionOutcome outcome = Judge(Job(DataDeletionJob.StatusFailed, numDeleted: null));

            Assert.Equal(DeletionAssurance.Failed, outcome.Assurance);
            Assert.Null(outcome.ConcurrentActivity);
            Assert.Null(outcome.ModelsToRetrain);
            Assert.Null(outcome.CampaignsToUpdate);
            Assert.Null(outcome.ExternalCopies);
        }

        [Theory]
        [InlineData(DataDeletionJob.StatusPending)]
        [InlineData(DataDeletionJob.StatusInProgress)]
        [InlineData("QUEUED")]
        public void A_job_still_running_is_Unfinished_and_shows_the_work_that_overlaps_it_so_far(string status)
        {
            ConcurrentActivity during = Training("v1", "CREATE IN_PROGRESS", At(11, 0));
            Import("before", "ACTIVE", At(8, 0), At(9, 0));
            ConcurrentActivity later = Training("v2", "CREATE PENDING", At(23, 0));
            Version("v0", "ACTIVE", At(9, 0));

            DeletionOutcome outcome = Judge(Job(status, numDeleted: null));

            Assert.Equal(DeletionAssurance.Unfinished, outcome.Assurance);
            // Still running, the job has no end yet: work created any time after it began runs alongside it.
            Assert.Equal(new[] { during, later }, outcome.ConcurrentActivity);
            Assert.Null(outcome.ModelsToRetrain);
            Assert.Null(outcome.CampaignsToUpdate);
            Assert.Null(outcome.ExternalCopies);
        }

        [Fact]
        public void No_records_deleted_comes_before_every_other_finding()
        {
            Training("v1", "ACTIVE", At(11, 0), At(11, 30));
            Version("v0", "ACTIVE", At(9, 0));

            DeletionOutcome outcome = Judge(Job(DataDeletionJob.StatusCompleted, numDeleted: 0));

            Assert.Equal(DeletionAssurance.NoRecordsDeleted, outcome.Assurance);
            Assert.Single(outcome.ConcurrentActivity!);
            Assert.Single(outcome.ModelsToRetrain!);
        }

        [Fact]
        public void Overlapping_work_recommends_a_rerun_before_retraining()
        {
            ConcurrentActivity import = Import("nightly", "ACTIVE", At(11, 0), At(11, 20));
            Version("v0", "ACTIVE", At(9, 0));

            DeletionOutcome outcome = Judge(Completed());

            Assert.Equal(DeletionAssurance.RerunRecommended, outcome.Assurance);
            Assert.Equal(new[] { import }, outcome.ConcurrentActivity);
            Assert.Single(outcome.ModelsToRetrain!);
        }

        public static TheoryData<string, ConcurrentActivityKind, string, DateTime, DateTime, bool> OverlapCases() => new TheoryData<string, ConcurrentActivityKind, string, DateTime, DateTime, bool>
        {
            { "finished before the job began", ConcurrentActivityKind.DatasetImportJob, "ACTIVE", At(8, 0), At(9, 0), false },
            { "finished exactly when the job began", ConcurrentActivityKind.DatasetImportJob, "ACTIVE", At(8, 0), At(10, 0), false },
            { "finished a second after the job began", ConcurrentActivityKind.DatasetImportJob, "CREATE FAILED", At(8, 0), At(10, 0).AddSeconds(1), true },
            { "created exactly when the job completed", ConcurrentActivityKind.SolutionVersion, "ACTIVE", At(12, 0), At(13, 0), false },
            { "created a second before the job completed", ConcurrentActivityKind.SolutionVersion, "ACTIVE", At(12, 0).AddSeconds(-1), At(13, 0), true },
            { "created after the job completed, still running", ConcurrentActivityKind.SolutionVersion, "CREATE IN_PROGRESS", At(12, 30), At(12, 30), false },
            { "stopped during the job", ConcurrentActivityKind.SolutionVersion, "CREATE STOPPED", At(9, 0), At(10, 30), true },
            { "a batch job pending since before", ConcurrentActivityKind.BatchInferenceJob, "PENDING", At(7, 0), At(7, 0), true },
            { "a batch job in progress, spelled with a space", ConcurrentActivityKind.BatchSegmentJob, "IN PROGRESS", At(7, 0), At(7, 0), true },
            { "a status the module does not know, last updated before", ConcurrentActivityKind.DatasetImportJob, "CREATE QUEUED", At(7, 0), At(7, 0), true },
            { "a recommender update in progress", ConcurrentActivityKind.RecommenderUpdate, "CREATE_IN_PROGRESS", At(9, 0), At(9, 0), true },
            { "a recommender stopped before the job", ConcurrentActivityKind.Recommender, "INACTIVE", At(1, 0), At(9, 0), false },
            { "a recommender being created", ConcurrentActivityKind.Recommender, "CREATE PENDING", At(9, 0), At(9, 0), true },
        };

        [Theory]
        [MemberData(nameof(OverlapCases))]
        public void Work_overlaps_the_job_when_it_ran_between_its_start_and_completion(string why, ConcurrentActivityKind kind, string status, DateTime created, DateTime updated, bool overlaps)
        {
            _activity.Add(new ConcurrentActivity(kind, why, "arn:aws:personalize:eu-west-1:123456789012:x/" + kind, status, created, updated));

            DeletionOutcome outcome = Judge(Completed());

            Assert.Equal(overlaps ? 1 : 0, outcome.ConcurrentActivity!.Count);
            Assert.Equal(overlaps ? DeletionAssurance.RerunRecommended : DeletionAssurance.Verified, outcome.Assurance);
        }

        [Fact]
        public void A_solution_whose_newest_active_version_predates_the_completion_is_a_model_to_retrain()
        {
            Version("v-old", "ACTIVE", At(1, 0));
            SolutionVersionInfo newest = Version("v-new", "ACTIVE", At(11, 0), At(11, 50));
            Version("v-failed", "CREATE FAILED", At(11, 55));

            DeletionOutcome outcome = Judge(Completed());

            ModelToRetrain model = Assert.Single(outcome.ModelsToRetrain!);
            Assert.Equal("shop-recs", model.SolutionName);
            Assert.Equal(SolutionArn, model.SolutionArn);
            Assert.Equal(newest.SolutionVersionArn, model.SolutionVersionArn);
            Assert.Equal(At(11, 0), model.SolutionVersionCreationDateTime);
            Assert.Equal(DeletionAssurance.RetrainModels, outcome.Assurance);
        }

        [Fact]
        public void A_version_created_exactly_at_completion_is_a_retraining()
        {
            Version("v-old", "ACTIVE", At(1, 0));
            Version("v-retrained", "ACTIVE", JobEnd, At(14, 0));

            DeletionOutcome outcome = Judge(Completed());

            Assert.Empty(outcome.ModelsToRetrain!);
            Assert.Equal(DeletionAssurance.Verified, outcome.Assurance);
        }

        [Fact]
        public void Automatic_training_before_completion_still_leaves_a_model_to_retrain()
        {
            Version("v-auto", "ACTIVE", At(11, 0), trainingType: "AUTOMATIC", trainingMode: "AUTOTRAIN");

            DeletionOutcome outcome = Judge(Completed());

            Assert.Single(outcome.ModelsToRetrain!);
        }

        [Fact]
        public void An_update_training_after_completion_is_no_retraining_because_it_builds_on_the_old_model()
        {
            Version("v-full", "ACTIVE", At(1, 0));
            SolutionVersionInfo update = Version("v-update", "ACTIVE", At(13, 0), trainingMode: "UPDATE");

            DeletionOutcome outcome = Judge(Completed());

            Assert.Equal(update.SolutionVersionArn, Assert.Single(outcome.ModelsToRetrain!).SolutionVersionArn);
        }

        [Fact]
        public void A_retraining_still_in_progress_does_not_yet_replace_the_old_model()
        {
            Version("v-old", "ACTIVE", At(1, 0));
            Version("v-training", "CREATE IN_PROGRESS", At(13, 0));
            Version("v-unknown", "CREATE QUEUED", At(13, 5));

            DeletionOutcome outcome = Judge(Completed());

            Assert.EndsWith("/v-old", Assert.Single(outcome.ModelsToRetrain!).SolutionVersionArn, StringComparison.Ordinal);
        }

        [Fact]
        public void A_solution_with_no_active_version_has_no_model_to_retrain()
        {
            Version("v-failed", "CREATE FAILED", At(1, 0));
            Version("v-stopped", "CREATE STOPPED", At(2, 0));

            DeletionOutcome outcome = Judge(Completed());

            Assert.Empty(outcome.ModelsToRetrain!);
            Assert.Equal(DeletionAssurance.Verified, outcome.Assurance);
        }

        [Fact]
        public void A_campaign_deploying_a_version_from_before_the_completion_is_a_campaign_to_update()
        {
            SolutionVersionInfo old = Version("v-old", "ACTIVE", At(1, 0));
            Campaign("shop-live", old, "ACTIVE");
            Campaign("shop-canary", old, "CREATE IN_PROGRESS");

            DeletionOutcome outcome = Judge(Completed());

            Assert.Equal(new[] { "shop-live", "shop-canary" }, outcome.CampaignsToUpdate!.Select(c => c.CampaignName));
            CampaignToUpdate live = outcome.CampaignsToUpdate![0];
            Assert.Equal(SolutionArn, live.SolutionArn);
            Assert.Equal(old.SolutionVersionArn, live.SolutionVersionArn);
            Assert.Equal("ACTIVE", live.Status);
            Assert.EndsWith(":campaign/shop-live", live.CampaignArn, StringComparison.Ordinal);
        }

        [Fact]
        public void A_retrained_solution_whose_campaign_still_deploys_the_old_version_needs_the_campaign_updated()
        {
            SolutionVersionInfo old = Version("v-old", "ACTIVE", At(1, 0));
            SolutionVersionInfo retrained = Version("v-new", "ACTIVE", At(13, 0));
            Campaign("stale", old, "ACTIVE");
            Campaign("fresh", retrained, "ACTIVE");

            DeletionOutcome outcome = Judge(Completed());

            Assert.Empty(outcome.ModelsToRetrain!);
            Assert.Equal("stale", Assert.Single(outcome.CampaignsToUpdate!).CampaignName);
            Assert.Equal(DeletionAssurance.RetrainModels, outcome.Assurance);
        }

        [Fact]
        public void A_campaign_of_an_unknown_version_is_to_update_and_one_being_deleted_is_not()
        {
            SolutionVersionInfo retrained = Version("v-new", "ACTIVE", At(13, 0));
            _campaigns.Add(new DeployedCampaign(SolutionArn, new CampaignInfo { Name = "elsewhere", CampaignArn = "arn:c/elsewhere", SolutionVersionArn = SolutionArn + "/$LATEST", Status = "ACTIVE" }));
            _campaigns.Add(new DeployedCampaign(SolutionArn, new CampaignInfo { Name = "going", CampaignArn = "arn:c/going", SolutionVersionArn = SolutionArn + "/v-old", Status = "DELETE PENDING" }));
            Campaign("fresh", retrained, "ACTIVE");

            DeletionOutcome outcome = Judge(Completed());

            Assert.Equal("elsewhere", Assert.Single(outcome.CampaignsToUpdate!).CampaignName);
        }

        [Fact]
        public void Batch_output_written_before_the_completion_is_an_external_copy_and_does_not_change_the_assurance()
        {
            ExternalCopy before = Copy("nightly", At(3, 0));
            Copy("at-completion", JobEnd);
            Copy("after", At(13, 0));

            DeletionOutcome outcome = Judge(Completed());

            Assert.Equal(new[] { before }, outcome.ExternalCopies);
            Assert.Equal(DeletionAssurance.Verified, outcome.Assurance);
        }

        [Fact]
        public void Verified_when_records_were_deleted_nothing_overlapped_and_nothing_is_left_to_retrain()
        {
            Import("old", "ACTIVE", At(1, 0), At(2, 0));
            SolutionVersionInfo retrained = Version("v-new", "ACTIVE", At(12, 30));
            Campaign("live", retrained, "ACTIVE");

            DeletionOutcome outcome = Judge(Completed());

            Assert.Equal(DeletionAssurance.Verified, outcome.Assurance);
            Assert.Empty(outcome.ConcurrentActivity!);
            Assert.Empty(outcome.ModelsToRetrain!);
            Assert.Empty(outcome.CampaignsToUpdate!);
            Assert.Empty(outcome.ExternalCopies!);
        }

        [Fact]
        public void Unverified_when_a_check_could_not_be_made_and_nothing_known_calls_for_more()
        {
            DataDeletionJob job = Completed();

            Assert.Equal(DeletionAssurance.Unverified, OutcomeJudge.Judge(job, null, null).Assurance);
            Assert.Equal(DeletionAssurance.Unverified, OutcomeJudge.Judge(job, Resources(activity: false), Deployments()).Assurance);
            Assert.Equal(DeletionAssurance.Unverified, OutcomeJudge.Judge(job, Resources(activity: true), new DatasetGroupDeployments(null, _copies)).Assurance);
            Assert.Equal(DeletionAssurance.Unverified, OutcomeJudge.Judge(Job(DataDeletionJob.StatusCompleted, numDeleted: null), Resources(activity: true), Deployments()).Assurance);
            Assert.Equal(DeletionAssurance.Verified, OutcomeJudge.Judge(job, Resources(activity: true), new DatasetGroupDeployments(_campaigns, null)).Assurance);
        }

        [Fact]
        public void Unknown_checks_do_not_hide_a_finding_that_is_known()
        {
            Version("v-old", "ACTIVE", At(1, 0));

            DeletionOutcome outcome = OutcomeJudge.Judge(Completed(), Resources(activity: false), null);

            Assert.Equal(DeletionAssurance.RetrainModels, outcome.Assurance);
            Assert.Null(outcome.ConcurrentActivity);
            Assert.Null(outcome.CampaignsToUpdate);
        }

        [Fact]
        public void A_completion_time_the_service_left_out_is_taken_as_not_yet()
        {
            Version("v-late", "ACTIVE", At(23, 0));
            ConcurrentActivity late = Training("v-late-run", "ACTIVE", At(22, 0), At(23, 0));
            Copy("late", At(22, 0));

            DataDeletionJob job = Job(DataDeletionJob.StatusCompleted, numDeleted: 5);
            job.LastUpdatedDateTime = null;

            DeletionOutcome outcome = Judge(job);

            Assert.Single(outcome.ModelsToRetrain!);
            Assert.Equal(new[] { late }, outcome.ConcurrentActivity);
            Assert.Single(outcome.ExternalCopies!);
        }

        private static DateTime At(int hour, int minute) => new DateTime(2026, 3, 10, hour, minute, 0, DateTimeKind.Utc);

        private static DataDeletionJob Completed() => Job(DataDeletionJob.StatusCompleted, numDeleted: 42);

        /// <summary>A job created at 10:00 and last updated at 12:00 (for a finished job, its completion).</summary>
        private static DataDeletionJob Job(string status, int? numDeleted) => new DataDeletionJob
        {
            JobName = "pdj-1",
            JobArn = "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/pdj-1",
            DatasetGroupArn = Group,
            Status = status,
            NumDeleted = numDeleted,
            CreationDateTime = JobStart,
            LastUpdatedDateTime = JobEnd,
        };

        private DeletionOutcome Judge(DataDeletionJob job) => OutcomeJudge.Judge(job, Resources(activity: true), Deployments());

        private DatasetGroupResources Resources(bool activity)
        {
            var solution = new SolutionInfo { Name = "shop-recs", SolutionArn = SolutionArn, Status = "ACTIVE" };
            return new DatasetGroupResources(Group, new[] { new SolutionModels(solution, _versions) }, Array.Empty<GroupBatchJob>(), activity ? _activity : null);
        }

        private DatasetGroupDeployments Deployments() => new DatasetGroupDeployments(_campaigns, _copies);

        private SolutionVersionInfo Version(string id, string status, DateTime created, DateTime? updated = null, string trainingMode = "FULL", string trainingType = "MANUAL")
        {
            var version = new SolutionVersionInfo
            {
                SolutionVersionArn = SolutionArn + "/" + id,
                Status = status,
                TrainingMode = trainingMode,
                TrainingType = trainingType,
                CreationDateTime = created,
                LastUpdatedDateTime = updated ?? created,
            };
            _versions.Add(version);
            return version;
        }

        private ConcurrentActivity Training(string id, string status, DateTime created, DateTime? updated = null) =>
            Add(new ConcurrentActivity(ConcurrentActivityKind.SolutionVersion, "shop-recs", SolutionArn + "/" + id, status, created, updated ?? created));

        private ConcurrentActivity Import(string name, string status, DateTime created, DateTime updated) =>
            Add(new ConcurrentActivity(ConcurrentActivityKind.DatasetImportJob, name, "arn:aws:personalize:eu-west-1:123456789012:dataset-import-job/" + name, status, created, updated));

        private ConcurrentActivity Add(ConcurrentActivity activity)
        {
            _activity.Add(activity);
            return activity;
        }

        private void Campaign(string name, SolutionVersionInfo deployed, string status) =>
            _campaigns.Add(new DeployedCampaign(SolutionArn, new CampaignInfo
            {
                Name = name,
                CampaignArn = "arn:aws:personalize:eu-west-1:123456789012:campaign/" + name,
                SolutionVersionArn = deployed.SolutionVersionArn,
                Status = status,
            }));

        private ExternalCopy Copy(string name, DateTime created)
        {
            var copy = new ExternalCopy(ExternalCopyKind.BatchInferenceJob, name, "arn:aws:personalize:eu-west-1:123456789012:batch-inference-job/" + name, "s3://out/" + name + "/", "ACTIVE", created);
            _copies.Add(copy);
            return copy;
        }
    }
}
