using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Requests;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Requests
{
    /// <summary>The story of a deletion request, on an in-memory AWS and a clock that does not wait.</summary>
    public class DeletionRequestTests
    {
        private readonly RequestWorld _world = new RequestWorld();

        private RecordingReporter Reporter => _world.Reporter;

        [Fact]
        public void StagesTheUniqueValidIdsOnceAndSubmitsOneJobAfterTheWholeInput()
        {
            using (DeletionRequest request = _world.Request())
            {
                DeletionTarget target = _world.Target();
                foreach (string id in new[] { "a", "b", "a", string.Empty, "c" })
                {
                    request.AddText(target, id);
                }

                Assert.Empty(_world.Jobs.Created);
                request.Complete();
            }

            DataDeletionJob job = Assert.Single(Reporter.Jobs);
            Assert.Equal(3, job.UserCount);
            Assert.Equal(1, job.DuplicateCount);
            Assert.Equal(1, job.RejectedCount);
            Assert.Matches("^pdel-retail-[0-9a-f]{20}$", job.JobName);
            string key = Assert.Single(_world.Staged.Keys);
            Assert.StartsWith("requests/pdel-20261201T100000Z-", key, StringComparison.Ordinal);
            Assert.Equal("USER_ID\na\nb\nc\n", _world.StagedText(key));
            Assert.Equal("s3://deletion-staging/" + key, job.DataLocation);
            Assert.Equal(job.DataLocation, job.StagedObject);
            RequestProblem rejected = Assert.Single(Reporter.Problems);
            Assert.Equal(ErrorIds.InvalidUserId, rejected.ErrorId);
            Assert.Equal("input #4", rejected.Target);
            Assert.Contains(Reporter.Verbose, line => line == "5 user ID(s) received: 3 to submit, 1 duplicate(s) submitted once, 1 rejected.");
        }

        [Fact]
        public void WaitsOutThePendingQuotaOnTheClockDoublingTheWaitUpTo30Seconds()
        {
            int refusals = 7;
            _world.Jobs.CreateFault = input => refusals-- > 0 ? new LimitExceededException("5 PENDING jobs already.", "req-quota", 400) : null;

            _world.Run(request => request.AddText(_world.Target(), "late"));

            Assert.Equal(new[] { 1, 2, 4, 8, 16, 30, 30 }.Select(seconds => TimeSpan.FromSeconds(seconds)), _world.Clock.Delays);
            DataDeletionJob job = Assert.Single(Reporter.Jobs);
            Assert.Equal(DataDeletionJob.StatusPending, job.Status);
            Assert.Equal(8, _world.Jobs.CreateCalls);
            Assert.Equal("WaitingForQuota done", Reporter.Progress.Last(line => line.StartsWith("WaitingForQuota", StringComparison.Ordinal)));
            Assert.Empty(Reporter.Problems);
        }

        [Fact]
        public void CtrlCDuringTheQuotaWaitCreatesNothingAndLeavesNothingStaged()
        {
            using var stop = new CancellationTokenSource();
            _world.Jobs.CreateFault = input => new LimitExceededException("5 PENDING jobs already.", "req-quota", 400);
            _world.Clock.OnDelay = stop.Cancel;

            using (DeletionRequest request = _world.Request(cancellation: stop.Token))
            {
                request.AddText(_world.Target(), "q");
                Assert.ThrowsAny<OperationCanceledException>(request.Complete);
            }

            Assert.Empty(Reporter.Jobs);
            Assert.Empty(_world.Staged);
            Assert.Empty(Reporter.Warnings);
        }

        [Fact]
        public void ARerunWhoseEarlierJobFailedGoesAgainAsDash2ThenDash3EachReadingItsOwnStaging()
        {
            DataDeletionJob first = SubmitAndFail("f1", "f2");
            DataDeletionJob second = SubmitAndFail("f1", "f2");
            Assert.Equal(first.JobName + "-2", second.JobName);
            Assert.Contains(Reporter.Warnings, warning => warning.Contains($"{first.JobName} for these same users FAILED (Access denied reading the CSV)", StringComparison.Ordinal));

            Reporter.Warnings.Clear();
            _world.Run(request =>
            {
                request.AddText(_world.Target(), "f1");
                request.AddText(_world.Target(), "f2");
            });

            DataDeletionJob third = Reporter.Jobs.Last();
            Assert.Equal(first.JobName + "-3", third.JobName);
            Assert.Equal(2, third.UserCount);
            Assert.Equal(2, Reporter.Warnings.Count);
            Assert.Equal(3, _world.Staged.Count);
            Assert.Empty(Reporter.Problems);
        }

        [Fact]
        public void AfterFiveFailedAttemptsTheNameIsInUseAndTheStagingIsRemoved()
        {
            for (int i = 0; i < 5; i++)
            {
                SubmitAndFail("g1");
            }

            _world.Run(request => request.AddText(_world.Target(), "g1"));

            RequestProblem inUse = Assert.Single(Reporter.Problems);
            Assert.Equal(ErrorIds.JobNameInUse, inUse.ErrorId);
            Assert.Contains("FAILED", inUse.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(5, _world.Jobs.Created.Select(input => input.JobName).Distinct().Count());
            Assert.Equal(5, _world.Staged.Count);
        }

        [Fact]
        public void OneStagedFileGoesToSeveralDatasetGroupsUploadedOnce()
        {
            _world.Run(request =>
            {
                DeletionTarget target = _world.Target(RequestWorld.Retail, RequestWorld.Media, RequestWorld.Books, RequestWorld.Media);
                request.AddText(target, "u1");
                request.AddText(target, "u2");
            });

            Assert.Equal(new[] { RequestWorld.Retail, RequestWorld.Media, RequestWorld.Books }, Reporter.Jobs.Select(job => job.DatasetGroupArn));
            Assert.Single(Reporter.Jobs.Select(job => job.DataLocation).Distinct());
            Assert.Single(_world.Staged);
            Assert.Single(_world.S3.Calls, call => call.Operation == "PutObject");
            Assert.Equal(new[] { RequestWorld.Retail, RequestWorld.Media, RequestWorld.Books }, _world.Service.DescribedGroups);
            Assert.Equal(3, Reporter.Confirmations.Count);
            Assert.StartsWith("dataset group media (", Reporter.Confirmations[1].Target, StringComparison.Ordinal);
        }

        [Fact]
        public void SplitsAbove50MegabytesIntoSeveralObjectsAndJobsLosingNothing()
        {
            // 200,000 rows of 257 bytes: 51.4 MB, one more object than a job can read.
            string pad = new string('p', 249);
            _world.Run(request =>
            {
                DeletionTarget target = _world.Target();
                for (int i = 0; i < 200_000; i++)
                {
                    request.AddUserId(target, pad + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
                }
            });

            Assert.Equal(2, Reporter.Jobs.Count);
            Assert.Equal(200_000, Reporter.Jobs.Sum(job => job.UserCount));
            Assert.All(_world.Staged.Values, stored => Assert.InRange(stored.Content.Length, 1, StagingTarget.DefaultMaxBytesPerObject));
            Assert.Equal(2, Reporter.Jobs.Select(job => job.JobName).Distinct().Count());
        }

        [Fact]
        public void SplitsAtMaxUsersPerJobAndNumbersAGivenJobName()
        {
            _world.Run(request =>
            {
                DeletionTarget target = _world.Target();
                for (int i = 1; i <= 25; i++)
                {
                    request.AddText(target, "user-" + i);
                }
            }, new DeletionRequestOptions { MaxUsersPerJob = 10, JobName = "ticket-7" });

            Assert.Equal(new[] { "ticket-7-01", "ticket-7-02", "ticket-7-03" }, Reporter.Jobs.Select(job => job.JobName));
            Assert.Equal(new long?[] { 10, 10, 5 }, Reporter.Jobs.Select(job => job.UserCount));
        }

        [Fact]
        public void ABadTargetAfterStagedIdsTakesBackTheirUploadAndCreatesNothing()
        {
            using (DeletionRequest request = _world.Request())
            {
                request.AddText(_world.Target(), "r-1");
                DeletionRequestException problem = Assert.Throws<DeletionRequestException>(() => request.AddText(_world.Target("not-an-arn"), "x-1"));
                Assert.Equal(ErrorIds.InvalidDatasetGroupArn, problem.Problem.ErrorId);
                Assert.Equal("not-an-arn", problem.Problem.Target);
            }

            Assert.Empty(_world.Jobs.Created);
            Assert.Empty(_world.Staged);
            Assert.Empty(_world.S3.OpenUploadKeys);
        }

        [Fact]
        public void AHostThatCannotAskStopsTheRequestAndItsStagingIsRemoved()
        {
            Reporter.Answer = (target, action) => throw new InvalidOperationException("The host cannot prompt.");

            using (DeletionRequest request = _world.Request())
            {
                request.AddText(_world.Target(), "a");
                Assert.Throws<InvalidOperationException>(request.Complete);
            }

            Assert.Empty(_world.Jobs.Created);
            Assert.Empty(_world.Staged);
            Assert.Single(_world.Deleted);
        }

        [Fact]
        public void DeclinedJobsLeaveNoStagingBehind()
        {
            Reporter.Answer = (target, action) => false;

            _world.Run(request => request.AddText(_world.Target(RequestWorld.Retail, RequestWorld.Media), "a"));

            Assert.Equal(2, Reporter.Confirmations.Count);
            Assert.Empty(_world.Jobs.Created);
            Assert.Empty(_world.Staged);
            Assert.Contains(Reporter.Verbose, line => line.StartsWith("Removed s3://deletion-staging/", StringComparison.Ordinal));
        }

        [Fact]
        public void AFailedUploadIsStagingUploadFailedAndLeavesNoUpload()
        {
            _world.S3.OnCall = (call, token) => call.Operation == "PutObject"
                ? throw new S3RequestException("AccessDenied", 403, "req-s3", "Access Denied")
                : System.Threading.Tasks.Task.CompletedTask;

            using (DeletionRequest request = _world.Request())
            {
                request.AddText(_world.Target(), "a");
                DeletionRequestException problem = Assert.Throws<DeletionRequestException>(request.Complete);
                Assert.Equal(ErrorIds.StagingUploadFailed, problem.Problem.ErrorId);
                Assert.IsType<StagingUploadException>(problem.Problem.Exception);
            }

            Assert.Empty(_world.Jobs.Created);
            Assert.Empty(_world.Staged);
        }

        [Fact]
        public void WhatS3WouldNotLetGoIsNamedInAWarningBeforeTheProblemIsThrown()
        {
            _world.DeleteFault = key => new S3RequestException("AccessDenied", 403, "req-del", "Access Denied");
            using (DeletionRequest request = _world.Request())
            {
                DeletionTarget retail = _world.Target();
                request.AddText(retail, "a");
                request.AddText(_world.Target(RequestWorld.Media), "b");
                Assert.Throws<DeletionRequestException>(() => request.AddText(_world.Target("not-an-arn"), "c"));
            }

            // Both batches were staged (each completed when the target changed); neither could be removed.
            Assert.Equal(2, _world.Staged.Count);
            Assert.Equal(
                _world.Staged.Keys.Select(key => $"Could not remove s3://deletion-staging/{key}, which holds user IDs staged for no job; remove it, or let the bucket's lifecycle rule do it.").OrderBy(text => text, StringComparer.Ordinal),
                Reporter.Warnings.OrderBy(text => text, StringComparer.Ordinal));
        }

        [Fact]
        public void EndingARequestWithoutCompletingItTakesBackItsStaging()
        {
            using (DeletionRequest request = _world.Request())
            {
                request.AddText(_world.Target(), "a");
                request.AddText(_world.Target(RequestWorld.Media), "b");
            }

            Assert.Empty(_world.Staged);
            Assert.Empty(_world.Jobs.Created);
            Assert.Empty(Reporter.Warnings);
        }

        [Fact]
        public void EachTargetIsStagedBeforeAnyJobIsCreated()
        {
            _world.Run(request =>
            {
                request.AddText(_world.Target(RequestWorld.Retail), "r-1");
                request.AddText(_world.Target(RequestWorld.Media), "m-1");
                request.AddText(_world.Target(RequestWorld.Retail), "r-2");
            });

            Assert.Equal(new[] { RequestWorld.Retail, RequestWorld.Media, RequestWorld.Retail }, Reporter.Jobs.Select(job => job.DatasetGroupArn));
            Assert.Equal(3, _world.Staged.Count);
            Assert.Equal(3, _world.Connections);
        }

        [Fact]
        public void WhatIfStagesAndCreatesNothingAndSaysWhatWouldBeDone()
        {
            _world.AddLocation("s3://customer-data/list.csv", 20, "20 etag");
            _world.Run(request =>
            {
                DeletionTarget target = _world.Target();
                foreach (string id in new[] { "a", "b", "a", string.Empty, "s3://customer-data/list.csv" })
                {
                    request.AddText(target, id);
                }
            }, new DeletionRequestOptions { WhatIf = true });

            Assert.Empty(_world.S3.Calls);
            Assert.Empty(_world.Jobs.Created);
            Assert.Equal(
                new[]
                {
                    "Delete 2 user(s) staged under s3://deletion-staging/requests/ (1 duplicate(s) submitted once, 1 rejected)",
                    "Delete the users listed at s3://customer-data/list.csv",
                },
                Reporter.Confirmations.Select(confirmation => confirmation.Action));
        }

        [Fact]
        public void WorkInProgressInAGroupIsOneWarningBeforeTheConfirmationAndIsOnEveryJobOfTheGroup()
        {
            SolutionInfo recs = _world.Jobs.AddSolution(RequestWorld.Retail, "retail-recs");
            _world.Jobs.AddSolutionVersion(recs, "v2", "CREATE IN_PROGRESS", Started);
            _world.Jobs.AddImportJob(_world.Jobs.AddDataset(RequestWorld.Retail, "Interactions"), "nightly", "CREATE IN_PROGRESS", Started);
            int warningsWhenAsked = -1;
            Reporter.Answer = (target, action) =>
            {
                warningsWhenAsked = Reporter.Warnings.Count;
                return true;
            };

            _world.Run(request =>
            {
                // Two batches to the same group (the target changes between them): the group is looked at once.
                request.AddText(_world.Target(RequestWorld.Retail, RequestWorld.Media), "a");
                request.AddText(_world.Target(RequestWorld.Retail), "b");
            });

            string warning = Assert.Single(Reporter.Warnings);
            Assert.Equal(
                "Dataset group retail has work in progress that voids a deletion's guarantee: SolutionVersion retail-recs (CREATE IN_PROGRESS), DatasetImportJob nightly (CREATE IN_PROGRESS). "
                + "Amazon Personalize cannot guarantee that the users' data leaves what is trained or imported while the deletion job runs. "
                + "Wait until that work is done before deleting; a job submitted now is judged RerunRecommended once it completes (submit the same users again then).",
                warning);
            Assert.Equal(1, warningsWhenAsked);
            Assert.Equal(1, _world.Jobs.CallsTo("ListSolutions " + RequestWorld.Retail));
            Assert.Equal(3, Reporter.Jobs.Count);
            foreach (DataDeletionJob job in Reporter.Jobs.Where(job => job.DatasetGroupArn == RequestWorld.Retail))
            {
                Assert.Equal(new[] { "SolutionVersion retail-recs (CREATE IN_PROGRESS)", "DatasetImportJob nightly (CREATE IN_PROGRESS)" }, job.ConcurrentActivity!.Select(activity => activity.ToString()));
            }

            Assert.Empty(Reporter.Jobs.Single(job => job.DatasetGroupArn == RequestWorld.Media).ConcurrentActivity!);
            Assert.Contains("Dataset group media: no training, import, batch job or recommender in progress.", Reporter.Verbose);
        }

        [Fact]
        public void ACheckThatCannotBeMadeIsAWarningNamingThePermissionAndNeverStopsTheDeletion()
        {
            _world.Jobs.AssuranceFault = (operation, arn) => operation == "ListRecommenders"
                ? new PersonalizeServiceException("AccessDeniedException", "User: arn:aws:iam::123456789012:user/runner is not authorized to perform: personalize:ListRecommenders", "req-denied", 400)
                : null;

            _world.Run(request => request.AddText(_world.Target(), "a"));

            DataDeletionJob job = Assert.Single(Reporter.Jobs);
            Assert.Null(job.ConcurrentActivity);
            string warning = Assert.Single(Reporter.Warnings);
            Assert.Contains("lacks personalize:ListRecommenders", warning, StringComparison.Ordinal);
            Assert.Contains("Grant personalize:ListRecommenders", warning, StringComparison.Ordinal);
            Assert.Empty(Reporter.Problems);
        }

        [Fact]
        public void TheStagedObjectsDigestAndLengthAreOnTheJobAsUploaded()
        {
            _world.Run(request =>
            {
                foreach (string id in new[] { "a", "b" })
                {
                    request.AddText(_world.Target(), id);
                }
            });

            DataDeletionJob job = Assert.Single(Reporter.Jobs);
            byte[] uploaded = _world.S3.Objects[Assert.Single(_world.Staged.Keys)].Content;
            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(uploaded)).ToLowerInvariant(), job.StagedSha256);
            Assert.Equal(uploaded.Length, job.StagedBytes);
            Assert.Equal("USER_ID\na\nb\n".Length, job.StagedBytes);
        }

        [Fact]
        public void ACallersDataLocationHasNoDigestButIsCheckedForWorkInProgress()
        {
            _world.AddLocation("s3://customer-data/list.csv", 20, "20 etag");
            _world.Jobs.AddRecommender(RequestWorld.Retail, "for-you", "CREATE IN_PROGRESS", Started);

            _world.Run(request => request.AddText(_world.Target(), "s3://customer-data/list.csv"));

            DataDeletionJob job = Assert.Single(Reporter.Jobs);
            Assert.Null(job.StagedSha256);
            Assert.Null(job.StagedBytes);
            Assert.Equal("Recommender for-you (CREATE IN_PROGRESS)", Assert.Single(job.ConcurrentActivity!).ToString());
        }

        [Fact]
        public void WhatIfWarnsOfWorkInProgressToo()
        {
            _world.Jobs.AddRecommender(RequestWorld.Retail, "for-you", "CREATE IN_PROGRESS", Started);

            _world.Run(request => request.AddText(_world.Target(), "a"), new DeletionRequestOptions { WhatIf = true });

            Assert.Contains("Recommender for-you (CREATE IN_PROGRESS)", Assert.Single(Reporter.Warnings), StringComparison.Ordinal);
            Assert.Empty(_world.Jobs.Created);
        }

        [Fact]
        public void ADataLocationIsItsOwnJobKnownByWhatItHolds()
        {
            _world.AddLocation("s3://customer-data/daily.csv", 20, "20 etag-monday");
            _world.Run(request => request.AddText(_world.Target(), "s3://customer-data/daily.csv"));
            _world.Run(request => request.AddText(_world.Target(), "s3://customer-data/daily.csv"));
            _world.AddLocation("s3://customer-data/daily.csv", 20, "20 etag-tuesday");
            _world.Run(request => request.AddLocation(_world.Target(), "s3://customer-data/daily.csv"));

            Assert.Equal(3, Reporter.Jobs.Count);
            Assert.Equal(Reporter.Jobs[0].JobArn, Reporter.Jobs[1].JobArn);
            Assert.NotEqual(Reporter.Jobs[0].JobArn, Reporter.Jobs[2].JobArn);
            Assert.Contains(Reporter.Warnings, warning => warning.Contains("already submitted", StringComparison.Ordinal));
            Assert.Null(Reporter.Jobs[0].StagedObject);
            Assert.Empty(_world.S3.Calls);
        }

        [Fact]
        public void ProblemsOfTheTargetStopTheRequestBeforeAnythingIsStaged()
        {
            _world.Service.Groups[RequestWorld.Media] = "CREATE PENDING";
            Assert.Equal(ErrorIds.StagingUriRequired, _world.Stopped(request => request.AddText(_world.Target(new[] { RequestWorld.Retail }, null), "a")).Problem.ErrorId);
            Assert.Equal(ErrorIds.DatasetGroupNotActive, _world.Stopped(request => request.AddText(_world.Target(RequestWorld.Media), "a")).Problem.ErrorId);
            Assert.Equal(ErrorIds.DatasetGroupNotFound, _world.Stopped(request => request.AddText(_world.Target("arn:aws:personalize:us-east-1:123456789012:dataset-group/ghost"), "a")).Problem.ErrorId);
            Assert.Equal(ErrorIds.DataLocationNotFound, _world.Stopped(request => request.AddLocation(_world.Target(), "s3://customer-data/missing.csv")).Problem.ErrorId);
            Assert.Equal(ErrorIds.InvalidS3Uri, _world.Stopped(request => request.AddLocation(_world.Target(), "s3://Customer Data/x.csv")).Problem.ErrorId);
            Assert.Empty(_world.S3.Calls);
            Assert.Empty(_world.Jobs.Created);
        }

        [Fact]
        public void OptionsTheServiceWouldRefuseStopTheRequestBeforeItStarts()
        {
            Assert.Equal(ErrorIds.InvalidJobName, Assert.Throws<DeletionRequestException>(() => _world.Request(new DeletionRequestOptions { JobName = "-x" })).Problem.ErrorId);
            Assert.Equal(ErrorIds.InvalidExpectedBucketOwner, Assert.Throws<DeletionRequestException>(() => _world.Request(new DeletionRequestOptions { ExpectedBucketOwner = "12345" })).Problem.ErrorId);
            var reserved = new[] { new KeyValuePair<string, string>("aws:owner", "x") };
            Assert.Equal(ErrorIds.InvalidTag, Assert.Throws<DeletionRequestException>(() => _world.Request(new DeletionRequestOptions { Tags = reserved })).Problem.ErrorId);
        }

        [Fact]
        public void UserIdsReachTheDebugStreamOnlyWhenShown()
        {
            _world.Run(request =>
            {
                request.AddText(_world.Target(), "secret-person");
                request.AddText(_world.Target(), "secret-person");
                request.AddText(_world.Target(), new string('z', 300));
            });

            Assert.DoesNotContain(Reporter.Problems, problem => problem.Exception.Message.Contains("zzz", StringComparison.Ordinal));
            Assert.Empty(Reporter.Debug);

            var shown = new RequestWorld();
            shown.Reporter.ShowsUserIds = true;
            using (DeletionRequest request = shown.Request())
            {
                request.AddText(shown.Target(), "secret-person");
                request.AddText(shown.Target(), "secret-person");
                request.Complete();
            }

            Assert.Equal(new[] { "Duplicate user ID at input #2 submitted once: 'secret-person'" }, shown.Reporter.Debug);
        }

        [Fact]
        public void NothingInIsAWarningAndNoCall()
        {
            _world.Run(request => { });

            Assert.Equal(new[] { BatchSubmitter.NothingCameIn }, Reporter.Warnings);
            Assert.Equal(0, _world.Connections);
        }

        [Fact]
        public void ValuesThatAreNotUserIdsAreReportedByPositionAndType()
        {
            _world.Run(request =>
            {
                DeletionTarget target = _world.Target();
                request.AddUserIdValue(target, 42);
                request.AddUserIdValue(target, new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"));
                request.AddUserIdValue(target, 1.5);
                request.AddUnrecognized(target, new object(), "is not a user ID.");
            });

            Assert.Equal("USER_ID\n42\n0f8fad5b-d9cb-469f-a165-70867728950e\n", _world.StagedText(_world.Staged.Keys.Single()));
            Assert.Equal(new[] { "input #3", "input #4" }, Reporter.Problems.Select(problem => problem.Target));
            Assert.All(Reporter.Problems, problem => Assert.Equal(ErrorIds.UnrecognizedInputObject, problem.ErrorId));
            Assert.Contains("(Double)", Reporter.Problems[0].Exception.Message, StringComparison.Ordinal);
        }

        private static readonly DateTime Started = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);



        /// <summary>Submits the IDs, then lets the job fail as a role that cannot read the CSV makes it.</summary>
        private DataDeletionJob SubmitAndFail(params string[] ids)
        {
            _world.Run(request =>
            {
                foreach (string id in ids)
                {
                    request.AddText(_world.Target(), id);
                }
            });

            DataDeletionJob job = Reporter.Jobs.Last();
            DataDeletionJobInfo stored = _world.Jobs.Find(job.JobArn!);
            stored.Status = DataDeletionJob.StatusFailed;
            stored.FailureReason = "Access denied reading the CSV";
            return job;
        }
    }
}
