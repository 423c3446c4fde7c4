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

        private static readonly SubmitterTiming Timing = new SubmitterTiming(
            new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) },
            new[] { TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) });

        /// <summary>A submitter whose waits are recorded instead of slept.</summary>
        private static DataDeletionJobSubmitter Submitter(InMemoryPersonalizeClient client, List<TimeSpan> waits) =>
            new DataDeletionJobSubmitter(client, Timing, (delay, token) =>
            {
                waits.Add(delay);
                token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            });

        /// <summary>
        /// A client that behaves like the service towards repeated Creates: names are unique (a second Create meets
        /// the first job), the first <paramref name="unansweredSends"/> Creates fail without reaching it, and the
        /// next <paramref name="lostAnswers"/> are carried out but their answers lost.
        /// </summary>
        private static InMemoryPersonalizeClient Service(int lostAnswers, int unansweredSends, Exception failure)
        {
            var client = new InMemoryPersonalizeClient();
            int sends = 0;
            bool created = false;
            client.CreateFault = input =>
            {
                sends++;
                if (sends <= unansweredSends)
                {
                    return failure;
                }

                if (created)
                {
                    return new ResourceAlreadyExistsException("Data deletion job with name " + input.JobName + " already exists.", "req-x", 400);
                }

                created = true;
                if (sends <= unansweredSends + lostAnswers)
                {
                    client.Add(new DataDeletionJobInfo { JobName = input.JobName, DataDeletionJobArn = JobArn, DatasetGroupArn = input.DatasetGroupArn, DataLocation = input.DataLocation, RoleArn = input.RoleArn, Status = DataDeletionJob.StatusPending });
                    return failure;
                }

                // Carried out and answered: the in-memory client adds the job itself.
                return null;
            };
            return client;
        }

        private static List<DataDeletionJobInfo> Jobs(InMemoryPersonalizeClient client) =>
            client.ListDataDeletionJobsAsync(null, null, null, CancellationToken.None).GetAwaiter().GetResult().Items.ToList();

        private static PersonalizeServiceException Refusal(string code, int status) => code switch
        {
            "InvalidInputException" => new InvalidInputException("invalid", "req-r", status),
            "ResourceNotFoundException" => new ResourceNotFoundException("no group", "req-r", status),
            "ResourceInUseException" => new ResourceInUseException("not active", "req-r", status),
            "TooManyTagsException" => new TooManyTagsException("tags", "req-r", status),
            "LimitExceededException" => new LimitExceededException("quota", "req-r", status),
            _ => new PersonalizeServiceException(code, "refused", "req-r", status),
        };

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
        public async Task AnExistingNameThatNoReadCanSeeIsOutcomeUnknown_NotInUse()
        {
            // The SDK retries a Create whose answer it lost, so even a first "already exists" may be this very
            // request's job; calling it someone else's would let the caller remove the CSV the job reads.
            var client = new InMemoryPersonalizeClient
            {
                CreateFault = _ => new ResourceAlreadyExistsException("exists", "req-1", 400),
            };
            var waits = new List<TimeSpan>();

            JobOutcomeUnknownException unknown = await Assert.ThrowsAsync<JobOutcomeUnknownException>(
                () => Submitter(client, waits).SubmitAsync(Input(), true, null, CancellationToken.None));

            Assert.Equal(JobArn, unknown.JobArn);
            Assert.Contains("no read could see it", unknown.Message, StringComparison.Ordinal);
            Assert.Equal(Timing.ReadDelays.Count + 1, client.DescribeCalls);
            Assert.Equal(Timing.ReadDelays, waits);
        }

        [Fact]
        public async Task AnExistingNameIsReadAgainUntilTheLaggingReadSeesTheJob()
        {
            InMemoryPersonalizeClient client = ClientWithExisting(Group, OtherLocation);
            int reads = 0;
            client.DescribeFault = _ => ++reads <= 2 ? new ResourceNotFoundException("not yet", "req-2", 400) : null;
            var waits = new List<TimeSpan>();

            SubmissionOutcome outcome = await Submitter(client, waits).SubmitAsync(Input(), nameIsDerived: true, isSameData: null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.AlreadySubmitted, outcome.Status);
            Assert.Equal(3, client.DescribeCalls);
            Assert.Equal(new[] { Timing.ReadDelays[0], Timing.ReadDelays[1] }, waits);
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

        public static IEnumerable<object[]> NoAnswer() => new[]
        {
            new object[] { new PersonalizeClientException("Amazon Personalize did not answer in time", "https://personalize.eu-west-1.amazonaws.com", new TimeoutException()) },
            new object[] { new PersonalizeServiceException("InternalFailure", "boom", "req-7", 500) },
            new object[] { new PersonalizeServiceException("ServiceUnavailable", "later", "req-8", 503) },
            new object[] { new OperationCanceledException("the HTTP client timed out") },
        };

        [Theory]
        [MemberData(nameof(NoAnswer))]
        public async Task ACreateWithoutAnAnswerIsSentAgain_AndTheNextSendCreatesTheJob(Exception failure)
        {
            var client = Service(lostAnswers: 0, unansweredSends: 1, failure);
            var waits = new List<TimeSpan>();

            SubmissionOutcome outcome = await Submitter(client, waits).SubmitAsync(Input(), true, null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Created, outcome.Status);
            Assert.Equal(2, client.CreateCalls);
            Assert.Single(Jobs(client));
            Assert.Equal(new[] { Timing.ResendDelays[0] }, waits);
            Assert.Contains("send 2 created it", outcome.Message, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(NoAnswer))]
        public async Task ACreateCarriedOutWhoseAnswerWasLost_IsMetByTheNextSend_WhileReadsStillLag(Exception failure)
        {
            // The service created the job and the answer was lost; the next send meets it ("already exists"), and
            // the first read does not see it yet. Exactly one job, and it is this request's.
            var client = Service(lostAnswers: 1, unansweredSends: 0, failure);
            int reads = 0;
            client.DescribeFault = _ => ++reads == 1 ? new ResourceNotFoundException("not yet", "req-9", 400) : null;
            var waits = new List<TimeSpan>();

            SubmissionOutcome outcome = await Submitter(client, waits).SubmitAsync(Input(), true, null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Created, outcome.Status);
            Assert.Equal(Location, outcome.Job!.DataLocation);
            Assert.Equal(2, client.CreateCalls);
            Assert.Single(Jobs(client));
            Assert.Equal(new[] { Timing.ResendDelays[0], Timing.ReadDelays[0] }, waits);
        }

        [Fact]
        public async Task NoAnswerToAnySend_AndNoReadFindingTheJob_IsOutcomeUnknown_NeverNotCreated()
        {
            var lost = new PersonalizeClientException("connection reset", "https://personalize.eu-west-1.amazonaws.com", null);
            var client = new InMemoryPersonalizeClient { CreateFault = _ => lost };
            var waits = new List<TimeSpan>();

            JobOutcomeUnknownException unknown = await Assert.ThrowsAsync<JobOutcomeUnknownException>(
                () => Submitter(client, waits).SubmitAsync(Input(), true, null, CancellationToken.None));

            Assert.Equal("my-job", unknown.JobName);
            Assert.Equal(JobArn, unknown.JobArn);
            Assert.Same(lost, unknown.InnerException);
            Assert.Contains("4 sends of the same Create got no answer that settles it", unknown.Message, StringComparison.Ordinal);
            Assert.Contains("connection reset", unknown.Message, StringComparison.Ordinal);
            Assert.Contains("look for it by its name, my-job", unknown.Message, StringComparison.Ordinal);
            Assert.Equal(Timing.MaxSends, client.CreateCalls);
            Assert.Equal(Timing.ReadDelays.Count + 1, client.DescribeCalls);
            Assert.Equal(Timing.ResendDelays.Concat(Timing.ReadDelays), waits);
        }

        [Fact]
        public async Task NoAnswerToAnySend_ButAReadFindingTheJob_IsCreated()
        {
            var client = Service(lostAnswers: int.MaxValue, unansweredSends: 0, new PersonalizeServiceException("InternalFailure", "boom", "req-10", 500));

            SubmissionOutcome outcome = await Submitter(client, new List<TimeSpan>()).SubmitAsync(Input(), true, null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Created, outcome.Status);
            Assert.Single(Jobs(client));
            Assert.Equal(1, client.DescribeCalls);
        }

        [Theory]
        [InlineData("InvalidInputException", 400)]
        [InlineData("ResourceNotFoundException", 400)]
        [InlineData("ResourceInUseException", 400)]
        [InlineData("TooManyTagsException", 400)]
        [InlineData("ThrottlingException", 400)]
        [InlineData("AccessDeniedException", 403)]
        public async Task AFirstSendTheServiceRefusesIsNotCreated_AndNothingIsReadOrSentAgain(string code, int status)
        {
            PersonalizeServiceException refusal = Refusal(code, status);
            var client = new InMemoryPersonalizeClient { CreateFault = _ => refusal };

            Exception thrown = await Assert.ThrowsAnyAsync<Exception>(
                () => Submitter(client, new List<TimeSpan>()).SubmitAsync(Input(), true, null, CancellationToken.None));

            Assert.Same(refusal, thrown);
            Assert.Equal(1, client.CreateCalls);
            Assert.Equal(0, client.DescribeCalls);
        }

        [Theory]
        [InlineData("LimitExceededException", 400)]
        [InlineData("ResourceInUseException", 400)]
        [InlineData("ResourceNotFoundException", 400)]
        [InlineData("ThrottlingException", 400)]
        public async Task AfterALostAnswerARefusalThatDependsOnTheServicesStateProvesNothing(string code, int status)
        {
            // The lost first send created the job and so took the last PENDING slot (say): the refusal of the
            // second is no proof that the first did nothing, so the Create goes out again until it meets the job.
            int sends = 0;
            var client = new InMemoryPersonalizeClient();
            client.CreateFault = input =>
            {
                switch (++sends)
                {
                    case 1:
                        client.Add(new DataDeletionJobInfo { JobName = input.JobName, DataDeletionJobArn = JobArn, DatasetGroupArn = input.DatasetGroupArn, DataLocation = input.DataLocation, RoleArn = Role, Status = DataDeletionJob.StatusPending });
                        return new PersonalizeClientException("connection reset", null, null);
                    case 2:
                        return Refusal(code, status);
                    default:
                        return new ResourceAlreadyExistsException("exists", "req-11", 400);
                }
            };

            SubmissionOutcome outcome = await Submitter(client, new List<TimeSpan>()).SubmitAsync(Input(), true, null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Created, outcome.Status);
            Assert.Equal(3, client.CreateCalls);
        }

        [Theory]
        [InlineData("LimitExceededException")]
        [InlineData("ResourceInUseException")]
        public async Task AStateRefusalAfterAnAttemptTheSdkRetriedUnansweredIsNotAFullQueue(string code)
        {
            // The SDK's own retry of the first send: its first attempt created the job and lost the answer, so this
            // one call ends in a quota (or state) refusal. It proves nothing; the Create goes out again and meets the job.
            int sends = 0;
            var client = new InMemoryPersonalizeClient();
            client.CreateFault = input =>
            {
                if (++sends == 1)
                {
                    client.Add(new DataDeletionJobInfo { JobName = input.JobName, DataDeletionJobArn = JobArn, DatasetGroupArn = input.DatasetGroupArn, DataLocation = input.DataLocation, RoleArn = Role, Status = DataDeletionJob.StatusPending });
                    PersonalizeServiceException refusal = Refusal(code, 400);
                    refusal.AfterUnansweredAttempt = true;
                    return refusal;
                }

                return new ResourceAlreadyExistsException("exists", "req-17", 400);
            };

            SubmissionOutcome outcome = await Submitter(client, new List<TimeSpan>()).SubmitAsync(Input(), true, null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.Created, outcome.Status);
            Assert.Equal(Location, outcome.Job!.DataLocation);
            Assert.Equal(2, client.CreateCalls);
            Assert.Single(Jobs(client));
        }

        [Fact]
        public async Task AFullQueueAnsweredAtTheFirstAttemptIsStillAFullQueue()
        {
            var client = new InMemoryPersonalizeClient { CreateFault = _ => new LimitExceededException("Too many pending data deletion jobs.", "req-18", 400) };

            SubmissionOutcome outcome = await Submitter(client, new List<TimeSpan>()).SubmitAsync(Input(), true, null, CancellationToken.None);

            Assert.Equal(SubmissionStatus.QuotaFull, outcome.Status);
            Assert.Equal(1, client.CreateCalls);
        }

        [Fact]
        public async Task AfterALostAnswerARefusalOfTheRequestItselfIsStillNotCreated()
        {
            int sends = 0;
            var invalid = new InvalidInputException("bad role", "req-12", 400);
            var client = new InMemoryPersonalizeClient { CreateFault = _ => ++sends == 1 ? new PersonalizeClientException("connection reset", null, null) : invalid };

            Assert.Same(invalid, await Assert.ThrowsAsync<InvalidInputException>(
                () => Submitter(client, new List<TimeSpan>()).SubmitAsync(Input(), true, null, CancellationToken.None)));
            Assert.Equal(2, client.CreateCalls);
            Assert.Equal(0, client.DescribeCalls);
        }

        [Fact]
        public async Task StoppedWhileTheCreateIsOut_IsOutcomeUnknown_WithNoFurtherSendOrRead()
        {
            // Ctrl+C: whether the service got the Create is unknown, and a read that finds nothing proves nothing;
            // the caller keeps the CSV. No second Create goes out after the caller said stop.
            using var stop = new CancellationTokenSource();
            var client = new InMemoryPersonalizeClient
            {
                CreateFault = _ =>
                {
                    stop.Cancel();
                    return new OperationCanceledException(stop.Token);
                },
            };

            JobOutcomeUnknownException unknown = await Assert.ThrowsAsync<JobOutcomeUnknownException>(
                () => Submitter(client, new List<TimeSpan>()).SubmitAsync(Input(), true, null, stop.Token));

            Assert.Contains("stopped", unknown.Message, StringComparison.Ordinal);
            Assert.Equal(new[] { "Create my-job" }, client.Calls);
        }

        [Fact]
        public async Task StoppedDuringTheBackOff_IsOutcomeUnknown()
        {
            using var stop = new CancellationTokenSource();
            var client = new InMemoryPersonalizeClient { CreateFault = _ => new PersonalizeServiceException("InternalFailure", "boom", "req-13", 500) };
            var submitter = new DataDeletionJobSubmitter(client, Timing, (delay, token) =>
            {
                stop.Cancel();
                token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            });

            await Assert.ThrowsAsync<JobOutcomeUnknownException>(() => submitter.SubmitAsync(Input(), true, null, stop.Token));
            Assert.Equal(1, client.CreateCalls);
        }

        [Fact]
        public async Task ACreateWithoutAnAnswerWhoseChosenNameHoldsAnotherRequestIsInUse()
        {
            var client = new InMemoryPersonalizeClient();
            int sends = 0;
            client.CreateFault = _ => ++sends == 1 ? new PersonalizeServiceException("InternalFailure", "boom", "req-14", 500) : new ResourceAlreadyExistsException("exists", "req-15", 400);
            client.Add(new DataDeletionJobInfo { JobName = "my-job", DataDeletionJobArn = JobArn, DatasetGroupArn = Group, DataLocation = OtherLocation, RoleArn = Role, Status = DataDeletionJob.StatusCompleted });

            JobNameInUseException inUse = await Assert.ThrowsAsync<JobNameInUseException>(
                () => Submitter(client, new List<TimeSpan>()).SubmitAsync(Input(), nameIsDerived: false, isSameData: null, CancellationToken.None));

            Assert.Contains(OtherLocation, inUse.Message, StringComparison.Ordinal);
            Assert.Equal(1, client.DescribeCalls);
        }

        [Theory]
        [InlineData(DataDeletionJob.StatusCompleted, "AlreadySubmitted")]
        [InlineData(DataDeletionJob.StatusFailed, "EarlierAttemptFailed")]
        public async Task ACreateWithoutAnAnswerWhoseDerivedNameWasTakenBeforeIsJudgedLikeANameClash(string status, string expected)
        {
            // The name was already taken by an earlier run of this request (which read another staging).
            var client = new InMemoryPersonalizeClient();
            int sends = 0;
            client.CreateFault = _ => ++sends == 1 ? new PersonalizeClientException("connection reset", null, null) : new ResourceAlreadyExistsException("exists", "req-16", 400);
            client.Add(new DataDeletionJobInfo { JobName = "my-job", DataDeletionJobArn = JobArn, DatasetGroupArn = Group, DataLocation = OtherLocation, RoleArn = Role, Status = status });

            SubmissionOutcome outcome = await Submitter(client, new List<TimeSpan>()).SubmitAsync(Input(), nameIsDerived: true, isSameData: null, CancellationToken.None);

            Assert.Equal(expected, outcome.Status.ToString());
            Assert.Equal(OtherLocation, outcome.Job!.DataLocation);
            Assert.Equal(1, client.DescribeCalls);
        }

        [Fact]
        public void OnlyAnswersFromTheServiceAreRefusals()
        {
            Assert.False(DataDeletionJobSubmitter.IsRefusal(new PersonalizeClientException("reset", null, null), afterLostAnswer: false));
            Assert.False(DataDeletionJobSubmitter.IsRefusal(new OperationCanceledException(), afterLostAnswer: false));
            Assert.False(DataDeletionJobSubmitter.IsRefusal(new PersonalizeServiceException("InternalFailure", "x", null, 500), afterLostAnswer: false));
            Assert.True(DataDeletionJobSubmitter.IsRefusal(new PersonalizeServiceException("AccessDeniedException", "x", null, 400), afterLostAnswer: false));
            Assert.False(DataDeletionJobSubmitter.IsRefusal(new PersonalizeServiceException("AccessDeniedException", "x", null, 400), afterLostAnswer: true));
            Assert.True(DataDeletionJobSubmitter.IsRefusal(new PersonalizeServiceException("ValidationException", "x", null, 400), afterLostAnswer: true));
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
