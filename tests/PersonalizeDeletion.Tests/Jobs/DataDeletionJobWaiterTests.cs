using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;
using Xunit;

namespace PersonalizeDeletion.Tests.Jobs
{
    public class DataDeletionJobWaiterTests
    {
        private const string GroupA = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/movies";
        private const string GroupB = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/books";

        private readonly InMemoryPersonalizeClient _client = new InMemoryPersonalizeClient();
        private readonly List<string?> _regionsAsked = new List<string?>();

        private static string ArnOf(string name) => "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/" + name;

        private DataDeletionJobInfo Serve(string group, string name, string status = DataDeletionJob.StatusInProgress) =>
            _client.Add(new DataDeletionJobInfo
            {
                JobName = name,
                DataDeletionJobArn = ArnOf(name),
                DatasetGroupArn = group,
                DataLocation = "s3://bucket/" + name + ".csv",
                RoleArn = "arn:aws:iam::123456789012:role/r",
                Status = status,
                CreationDateTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                LastUpdatedDateTime = new DateTime(2026, 1, 1, 0, 1, 0, DateTimeKind.Utc),
            });

        private static DataDeletionJob Track(string name, string? group) => new DataDeletionJob
        {
            JobArn = ArnOf(name),
            JobName = name,
            Region = "eu-west-1",
            DatasetGroupArn = group,
        };

        private DataDeletionJobWaiter Waiter(params DataDeletionJob[] jobs) =>
            new DataDeletionJobWaiter(jobs, region =>
            {
                _regionsAsked.Add(region);
                return _client;
            });

        private static PollRound Poll(DataDeletionJobWaiter waiter) => waiter.PollAsync(CancellationToken.None).GetAwaiter().GetResult();

        private void Finish(string name, int numDeleted, string status = DataDeletionJob.StatusCompleted)
        {
            DataDeletionJobInfo job = _client.Find(ArnOf(name));
            job.Status = status;
            job.NumDeleted = numDeleted;
            job.LastUpdatedDateTime = new DateTime(2026, 1, 1, 0, 30, 0, DateTimeKind.Utc);
            if (status == DataDeletionJob.StatusFailed)
            {
                job.FailureReason = "The role cannot read the data.";
            }
        }

        [Fact]
        public void TwentyJobsInTwoGroupsCostTwoListCallsPerQuietRound()
        {
            var tracked = new List<DataDeletionJob>();
            for (int i = 0; i < 10; i++)
            {
                Serve(GroupA, "a" + i);
                Serve(GroupB, "b" + i);
                tracked.Add(Track("a" + i, GroupA));
                tracked.Add(Track("b" + i, GroupB));
            }

            DataDeletionJobWaiter waiter = Waiter(tracked.ToArray());

            for (int round = 0; round < 3; round++)
            {
                int before = _client.Calls.Count;
                PollRound result = Poll(waiter);

                Assert.Equal(2, result.ListCalls);
                Assert.Equal(0, result.DescribeCalls);
                Assert.Equal(2, _client.Calls.Count - before);
                Assert.Empty(result.NewlyFinished);
                Assert.Empty(result.Failures);
                Assert.False(result.Throttled);
            }

            Assert.Equal(20, waiter.Unfinished.Count());
            Assert.False(waiter.IsDone);
            Assert.All(tracked, job => Assert.Equal(DataDeletionJob.StatusInProgress, job.Status));
            Assert.All(_client.ListMaxResults, max => Assert.Equal(100, max));
        }

        [Fact]
        public void AJobMissingFromItsGroupsListingIsDescribed()
        {
            Serve(GroupA, "listed");
            Serve(GroupB, "elsewhere");
            DataDeletionJob misplaced = Track("elsewhere", GroupA);
            DataDeletionJobWaiter waiter = Waiter(Track("listed", GroupA), misplaced);

            PollRound result = Poll(waiter);

            Assert.Equal(1, result.ListCalls);
            Assert.Equal(1, result.DescribeCalls);
            Assert.Equal(new[] { "List " + GroupA + " -", "Describe " + ArnOf("elsewhere") }, _client.Calls);
            Assert.Equal(GroupB, misplaced.DatasetGroupArn);
            Assert.Equal("s3://bucket/elsewhere.csv", misplaced.DataLocation);
        }

        [Fact]
        public void JobsWithoutAGroupAreDescribedAndThenListedWithTheirGroup()
        {
            Serve(GroupA, "j1");
            Serve(GroupA, "j2");
            DataDeletionJobWaiter waiter = Waiter(Track("j1", null), Track("j2", null));

            PollRound first = Poll(waiter);

            Assert.Equal(0, first.ListCalls);
            Assert.Equal(2, first.DescribeCalls);
            Assert.Equal(new[] { "Describe " + ArnOf("j1"), "Describe " + ArnOf("j2") }, _client.Calls);
            Assert.All(waiter.Jobs, job => Assert.Equal(GroupA, job.DatasetGroupArn));

            PollRound second = Poll(waiter);

            Assert.Equal(1, second.ListCalls);
            Assert.Equal(0, second.DescribeCalls);
        }

        [Fact]
        public void FinishedJobsAreDescribedOnceAndReportedOnce()
        {
            Serve(GroupA, "done");
            Serve(GroupA, "failed");
            Serve(GroupA, "running");
            DataDeletionJob done = Track("done", GroupA);
            DataDeletionJob failed = Track("failed", GroupA);
            DataDeletionJob running = Track("running", GroupA);
            DataDeletionJobWaiter waiter = Waiter(done, failed, running);

            Assert.Empty(Poll(waiter).NewlyFinished);

            Finish("done", 42);
            Finish("failed", 0, DataDeletionJob.StatusFailed);
            int before = _client.Calls.Count;
            PollRound finishing = Poll(waiter);

            Assert.Equal(1, finishing.ListCalls);
            Assert.Equal(2, finishing.DescribeCalls);
            Assert.Equal(
                new[] { "List " + GroupA + " -", "Describe " + ArnOf("done"), "Describe " + ArnOf("failed") }.OrderBy(call => call, StringComparer.Ordinal),
                _client.Calls.Skip(before).OrderBy(call => call, StringComparer.Ordinal));
            Assert.Equal(new[] { done, failed }.OrderBy(job => job.JobName), finishing.NewlyFinished.OrderBy(job => job.JobName));
            Assert.Equal(42, done.NumDeleted);
            Assert.Equal(DataDeletionJob.StatusCompleted, done.Status);
            Assert.Equal("s3://bucket/done.csv", done.DataLocation);
            Assert.Equal(DataDeletionJob.StatusFailed, failed.Status);
            Assert.Equal("The role cannot read the data.", failed.FailureReason);
            Assert.Equal(2, waiter.FinishedCount);
            Assert.Equal(new[] { running }, waiter.Unfinished);

            before = _client.Calls.Count;
            PollRound after = Poll(waiter);

            Assert.Empty(after.NewlyFinished);
            Assert.Equal(0, after.DescribeCalls);
            Assert.Equal(1, after.ListCalls);
            Assert.DoesNotContain(_client.Calls.Skip(before), call => call.StartsWith("Describe", StringComparison.Ordinal));

            Finish("running", 7);
            PollRound last = Poll(waiter);

            Assert.Equal(new[] { running }, last.NewlyFinished);
            Assert.True(waiter.IsDone);
            Assert.Equal(3, waiter.FinishedCount);

            before = _client.Calls.Count;
            PollRound idle = Poll(waiter);
            Assert.Empty(idle.NewlyFinished);
            Assert.Equal(0, idle.ListCalls + idle.DescribeCalls);
            Assert.Equal(before, _client.Calls.Count);
        }

        [Fact]
        public void AStatusGivenWithTheInputIsNotTrusted()
        {
            Serve(GroupA, "j1");
            DataDeletionJob job = Track("j1", GroupA);
            job.Status = DataDeletionJob.StatusCompleted;
            DataDeletionJobWaiter waiter = Waiter(job);

            Assert.False(waiter.IsDone);
            PollRound result = Poll(waiter);

            Assert.Empty(result.NewlyFinished);
            Assert.Equal(DataDeletionJob.StatusInProgress, job.Status);
            Assert.Equal(new[] { job }, waiter.Unfinished);
        }

        [Fact]
        public void ThrottledListingSetsThrottledWithoutFailures()
        {
            Serve(GroupA, "a1");
            Serve(GroupB, "b1");
            _client.ListFault = group => group == GroupA ? new PersonalizeServiceException("ThrottlingException", "Rate exceeded", "req-1", 400) : null;
            DataDeletionJobWaiter waiter = Waiter(Track("a1", GroupA), Track("b1", GroupB));

            PollRound result = Poll(waiter);

            Assert.True(result.Throttled);
            Assert.Empty(result.Failures);
            Assert.Equal(2, waiter.Unfinished.Count());
            Assert.Equal(2, _client.ListCalls);
        }

        [Theory]
        [InlineData("ThrottlingException")]
        [InlineData("Throttling")]
        [InlineData("TooManyRequestsException")]
        public void ThrottledDescribeSetsThrottledWithoutFailures(string errorCode)
        {
            Serve(GroupA, "j1");
            _client.DescribeFault = _ => new PersonalizeServiceException(errorCode, "Rate exceeded", "req-1", 400);
            DataDeletionJob job = Track("j1", null);
            DataDeletionJobWaiter waiter = Waiter(job);

            PollRound result = Poll(waiter);

            Assert.True(result.Throttled);
            Assert.Empty(result.Failures);
            Assert.Equal(1, result.DescribeCalls);
            Assert.Equal(new[] { job }, waiter.Unfinished);
        }

        [Fact]
        public void AQuietRoundIsNotThrottled()
        {
            Serve(GroupA, "j1");
            DataDeletionJobWaiter waiter = Waiter(Track("j1", GroupA));

            Assert.False(Poll(waiter).Throttled);
        }

        [Fact]
        public void AJobThatDoesNotExistLandsInFailures()
        {
            Serve(GroupA, "real");
            DataDeletionJob ghost = Track("ghost", GroupA);
            DataDeletionJob real = Track("real", GroupA);
            DataDeletionJobWaiter waiter = Waiter(ghost, real);

            PollRound result = Poll(waiter);

            KeyValuePair<DataDeletionJob, Exception> failure = Assert.Single(result.Failures);
            Assert.Same(ghost, failure.Key);
            Assert.IsType<ResourceNotFoundException>(failure.Value);
            Assert.False(result.Throttled);
            Assert.Equal(1, result.DescribeCalls);
            Assert.Contains(ghost, waiter.Unfinished);
        }

        [Fact]
        public void AFailedListingFailsEachJobOfThatGroupButNotTheOthers()
        {
            Serve(GroupA, "a1");
            Serve(GroupA, "a2");
            Serve(GroupB, "b1");
            _client.ListFault = group => group == GroupA ? new PersonalizeServiceException("InternalFailure", "Oops", "req-1", 500) : null;
            DataDeletionJob a1 = Track("a1", GroupA);
            DataDeletionJob a2 = Track("a2", GroupA);
            DataDeletionJob b1 = Track("b1", GroupB);
            DataDeletionJobWaiter waiter = Waiter(a1, a2, b1);
            Finish("b1", 3);

            PollRound result = Poll(waiter);

            Assert.Equal(new[] { a1, a2 }, result.Failures.Select(failure => failure.Key));
            Assert.All(result.Failures, failure => Assert.Equal("InternalFailure", Assert.IsType<PersonalizeServiceException>(failure.Value).ErrorCode));
            Assert.Equal(3, waiter.Unfinished.Count() + waiter.FinishedCount);
            Assert.Equal(new[] { b1 }, result.NewlyFinished);
            Assert.False(result.Throttled);
        }

        [Fact]
        public void UnreachableServiceLandsInFailures()
        {
            Serve(GroupA, "j1");
            _client.DescribeFault = _ => new PersonalizeClientException("No route to host", "https://personalize.eu-west-1.amazonaws.com", null);
            DataDeletionJob job = Track("j1", null);

            PollRound result = Poll(Waiter(job));

            Assert.Same(job, Assert.Single(result.Failures).Key);
            Assert.IsType<PersonalizeClientException>(result.Failures[0].Value);
        }

        [Fact]
        public void PagingStopsOnceEveryTrackedJobWasSeen()
        {
            for (int i = 0; i < 250; i++)
            {
                Serve(GroupA, "old" + i);
            }

            Serve(GroupA, "ours");
            DataDeletionJob? ours = Track("ours", GroupA);

            PollRound result = Poll(Waiter(ours));

            Assert.Equal(1, result.ListCalls);
            Assert.Equal(new[] { "List " + GroupA + " -" }, _client.Calls);
            Assert.Equal(0, result.DescribeCalls);
        }

        [Fact]
        public void PagingContinuesUntilTheOldestTrackedJobIsSeen()
        {
            Serve(GroupA, "oldest");
            for (int i = 0; i < 249; i++)
            {
                Serve(GroupA, "other" + i);
            }

            Serve(GroupA, "newest");

            PollRound result = Poll(Waiter(Track("newest", GroupA), Track("oldest", GroupA)));

            Assert.Equal(3, result.ListCalls);
            Assert.Equal(0, result.DescribeCalls);
            Assert.Equal(new[] { "List " + GroupA + " -", "List " + GroupA + " 100", "List " + GroupA + " 200" }, _client.Calls);
        }

        [Fact]
        public void AJobNotInAFullListingIsDescribedAfterTheLastPage()
        {
            for (int i = 0; i < 150; i++)
            {
                Serve(GroupA, "other" + i);
            }

            Serve(GroupB, "moved");

            PollRound result = Poll(Waiter(Track("moved", GroupA)));

            Assert.Equal(2, result.ListCalls);
            Assert.Equal(1, result.DescribeCalls);
            Assert.Equal("Describe " + ArnOf("moved"), _client.Calls.Last());
        }

        [Fact]
        public void AbandonRemovesAJobFromUnfinishedAndFromPolling()
        {
            Serve(GroupA, "kept");
            Serve(GroupB, "dropped");
            DataDeletionJob kept = Track("kept", GroupA);
            DataDeletionJob dropped = Track("dropped", GroupB);
            DataDeletionJobWaiter waiter = Waiter(kept, dropped);

            waiter.Abandon(dropped);

            Assert.Equal(new[] { kept }, waiter.Unfinished);
            Assert.Equal(2, waiter.Jobs.Count);
            PollRound result = Poll(waiter);
            Assert.Equal(1, result.ListCalls);
            Assert.DoesNotContain(_client.Calls, call => call.Contains(GroupB, StringComparison.Ordinal) || call.Contains("dropped", StringComparison.Ordinal));

            Finish("kept", 1);
            Poll(waiter);
            Assert.True(waiter.IsDone);
            Assert.Equal(1, waiter.FinishedCount);
        }

        [Fact]
        public void ClientsAreChosenByTheJobsRegion()
        {
            Serve(GroupA, "j1");
            DataDeletionJob listed = Track("j1", GroupA);
            listed.Region = "eu-west-1";
            DataDeletionJob unknown = Track("j1", null);
            unknown.Region = null;

            Poll(Waiter(listed, unknown));

            Assert.Equal(new string?[] { "eu-west-1", null }, _regionsAsked);
        }

        [Fact]
        public async Task CancellationIsNotReportedAsAFailure()
        {
            Serve(GroupA, "j1");
            _client.ListFault = _ => new OperationCanceledException();

            await Assert.ThrowsAsync<OperationCanceledException>(() => Waiter(Track("j1", GroupA)).PollAsync(CancellationToken.None));
        }
    }
}
