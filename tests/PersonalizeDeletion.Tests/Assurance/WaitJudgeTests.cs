using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Assurance;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Tests.Jobs;
using Xunit;

namespace PersonalizeDeletion.Tests.Assurance
{
    /// <summary>A wait judges a dataset group's jobs once they have all finished: one read of the group sees them all.</summary>
    public sealed class WaitJudgeTests
    {
        private const string Shop = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop";
        private const string Books = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/books";

        private readonly InMemoryPersonalizeClient _personalize = new InMemoryPersonalizeClient();
        private readonly WaitJudge _judge;

        public WaitJudgeTests()
        {
            SolutionInfo recs = _personalize.AddSolution(Shop, "shop-recs");
            _personalize.AddSolutionVersion(recs, "v1", "ACTIVE", At(1, 0));
            _judge = new WaitJudge(new AssuranceSession(region => _personalize));
        }

        [Fact]
        public async Task A_completed_job_waits_for_the_other_jobs_of_its_group_then_the_group_is_read_once()
        {
            DataDeletionJob first = Job(Shop, "first", DataDeletionJob.StatusCompleted);
            DataDeletionJob second = Job(Shop, "second", DataDeletionJob.StatusInProgress);
            DataDeletionJob elsewhere = Job(Books, "elsewhere", DataDeletionJob.StatusCompleted);

            AssuranceJudgement round1 = await _judge.ReleaseAsync(new[] { first, elsewhere }, new[] { second }, CancellationToken.None);

            Assert.Equal(new[] { elsewhere }, round1.Outcomes.Select(outcome => outcome.Job));
            Assert.Null(first.Assurance);
            Assert.Equal(0, _personalize.CallsTo("ListSolutions " + Shop));

            second.Status = DataDeletionJob.StatusCompleted;
            AssuranceJudgement round2 = await _judge.ReleaseAsync(new[] { second }, Array.Empty<DataDeletionJob>(), CancellationToken.None);

            Assert.Equal(new[] { first, second }, round2.Outcomes.Select(outcome => outcome.Job));
            Assert.All(new[] { first, second }, job => Assert.Equal(DeletionAssurance.RetrainModels, job.Assurance));
            Assert.All(new[] { first, second }, job => Assert.Equal("shop-recs", Assert.Single(job.ModelsToRetrain!).SolutionName));
            Assert.Equal(1, _personalize.CallsTo("ListSolutions " + Shop));
        }

        [Fact]
        public async Task A_running_job_whose_group_is_not_known_yet_holds_every_completed_job_back()
        {
            // Its first Describe went unanswered: it may belong to the completed job's group, which must not be read yet.
            DataDeletionJob done = Job(Shop, "done", DataDeletionJob.StatusCompleted);
            DataDeletionJob unknown = Job(Shop, "unknown", DataDeletionJob.StatusInProgress);
            unknown.DatasetGroupArn = null;

            Assert.Empty((await _judge.ReleaseAsync(new[] { done }, new[] { unknown }, CancellationToken.None)).Outcomes);
            Assert.Empty(_personalize.Calls);

            unknown.DatasetGroupArn = Shop;
            unknown.Status = DataDeletionJob.StatusCompleted;
            AssuranceJudgement judgement = await _judge.ReleaseAsync(new[] { unknown }, Array.Empty<DataDeletionJob>(), CancellationToken.None);

            Assert.Equal(new[] { done, unknown }, judgement.Outcomes.Select(outcome => outcome.Job));
            Assert.Equal(1, _personalize.CallsTo("ListSolutions " + Shop));
        }

        [Fact]
        public async Task A_failed_job_is_released_at_once_without_a_call()
        {
            DataDeletionJob failed = Job(Shop, "failed", DataDeletionJob.StatusFailed);

            AssuranceJudgement judgement = await _judge.ReleaseAsync(new[] { failed }, new[] { Job(Shop, "running", DataDeletionJob.StatusInProgress) }, CancellationToken.None);

            Assert.Equal(failed, Assert.Single(judgement.Outcomes).Job);
            Assert.Equal(DeletionAssurance.Failed, failed.Assurance);
            Assert.Null(failed.RerunRecommended);
            Assert.Empty(_personalize.Calls);
        }

        [Fact]
        public async Task At_the_end_the_held_jobs_come_out_and_the_unfinished_are_judged_Unfinished()
        {
            DataDeletionJob done = Job(Shop, "done", DataDeletionJob.StatusCompleted);
            DataDeletionJob running = Job(Shop, "running", DataDeletionJob.StatusInProgress);
            Assert.Empty((await _judge.ReleaseAsync(new[] { done }, new[] { running }, CancellationToken.None)).Outcomes);

            AssuranceJudgement end = await _judge.ReleaseAllAsync(new[] { running }, CancellationToken.None);

            Assert.Equal(new[] { done, running }, end.Outcomes.Select(outcome => outcome.Job));
            Assert.Equal(DeletionAssurance.RetrainModels, done.Assurance);
            Assert.Equal(DeletionAssurance.Unfinished, running.Assurance);
            Assert.Null(running.ModelsToRetrain);
            Assert.Null(running.RerunRecommended);
            Assert.Empty((await _judge.ReleaseAllAsync(Array.Empty<DataDeletionJob>(), CancellationToken.None)).Outcomes);
        }

        [Fact]
        public async Task RerunRecommended_says_whether_work_ran_alongside_a_completed_job()
        {
            DatasetInfo users = _personalize.AddDataset(Books, "Users");
            _personalize.AddImportJob(users, "users", "ACTIVE", At(11, 0), At(11, 10));
            DataDeletionJob overlapped = Job(Books, "overlapped", DataDeletionJob.StatusCompleted);
            DataDeletionJob quiet = Job(Shop, "quiet", DataDeletionJob.StatusCompleted);

            await _judge.ReleaseAsync(new[] { overlapped, quiet }, Array.Empty<DataDeletionJob>(), CancellationToken.None);

            Assert.True(overlapped.RerunRecommended);
            Assert.Equal(DeletionAssurance.RerunRecommended, overlapped.Assurance);
            Assert.Equal("DatasetImportJob users (ACTIVE)", Assert.Single(overlapped.ConcurrentActivity!).ToString());
            Assert.False(quiet.RerunRecommended);
        }

        [Fact]
        public async Task A_check_that_cannot_be_made_leaves_RerunRecommended_unknown_and_the_job_Unverified()
        {
            _personalize.AssuranceFault = (operation, scope) => operation == "ListDatasets" ? Denied(operation) : null;
            DataDeletionJob job = Job(Books, "job", DataDeletionJob.StatusCompleted);

            AssuranceJudgement judgement = await _judge.ReleaseAsync(new[] { job }, Array.Empty<DataDeletionJob>(), CancellationToken.None);

            Assert.Null(job.RerunRecommended);
            Assert.Null(job.ConcurrentActivity);
            Assert.Equal(DeletionAssurance.Unverified, job.Assurance);
            Assert.Equal("personalize:ListDatasets", Assert.Single(judgement.Problems).Permission);
        }

        private static DateTime At(int hour, int minute) => new DateTime(2026, 3, 10, hour, minute, 0, DateTimeKind.Utc);

        private static PersonalizeServiceException Denied(string operation) =>
            new PersonalizeServiceException("AccessDeniedException", "User: arn:aws:iam::123456789012:user/runner is not authorized to perform: personalize:" + operation, "req-denied", 400);

        private static DataDeletionJob Job(string group, string name, string status) => new DataDeletionJob
        {
            JobName = name,
            JobArn = "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/" + name,
            DatasetGroupArn = group,
            Status = status,
            NumDeleted = DataDeletionJob.IsFinishedStatus(status) ? 3 : null,
            CreationDateTime = At(10, 0),
            LastUpdatedDateTime = At(12, 0),
        };
    }
}
