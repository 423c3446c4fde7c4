using PersonalizeDeletion.Requests;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Requests
{
    /// <summary>-StagingUri names a folder; one that names an object is refused before anything is written.</summary>
    public class StagingFolderTests
    {
        [Theory]
        [InlineData("s3://deletion-staging/requests/", "requests/")]
        [InlineData("s3://deletion-staging/requests", "requests/")]
        [InlineData("s3://deletion-staging", "")]
        [InlineData("s3://deletion-staging/2026.05", "2026.05/")]
        [InlineData("s3://deletion-staging/requests.csv/", "requests.csv/")]
        [InlineData("s3://deletion-staging/v1.2/app.example.com", "v1.2/app.example.com/")]
        public void AFolderIsTakenWithOrWithoutItsSlash(string uri, string prefix)
        {
            Assert.Equal(prefix, StagingFolder.Parse(uri).Key);
        }

        [Theory]
        [InlineData("s3://deletion-staging/requests/today.csv", "s3://deletion-staging/requests/")]
        [InlineData("s3://deletion-staging/today.CSV", "s3://deletion-staging/")]
        [InlineData("s3://deletion-staging/in/ids.txt", "s3://deletion-staging/in/")]
        [InlineData("s3://deletion-staging/in/ids.json", "s3://deletion-staging/in/")]
        [InlineData("s3://deletion-staging/in/ids.csv.gz", "s3://deletion-staging/in/")]
        public void AUriWhoseLastPartIsADataFileIsInvalidStagingUri(string uri, string suggested)
        {
            DeletionRequestException problem = Assert.Throws<DeletionRequestException>(() => StagingFolder.Parse(uri));
            Assert.Equal(ErrorIds.InvalidStagingUri, problem.Problem.ErrorId);
            Assert.Equal(uri, problem.Problem.Target);
            Assert.Contains($"-StagingUri '{suggested}'", problem.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void AMalformedUriStaysInvalidS3Uri()
        {
            Assert.Equal(ErrorIds.InvalidS3Uri, Assert.Throws<DeletionRequestException>(() => StagingFolder.Parse("s3://UPPER/today.csv")).Problem.ErrorId);
        }

        [Fact]
        public void TheRuleLooksAtTheLastSegmentOnly()
        {
            Assert.False(StagingFolder.NamesObject("s3://b/ids.csv/today"));
            Assert.True(StagingFolder.NamesObject("s3://b/a/b/ids.csv"));
            Assert.False(StagingFolder.NamesObject("s3://bucket.csv"));
            S3Location folder = StagingFolder.Parse("s3://b-1/ids.csv/today");
            Assert.Equal("ids.csv/today/", folder.Key);
        }
    }
}
