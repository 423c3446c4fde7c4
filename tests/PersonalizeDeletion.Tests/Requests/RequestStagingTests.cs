using System;
using System.Collections.Generic;
using System.Linq;
using PersonalizeDeletion.Requests;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Requests
{
    /// <summary>
    /// Where and how a request stages: a staging URI that names an object is refused, S3's refusals are not taken for
    /// objects written, and the staging bar is gone before any question is asked.
    /// </summary>
    public class RequestStagingTests
    {
        private readonly RequestWorld _world = new RequestWorld();

        private RecordingReporter Reporter => _world.Reporter;

        [Fact]
        public void AStagingUriThatNamesAnObjectStopsTheRequestBeforeAnythingIsCalled()
        {
            DeletionRequestException problem = _world.Stopped(request => request.AddText(_world.Target(new[] { RequestWorld.Retail }, "s3://deletion-staging/requests/today.csv"), "u-1"));
            Assert.Equal(ErrorIds.InvalidStagingUri, problem.Problem.ErrorId);
            Assert.Equal(0, _world.Connections);
            Assert.Empty(_world.S3.Calls);
        }

        [Fact]
        public void AnUploadRefusedByS3SaysNothingAboutObjectsThatWereNeverWritten()
        {
            // A wrong -ExpectedBucketOwner: S3 refuses every call on the bucket, the write and the removal alike.
            _world.S3.OnCall = (call, token) => throw new S3RequestException("AccessDenied", 403, "req-owner", "Access Denied");

            DeletionRequestException problem;
            using (DeletionRequest request = _world.Request())
            {
                request.AddText(_world.Target(), "a");
                problem = Assert.Throws<DeletionRequestException>(request.Complete);
            }

            Assert.Equal(ErrorIds.StagingUploadFailed, problem.Problem.ErrorId);
            Assert.Empty(Reporter.Warnings);
            Assert.DoesNotContain(_world.S3.Calls, call => call.Operation == "DeleteObject");
            Assert.Empty(_world.Deleted);
        }

        [Fact]
        public void ACompletionRefusedByS3IsNotTakenForAnObjectWritten()
        {
            string pad = new string('q', 200);
            _world.S3.OnCall = (call, token) => call.Operation == "CompleteMultipartUpload"
                ? throw new S3RequestException("InvalidPart", 400, "req-part", "One or more of the specified parts could not be found.")
                : System.Threading.Tasks.Task.CompletedTask;

            using (DeletionRequest request = _world.Request())
            {
                for (int i = 0; i < 30_000; i++)
                {
                    request.AddText(_world.Target(), pad + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                Assert.Equal(ErrorIds.StagingUploadFailed, Assert.Throws<DeletionRequestException>(request.Complete).Problem.ErrorId);
            }

            Assert.DoesNotContain(_world.S3.Calls, call => call.Operation == "DeleteObject");
            Assert.Contains(_world.S3.Calls, call => call.Operation == "AbortMultipartUpload");
            Assert.Empty(_world.S3.OpenUploadKeys);
            Assert.Empty(Reporter.Warnings);
        }

        [Fact]
        public void TheStagingBarIsCompletedBeforeTheFirstQuestionAndNeverReadsZeroBytesUploaded()
        {
            var events = new List<string>();
            Reporter.Answer = (target, action) =>
            {
                events.AddRange(Reporter.Progress);
                events.Add("CONFIRM");
                return true;
            };

            _world.Run(request =>
            {
                request.AddText(_world.Target(), "a");
                request.AddText(_world.Target(RequestWorld.Media), "b");
            });

            Assert.Equal(2, Reporter.Jobs.Count);
            int firstQuestion = events.IndexOf("CONFIRM");
            Assert.Equal("Staging done", events[firstQuestion - 1]);
            Assert.Equal(2, events.Take(firstQuestion).Count(line => line == "Staging done"));
            Assert.DoesNotContain(Reporter.Progress, line => line.Contains(" 0 bytes uploaded", StringComparison.Ordinal));
            Assert.Contains(Reporter.Progress, line => line.StartsWith("Staging: Staging user IDs: 1 accepted", StringComparison.Ordinal));
        }

        [Fact]
        public void UnderWhatIfTheStagingBarIsCompletedBeforeTheWhatIfLines()
        {
            var seenAtFirstLine = new List<string>();
            Reporter.Answer = (target, action) =>
            {
                if (seenAtFirstLine.Count == 0)
                {
                    seenAtFirstLine.AddRange(Reporter.Progress);
                }

                return false;
            };

            _world.Run(request => request.AddText(_world.Target(), "a"), new DeletionRequestOptions { WhatIf = true });

            Assert.Single(Reporter.Confirmations);
            Assert.Equal("Staging done", seenAtFirstLine.Last());
        }

        [Fact]
        public void AStopInTheMiddleOfStagingCompletesTheBar()
        {
            _world.Stopped(request =>
            {
                request.AddText(_world.Target(), "a");
                request.AddLocation(_world.Target(), "s3://Customer Data/x.csv");
            });

            Assert.Equal("Staging done", Reporter.Progress.Last());
            Assert.Single(Reporter.Progress, line => line == "Staging done");
        }
    }
}
