using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;
using Xunit;

namespace PersonalizeDeletion.Tests.Jobs
{
    public class DataDeletionJobSubmitterTests
    {
        private const string Group = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/movies";
        private const string OtherGroup = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/books";
        private const string Role = "arn:aws:iam::123456789012:role/PersonalizeDeletion";
        private const string Location = "s3://bucket/staging/users-1.csv";
        private const string OtherLocation = "s3://bucket/staging/users-0.csv";
        private const string JobArn = "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/my-job";

        private static CreateDataDeletionJobInput Input(string name = "my-job", string group = Group, string location = Location) =>
            new CreateDataDeletionJobInput(name, group, location, Role, null);

        private static InMemoryPersonalizeClient ClientWithExisting(string datasetGroupArn, string? dataLocation, string name = "my-job")
        {
            var client = new InMemoryPersonalizeClient
            {
                CreateFault = input => new ResourceAlreadyExistsException("Job " + input.JobName + " already exists.", "req-1", 400),
            };
            client.Add(new DataDeletionJobInfo
            {
                JobName = name,
                DataDeletionJobArn = "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/" + name,
                DatasetGroupArn = datasetGroupArn,
                DataLocation = dataLocation,
                RoleArn = Role,
                Status = DataDeletionJob.StatusInProgress,
            });
            return client;
        }

        private static InMemoryPersonalizeClient ClientWithFailedExisting(string dataLocation, string failureReason)
        {
            InMemoryPersonalizeClient client = ClientWithExisting(Group, dataLocation);
            DataDeletionJobInfo failed = client.Find(JobArn);
            failed.Status = DataDeletionJob.StatusFailed;
            failed.FailureReason = failureReason;
            return client;
        }

        private static Func<string, CancellationToken, Task<bool>> SameData(bool answer, List<string> asked) =>
            (location, token) =>
            {
                asked.Add(location);
                return Task.FromResult(answer);
            };

        [Fact]
        public async Task CreatesThenDescribesTheNewJob()
        {
            var client = new InMemoryPersonalizeClient();
            var submitter = new DataDeletionJobSubmitter(client);

            SubmissionOutcome outcome = await submitter.SubmitAsync(Input(), nameIsDerived: true, isSameData: null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Created, outcome.Status);
            Assert.Equal(new[] { "Create my-job", "Describe " + JobArn }, client.Calls);
            Assert.NotNull(outcome.Job);
            Assert.Equal(JobArn, outcome.Job!.DataDeletionJobArn);
            Assert.Equal(Location, outcome.Job.DataLocation);
            Assert.Equal(Role, outcome.Job.RoleArn);
            Assert.Equal(DataDeletionJob.StatusPending, outcome.Job.Status);
            Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), outcome.Job.CreationDateTime);
            Assert.Equal(Location, Assert.Single(client.Created).DataLocation);
        }

        [Fact]
        public async Task AFullQueueIsReportedNotThrown()
        {
            var client = new InMemoryPersonalizeClient
            {
                CreateFault = _ => new LimitExceededException("Too many pending data deletion jobs.", "req-2", 400),
            };

            SubmissionOutcome outcome = await new DataDeletionJobSubmitter(client).SubmitAsync(Input(), true, null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.QuotaFull, outcome.Status);
            Assert.Null(outcome.Job);
            Assert.Equal("Too many pending data deletion jobs.", outcome.Message);
            Assert.Equal(new[] { "Create my-job" }, client.Calls);
        }

        [Fact]
        public async Task ADerivedNameThatExistsInTheSameGroupIsTheSameRequest()
        {
            // Location differs (a fresh staging of the same CSV), but the derived name already proves the content.
            InMemoryPersonalizeClient client = ClientWithExisting(Group, OtherLocation);
            var asked = new List<string>();

            SubmissionOutcome outcome = await new DataDeletionJobSubmitter(client).SubmitAsync(Input(), nameIsDerived: true, SameData(false, asked), CancellationToken.None);

            Assert.Equal(SubmissionStatus.AlreadySubmitted, outcome.Status);
            Assert.Equal(JobArn, outcome.Job!.DataDeletionJobArn);
            Assert.Equal(OtherLocation, outcome.Job.DataLocation);
            Assert.Equal(DataDeletionJob.StatusInProgress, outcome.Job.Status);
            Assert.False(string.IsNullOrEmpty(outcome.Message));
            Assert.Empty(asked);
            Assert.Equal(new[] { "Create my-job", "Describe " + JobArn }, client.Calls);
        }

        [Fact]
        public async Task AnExplicitNameWithTheSameGroupAndLocationIsTheSameRequest()
        {
            InMemoryPersonalizeClient client = ClientWithExisting(Group, Location);
            var asked = new List<string>();

            SubmissionOutcome outcome = await new DataDeletionJobSubmitter(client).SubmitAsync(Input(), nameIsDerived: false, SameData(false, asked), CancellationToken.None);

            Assert.Equal(SubmissionStatus.AlreadySubmitted, outcome.Status);
            Assert.Equal(JobArn, outcome.Job!.DataDeletionJobArn);
            Assert.Empty(asked);
        }

        [Fact]
        public async Task AnExplicitNameElsewhereWithTheSameDataIsTheSameRequest()
        {
            InMemoryPersonalizeClient client = ClientWithExisting(Group, OtherLocation);
            var asked = new List<string>();

            SubmissionOutcome outcome = await new DataDeletionJobSubmitter(client).SubmitAsync(Input(), nameIsDerived: false, SameData(true, asked), CancellationToken.None);

            Assert.Equal(SubmissionStatus.AlreadySubmitted, outcome.Status);
            Assert.Equal(new[] { OtherLocation }, asked);
            Assert.Contains(OtherLocation, outcome.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task AnExplicitNameElsewhereWithOtherDataIsInUse()
        {
            InMemoryPersonalizeClient client = ClientWithExisting(Group, OtherLocation);
            var asked = new List<string>();

            JobNameInUseException inUse = await Assert.ThrowsAsync<JobNameInUseException>(
                () => new DataDeletionJobSubmitter(client).SubmitAsync(Input(), nameIsDerived: false, SameData(false, asked), CancellationToken.None));

            Assert.Equal("my-job", inUse.JobName);
            Assert.Equal(JobArn, inUse.ExistingJobArn);
            Assert.Contains(OtherLocation, inUse.Message, StringComparison.Ordinal);
            Assert.Equal(new[] { OtherLocation }, asked);
            Assert.Equal(1, client.CreateCalls);
        }

        [Fact]
        public async Task AnExplicitNameElsewhereWithNothingToCompareIsInUse()
        {
            InMemoryPersonalizeClient client = ClientWithExisting(Group, OtherLocation);

            await Assert.ThrowsAsync<JobNameInUseException>(
                () => new DataDeletionJobSubmitter(client).SubmitAsync(Input(), nameIsDerived: false, isSameData: null, CancellationToken.None));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task ANameHeldInAnotherDatasetGroupIsInUse(bool nameIsDerived)
        {
            // Even a derived name, even with the same location and data: another group is another request.
            InMemoryPersonalizeClient client = ClientWithExisting(OtherGroup, Location);
            var asked = new List<string>();

            JobNameInUseException inUse = await Assert.ThrowsAsync<JobNameInUseException>(
                () => new DataDeletionJobSubmitter(client).SubmitAsync(Input(), nameIsDerived, SameData(true, asked), CancellationToken.None));

            Assert.Equal(JobArn, inUse.ExistingJobArn);
            Assert.Contains(OtherGroup, inUse.Message, StringComparison.Ordinal);
            Assert.Empty(asked);
        }

        [Fact]
        public async Task ANameThatExistsButCannotBeDescribedIsInUse()
        {
            var client = new InMemoryPersonalizeClient
            {
                CreateFault = _ => new ResourceAlreadyExistsException("exists", "req-1", 400),
            };

            JobNameInUseException inUse = await Assert.ThrowsAsync<JobNameInUseException>(
                () => new DataDeletionJobSubmitter(client).SubmitAsync(Input(), true, null, CancellationToken.None));

            Assert.Equal(JobArn, inUse.ExistingJobArn);
        }

        public static IEnumerable<object[]> FollowUpFailures() => new[]
        {
            new object[] { new PersonalizeServiceException("InternalFailure", "boom", "req-3", 500) },
            new object[] { new ResourceNotFoundException("not yet visible", "req-4", 400) },
            new object[] { new PersonalizeServiceException("ThrottlingException", "slow down", "req-5", 400) },
            new object[] { new PersonalizeClientException("connection reset", "https://personalize.eu-west-1.amazonaws.com", null) },
        };

        [Theory]
        [MemberData(nameof(FollowUpFailures))]
        public async Task AFailingFollowUpDescribeStillReturnsTheCreatedJob(Exception failure)
        {
            var client = new InMemoryPersonalizeClient { DescribeFault = _ => failure };

            SubmissionOutcome outcome = await new DataDeletionJobSubmitter(client).SubmitAsync(Input(), true, null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Created, outcome.Status);
            Assert.Equal(new[] { "Create my-job", "Describe " + JobArn }, client.Calls);
            DataDeletionJobInfo job = outcome.Job!;
            Assert.Equal(JobArn, job.DataDeletionJobArn);
            Assert.Equal("my-job", job.JobName);
            Assert.Equal(Group, job.DatasetGroupArn);
            Assert.Equal(Location, job.DataLocation);
            Assert.Equal(Role, job.RoleArn);
            Assert.Equal(DataDeletionJob.StatusPending, job.Status);
        }

        [Fact]
        public async Task CancellationDuringTheFollowUpDescribeStillReturnsTheCreatedJob()
        {
            // The job exists: taking a Ctrl+C here for "not created" would let the caller remove the CSV it reads.
            var client = new InMemoryPersonalizeClient { DescribeFault = _ => new OperationCanceledException() };

            SubmissionOutcome outcome = await new DataDeletionJobSubmitter(client).SubmitAsync(Input(), true, null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Created, outcome.Status);
            Assert.Equal(JobArn, outcome.Job!.DataDeletionJobArn);
            Assert.Equal(Location, outcome.Job.DataLocation);
        }

        public static IEnumerable<object[]> CreateFailuresWithoutAnAnswer() => new[]
        {
            new object[] { new PersonalizeClientException("Amazon Personalize did not answer in time", "https://personalize.eu-west-1.amazonaws.com", new TimeoutException()) },
            new object[] { new PersonalizeServiceException("InternalFailure", "boom", "req-7", 500) },
            new object[] { new PersonalizeServiceException("ServiceUnavailable", "later", "req-8", 503) },
            new object[] { new OperationCanceledException("the HTTP client timed out") },
        };

        [Theory]
        [MemberData(nameof(CreateFailuresWithoutAnAnswer))]
        public async Task ACreateWithoutAnAnswerThatWasCarriedOutIsFoundByItsNameAndIsCreated(Exception failure)
        {
            // The service created the job; the answer was lost (the fault runs before the in-memory create, so the
            // job is put there by hand, as the service would have).
            var client = new InMemoryPersonalizeClient { CreateFault = _ => failure };
            client.Add(new DataDeletionJobInfo { JobName = "my-job", DataDeletionJobArn = JobArn, DatasetGroupArn = Group, DataLocation = Location, RoleArn = Role, Status = DataDeletionJob.StatusPending });

            SubmissionOutcome outcome = await new DataDeletionJobSubmitter(client).SubmitAsync(Input(), true, null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Created, outcome.Status);
            Assert.Equal(JobArn, outcome.Job!.DataDeletionJobArn);
            Assert.Equal(new[] { "Create my-job", "Describe " + JobArn }, client.Calls);
        }

        [Theory]
        [MemberData(nameof(CreateFailuresWithoutAnAnswer))]
        public async Task ACreateWithoutAnAnswerWhoseJobDoesNotExistKeepsItsOwnError(Exception failure)
        {
            var client = new InMemoryPersonalizeClient { CreateFault = _ => failure };

            Exception thrown = await Assert.ThrowsAnyAsync<Exception>(
                () => new DataDeletionJobSubmitter(client).SubmitAsync(Input(), true, null, CancellationToken.None));

            Assert.Same(failure, thrown);
            Assert.Equal(new[] { "Create my-job", "Describe " + JobArn }, client.Calls);
        }

        [Fact]
        public async Task ACreateWithoutAnAnswerThatCannotBeLookedUpIsOutcomeUnknown()
        {
            var lost = new PersonalizeClientException("connection reset", "https://personalize.eu-west-1.amazonaws.com", null);
            var client = new InMemoryPersonalizeClient
            {
                CreateFault = _ => lost,
                DescribeFault = _ => new PersonalizeServiceException("InternalFailure", "describe broke", "req-9", 500),
            };

            JobOutcomeUnknownException unknown = await Assert.ThrowsAsync<JobOutcomeUnknownException>(
                () => new DataDeletionJobSubmitter(client).SubmitAsync(Input(), true, null, CancellationToken.None));

            Assert.Equal("my-job", unknown.JobName);
            Assert.Equal(JobArn, unknown.JobArn);
            Assert.Same(lost, unknown.InnerException);
            Assert.Contains("connection reset", unknown.Message, StringComparison.Ordinal);
            Assert.Contains("describe broke", unknown.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task ACreateStoppedByTheCallerIsStillLookedUpOnATokenOfItsOwn(bool created)
        {
            // Ctrl+C while the SDK waited to retry (or the request was out): whether a job exists decides whether
            // the caller may remove the CSV, so the look-up runs although the caller's token is cancelled.
            using var stop = new CancellationTokenSource();
            var stopped = new OperationCanceledException(stop.Token);
            var client = new InMemoryPersonalizeClient
            {
                CreateFault = _ =>
                {
                    stop.Cancel();
                    return stopped;
                },
            };
            if (created)
            {
                client.Add(new DataDeletionJobInfo { JobName = "my-job", DataDeletionJobArn = JobArn, DatasetGroupArn = Group, DataLocation = Location, RoleArn = Role, Status = DataDeletionJob.StatusPending });
            }

            var submitter = new DataDeletionJobSubmitter(client);
            if (created)
            {
                SubmissionOutcome outcome = await submitter.SubmitAsync(Input(), true, null, stop.Token);
                Assert.Equal(SubmissionStatus.Created, outcome.Status);
            }
            else
            {
                Assert.Same(stopped, await Assert.ThrowsAsync<OperationCanceledException>(() => submitter.SubmitAsync(Input(), true, null, stop.Token)));
            }

            Assert.Equal(new[] { "Create my-job", "Describe " + JobArn }, client.Calls);
        }

        [Fact]
        public async Task ACreateWithoutAnAnswerWhoseChosenNameHoldsAnotherRequestIsInUse()
        {
            var client = new InMemoryPersonalizeClient { CreateFault = _ => new PersonalizeServiceException("InternalFailure", "boom", "req-10", 500) };
            client.Add(new DataDeletionJobInfo { JobName = "my-job", DataDeletionJobArn = JobArn, DatasetGroupArn = Group, DataLocation = OtherLocation, RoleArn = Role, Status = DataDeletionJob.StatusCompleted });

            JobNameInUseException inUse = await Assert.ThrowsAsync<JobNameInUseException>(
                () => new DataDeletionJobSubmitter(client).SubmitAsync(Input(), nameIsDerived: false, isSameData: null, CancellationToken.None));

            Assert.Contains(OtherLocation, inUse.Message, StringComparison.Ordinal);
            Assert.Equal(1, client.DescribeCalls);
        }

        [Theory]
        [InlineData(DataDeletionJob.StatusCompleted, "AlreadySubmitted")]
        [InlineData(DataDeletionJob.StatusFailed, "EarlierAttemptFailed")]
        public async Task ACreateWithoutAnAnswerWhoseDerivedNameWasTakenBeforeIsJudgedLikeANameClash(string status, string expected)
        {
            // The lost answer was "already exists": the job under the derived name is an earlier run of this request.
            var client = new InMemoryPersonalizeClient { CreateFault = _ => new PersonalizeClientException("connection reset", null, null) };
            client.Add(new DataDeletionJobInfo { JobName = "my-job", DataDeletionJobArn = JobArn, DatasetGroupArn = Group, DataLocation = OtherLocation, RoleArn = Role, Status = status });

            SubmissionOutcome outcome = await new DataDeletionJobSubmitter(client).SubmitAsync(Input(), nameIsDerived: true, isSameData: null, CancellationToken.None);

            Assert.Equal(expected, outcome.Status.ToString());
            Assert.Equal(OtherLocation, outcome.Job!.DataLocation);
            Assert.Equal(1, client.DescribeCalls);
        }

        [Theory]
        [InlineData("ThrottlingException", 400)]
        [InlineData("AccessDeniedException", 403)]
        public async Task AnsweredCreateErrorsAreNotLookedUp(string code, int status)
        {
            var refusal = new PersonalizeServiceException(code, "no", "req-11", status);
            var client = new InMemoryPersonalizeClient { CreateFault = _ => refusal };

            Exception thrown = await Assert.ThrowsAnyAsync<Exception>(
                () => new DataDeletionJobSubmitter(client).SubmitAsync(Input(), true, null, CancellationToken.None));

            Assert.Same(refusal, thrown);
            Assert.Equal(0, client.DescribeCalls);
        }

        [Fact]
        public async Task ADerivedNameWhoseJobFailedIsAnEarlierAttemptThatFailed()
        {
            InMemoryPersonalizeClient client = ClientWithFailedExisting(OtherLocation, "Access denied reading the CSV");

            SubmissionOutcome outcome = await new DataDeletionJobSubmitter(client).SubmitAsync(Input(), nameIsDerived: true, isSameData: null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.EarlierAttemptFailed, outcome.Status);
            Assert.Equal(JobArn, outcome.Job!.DataDeletionJobArn);
            Assert.Equal("Access denied reading the CSV", outcome.Message);
        }

        [Fact]
        public async Task AChosenNameWhoseJobForTheSameDataFailedIsInUseAndSaysItFailed()
        {
            InMemoryPersonalizeClient client = ClientWithFailedExisting(Location, "Role cannot be assumed");

            JobNameInUseException inUse = await Assert.ThrowsAsync<JobNameInUseException>(
                () => new DataDeletionJobSubmitter(client).SubmitAsync(Input(), nameIsDerived: false, isSameData: null, CancellationToken.None));

            Assert.Contains("FAILED (Role cannot be assumed)", inUse.Message, StringComparison.Ordinal);
            Assert.Contains("were not deleted", inUse.Message, StringComparison.Ordinal);
            Assert.Equal(JobArn, inUse.ExistingJobArn);
        }

        [Fact]
        public async Task OtherCreateErrorsPropagate()
        {
            var client = new InMemoryPersonalizeClient
            {
                CreateFault = _ => new InvalidInputException("bad role", "req-6", 400),
            };

            await Assert.ThrowsAsync<InvalidInputException>(
                () => new DataDeletionJobSubmitter(client).SubmitAsync(Input(), true, null, CancellationToken.None));
            Assert.Equal(1, client.CreateCalls);
            Assert.Equal(0, client.DescribeCalls);
        }

        [Theory]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:dataset-group/g", "arn:aws:personalize:us-east-1:123456789012:data-deletion-job/job-1")]
        [InlineData("arn:aws-cn:personalize:cn-north-1:210987654321:dataset-group/g", "arn:aws-cn:personalize:cn-north-1:210987654321:data-deletion-job/job-1")]
        [InlineData("arn:aws-us-gov:personalize:us-gov-west-1:000000000001:dataset-group/g", "arn:aws-us-gov:personalize:us-gov-west-1:000000000001:data-deletion-job/job-1")]
        public void JobArnsLiveBesideTheirDatasetGroup(string group, string expected)
        {
            Assert.Equal(expected, DataDeletionJobSubmitter.JobArnFor(Input("job-1", group)));
        }

        [Theory]
        [InlineData("movies")]
        [InlineData("arn:aws:personalize:us-east-1:1234:dataset-group/g")]
        public void JobArnForRejectsAnInvalidGroupArn(string group)
        {
            Assert.Throws<ArgumentException>(() => DataDeletionJobSubmitter.JobArnFor(Input("job-1", group)));
        }
    }
}
