using System;
using System.Linq;
using PersonalizeDeletion.Requests;
using Xunit;

namespace PersonalizeDeletion.Tests.Requests
{
    /// <summary>
    /// Piped input that is evidently not user IDs stops a request with nothing left behind: a CSV's lines, a file or
    /// folder name, rows without a USER_ID column.
    /// </summary>
    public class RequestIntentTests
    {
        private readonly RequestWorld _world = new RequestWorld();

        private RecordingReporter Reporter => _world.Reporter;

        [Fact]
        public void ACsvHeaderPipedFirstStopsBeforeTheTargetIsPlannedOrAnythingCalled()
        {
            DeletionRequestException problem = _world.Stopped(request =>
            {
                request.AddText(_world.Target(), "USER_ID,EMAIL");
                request.AddText(_world.Target(), "u-1,a@example.com");
            });

            Assert.Equal(ErrorIds.CsvTextPipedAsUserIds, problem.Problem.ErrorId);
            Assert.Equal("input #1", problem.Problem.Target);
            Assert.Contains("Import-Csv", problem.Message, StringComparison.Ordinal);
            Assert.Contains("-Path", problem.Message, StringComparison.Ordinal);
            Assert.Contains("Nothing was staged or submitted.", problem.Message, StringComparison.Ordinal);
            Assert.Equal(0, _world.Connections);
            Assert.Empty(_world.Service.DescribedGroups);
            Assert.Empty(_world.S3.Calls);
        }

        [Fact]
        public void ACsvHeaderAfterOtherIdsTakesBackEverythingStagedIncludingFinishedBatches()
        {
            // A first batch completed (its target changed: its object exists), a second one mid-upload with a part
            // sent, then a second file's header: both are taken back, and no job is created.
            string pad = new string('p', 200);
            DeletionRequestException problem = _world.Stopped(request =>
            {
                request.AddText(_world.Target(RequestWorld.Media), "m-1");
                for (int i = 0; i < 30_000; i++)
                {
                    request.AddText(_world.Target(), pad + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                Assert.Single(_world.Staged);
                request.AddText(_world.Target(), "\"USER_ID\"");
            });

            Assert.Equal(ErrorIds.CsvTextPipedAsUserIds, problem.Problem.ErrorId);
            Assert.Equal("input #30002", problem.Problem.Target);
            Assert.Contains("what was staged of the input before it is removed", problem.Message, StringComparison.Ordinal);
            Assert.Empty(_world.Jobs.Created);
            Assert.Empty(_world.Staged);
            Assert.Empty(_world.S3.OpenUploadKeys);
            Assert.Contains(_world.S3.Calls, call => call.Operation == "AbortMultipartUpload");
            Assert.Empty(Reporter.Warnings);
        }

        [Fact]
        public void AUserIdThatOnlyContainsACommaOrUserIdIsStaged()
        {
            _world.Run(request =>
            {
                DeletionTarget target = _world.Target();
                request.AddText(target, "Smith, John");
                request.AddText(target, "user_id_42");
                request.AddUserId(target, "USER_ID");
            });

            Assert.Equal("USER_ID\n\"Smith, John\"\nuser_id_42\nUSER_ID\n", _world.StagedText(_world.Staged.Keys.Single()));
        }

        [Fact]
        public void APipedFileNameStopsTheRequestNamingPath()
        {
            _world.Paths.Items["./requests.csv"] = false;
            DeletionRequestException problem = _world.Stopped(request =>
            {
                request.AddText(_world.Target(), "u-1");
                request.AddText(_world.Target(), "./requests.csv");
            });

            Assert.Equal(ErrorIds.FilePathPipedAsUserId, problem.Problem.ErrorId);
            Assert.Equal("./requests.csv", problem.Problem.Target);
            Assert.Contains("It names the file /home/dpo/requests.csv: give files with -Path (New-PDataDeletionJob -Path './requests.csv'", problem.Message, StringComparison.Ordinal);
            Assert.Empty(_world.Jobs.Created);
            Assert.Empty(_world.Staged);
        }

        [Fact]
        public void APipedFolderNameSaysToGiveItsFiles()
        {
            _world.Paths.Items["./requests"] = true;
            DeletionRequestException problem = _world.Stopped(request => request.AddText(_world.Target(), "./requests"));

            Assert.Equal(ErrorIds.FilePathPipedAsUserId, problem.Problem.ErrorId);
            Assert.Contains("names the folder", problem.Message, StringComparison.Ordinal);
            Assert.Contains("*.csv", problem.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void OnlyPathLikeTextIsAskedAboutAndIdsGivenByNameNever()
        {
            _world.Paths.Items["./requests.csv"] = false;
            _world.Run(request =>
            {
                DeletionTarget target = _world.Target();
                request.AddText(target, "tenant/42");
                request.AddText(target, "a@example.com");
                request.AddText(target, "./missing.csv");
                request.AddText(target, "s3-looking/ids.txt");
                request.AddUserId(target, "./requests.csv");
            });

            Assert.Equal(new[] { "./missing.csv", "s3-looking/ids.txt" }, _world.Paths.Asked);
            Assert.Equal(5, Reporter.Jobs.Single().UserCount);
        }

        [Fact]
        public void ARowWithoutAUserIdColumnIsOneErrorNamingItsColumns()
        {
            DeletionRequestException problem = _world.Stopped(request =>
            {
                request.AddUserIdValue(_world.Target(), "kept-before");
                request.AddRowWithoutUserId(new[] { "Email", "CustomerId", "Name" });
            });

            Assert.Equal(ErrorIds.UserIdColumnMissing, problem.Problem.ErrorId);
            Assert.Equal("input #2", problem.Problem.Target);
            Assert.Contains("its columns: Email, CustomerId, Name", problem.Message, StringComparison.Ordinal);
            Assert.Contains("Expression = { $_.CustomerId }", problem.Message, StringComparison.Ordinal);
            Assert.Empty(_world.Jobs.Created);
            Assert.Empty(_world.Staged);
            Assert.Empty(_world.S3.OpenUploadKeys);
        }

        [Fact]
        public void AColumnNameThatIsNotAnIdentifierIsQuotedInTheExample()
        {
            DeletionRequestException problem = _world.Stopped(request => request.AddRowWithoutUserId(new[] { "Customer's Id" }));
            Assert.Contains("$_.'Customer''s Id'", problem.Message, StringComparison.Ordinal);
        }
    }
}
