using System;
using System.Linq;
using PersonalizeDeletion.Requests;
using Xunit;

namespace PersonalizeDeletion.Tests.Requests
{
    /// <summary>A caller's data location must start with the header a job reads; each object's first bytes are read before any job.</summary>
    public class DataLocationRequestTests
    {
        private readonly RequestWorld _world = new RequestWorld();

        private RecordingReporter Reporter => _world.Reporter;

        [Fact]
        public void ADataLocationWhoseHeaderAJobWouldRefuseStopsTheRequestBeforeAnyJob()
        {
            _world.AddLocation("s3://customer-data/good.csv", 12, "12 etag-good");
            _world.AddLocation("s3://customer-data/export.csv", 30, "30 etag-export", "USER_ID,EMAIL\nu-1,a@example.com\n");
            DeletionRequestException problem = _world.Stopped(request =>
            {
                request.AddLocation(_world.Target(), "s3://customer-data/good.csv");
                request.AddLocation(_world.Target(), "s3://customer-data/export.csv");
            });

            Assert.Equal(ErrorIds.DataLocationHeaderInvalid, problem.Problem.ErrorId);
            Assert.Equal("s3://customer-data/export.csv", problem.Problem.Target);
            Assert.Contains("its header has 2 columns", problem.Message, StringComparison.Ordinal);
            Assert.Empty(_world.Jobs.Created);
        }

        [Fact]
        public void EachCsvOfAFolderIsReadAndTheBadOneIsNamed()
        {
            _world.AddFolder("s3://customer-data/gdpr/", ("a.csv", "USER_ID\nx\n"), ("b.csv", "user_id\ny\n"), ("c.csv", "USER_ID\nz\n"));
            DeletionRequestException problem = _world.Stopped(request => request.AddLocation(_world.Target(), "s3://customer-data/gdpr/"));

            Assert.Equal(ErrorIds.DataLocationHeaderInvalid, problem.Problem.ErrorId);
            Assert.Contains("cannot read s3://customer-data/gdpr/b.csv (under s3://customer-data/gdpr/): its header reads 'user_id'", problem.Message, StringComparison.Ordinal);
            Assert.Equal(new[] { "s3://customer-data/gdpr/a.csv", "s3://customer-data/gdpr/b.csv" }, _world.HeadersRead);
            Assert.Empty(_world.Jobs.Created);
        }

        [Fact]
        public void AGoodFolderIsSubmittedAsItIs()
        {
            _world.AddFolder("s3://customer-data/weekly/", ("a.csv", "USER_ID\nx\n"), ("b.csv", "\uFEFFUSER_ID\r\ny\r\n"));
            _world.Run(request => request.AddLocation(_world.Target(), "s3://customer-data/weekly/"));
            Assert.Equal("s3://customer-data/weekly/", Reporter.Jobs.Single().DataLocation);
        }
    }
}
