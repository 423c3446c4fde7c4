using System;
using PersonalizeDeletion.Personalize;
using Xunit;

namespace PersonalizeDeletion.Tests.Jobs
{
    public class DataDeletionJobTests
    {
        private static readonly DateTime Created = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

        [Theory]
        [InlineData("COMPLETED")]
        [InlineData("FAILED")]
        [InlineData("completed")]
        [InlineData("Failed")]
        public void CompletedAndFailedAreFinished(string status)
        {
            Assert.True(new DataDeletionJob { Status = status }.IsFinished);
            Assert.True(DataDeletionJob.IsFinishedStatus(status));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("PENDING")]
        [InlineData("IN_PROGRESS")]
        [InlineData("CREATE PENDING")]
        [InlineData("DELETE IN_PROGRESS")]
        [InlineData("SOMETHING_NEW")]
        [InlineData("COMPLETED_WITH_ERRORS")]
        public void OtherStatusesAreNotFinished(string? status)
        {
            Assert.False(new DataDeletionJob { Status = status }.IsFinished);
        }

        [Fact]
        public void AFinishedJobsDurationRunsFromCreationToLastUpdate()
        {
            var job = new DataDeletionJob
            {
                Status = DataDeletionJob.StatusCompleted,
                CreationDateTime = Created,
                LastUpdatedDateTime = Created.AddMinutes(12).AddSeconds(30),
            };

            Assert.Equal(TimeSpan.FromSeconds(750), job.Elapsed);
        }

        [Theory]
        [InlineData(750, "00:12:30")]
        [InlineData(108005, "1.06:00:05")]
        public void DurationIsTextTheTimeSpanCastReadsBack(int seconds, string text)
        {
            var job = new DataDeletionJob
            {
                Status = DataDeletionJob.StatusCompleted,
                CreationDateTime = Created,
                LastUpdatedDateTime = Created.AddSeconds(seconds),
            };

            Assert.Equal(text, job.Duration);
            Assert.Equal(TimeSpan.FromSeconds(seconds), TimeSpan.Parse(job.Duration!, System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void DurationIsWholeSeconds()
        {
            var job = new DataDeletionJob
            {
                Status = DataDeletionJob.StatusFailed,
                CreationDateTime = Created,
                LastUpdatedDateTime = Created.AddMilliseconds(2600),
            };

            Assert.Equal(TimeSpan.FromSeconds(3), job.Elapsed);
        }

        [Fact]
        public void AnUnfinishedJobsDurationRunsToNowNotToTheLastUpdate()
        {
            DateTime created = DateTime.UtcNow.AddHours(-2);
            var job = new DataDeletionJob
            {
                Status = DataDeletionJob.StatusInProgress,
                CreationDateTime = created,
                LastUpdatedDateTime = created.AddMinutes(1),
            };

            Assert.True(job.Elapsed >= TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1), job.Elapsed.ToString());
        }

        [Fact]
        public void AnUnfinishedJobsDurationGrowsWithTheClock()
        {
            // Same job, one created earlier: the only difference is how long ago it started.
            var recent = new DataDeletionJob { Status = DataDeletionJob.StatusPending, CreationDateTime = DateTime.UtcNow.AddMinutes(-5) };
            var older = new DataDeletionJob { Status = DataDeletionJob.StatusPending, CreationDateTime = DateTime.UtcNow.AddMinutes(-50) };

            Assert.True(older.Elapsed > recent.Elapsed + TimeSpan.FromMinutes(40));
        }

        [Fact]
        public void DurationIsNullWithoutACreationTimeAndNeverNegative()
        {
            Assert.Null(new DataDeletionJob { Status = DataDeletionJob.StatusCompleted, LastUpdatedDateTime = Created }.Elapsed);

            var skewed = new DataDeletionJob
            {
                Status = DataDeletionJob.StatusCompleted,
                CreationDateTime = Created,
                LastUpdatedDateTime = Created.AddSeconds(-5),
            };
            Assert.Equal(TimeSpan.Zero, skewed.Elapsed);
        }

        [Fact]
        public void ApplyKeepsWhatASummaryLeavesOut()
        {
            var job = DataDeletionJob.FromService(new DataDeletionJobInfo
            {
                JobName = "j",
                DataDeletionJobArn = "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/j",
                DatasetGroupArn = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/g",
                DataLocation = "s3://bucket/j.csv",
                RoleArn = "arn:aws:iam::123456789012:role/r",
                Status = DataDeletionJob.StatusInProgress,
                NumDeleted = 5,
                CreationDateTime = Created,
                LastUpdatedDateTime = Created.AddMinutes(1),
            }, null);
            job.UserCount = 10;
            job.StagedObject = "s3://bucket/j.csv";

            job.Apply(new DataDeletionJobInfo
            {
                JobName = "j",
                DataDeletionJobArn = "arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/j",
                DatasetGroupArn = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/g",
                Status = DataDeletionJob.StatusCompleted,
                LastUpdatedDateTime = Created.AddMinutes(9),
                FailureReason = null,
            });

            Assert.Equal(DataDeletionJob.StatusCompleted, job.Status);
            Assert.Equal(Created.AddMinutes(9), job.LastUpdatedDateTime);
            Assert.Equal(Created, job.CreationDateTime);
            Assert.Equal("s3://bucket/j.csv", job.DataLocation);
            Assert.Equal("arn:aws:iam::123456789012:role/r", job.RoleArn);
            Assert.Equal(5, job.NumDeleted);
            Assert.Equal("eu-west-1", job.Region);
            Assert.Equal(10, job.UserCount);
            Assert.Equal("s3://bucket/j.csv", job.StagedObject);
        }

        [Fact]
        public void ApplyTakesEveryMemberTheServiceSent()
        {
            var job = new DataDeletionJob { Status = DataDeletionJob.StatusPending, NumDeleted = 1, DataLocation = "s3://old/x.csv" };

            job.Apply(new DataDeletionJobInfo
            {
                Status = DataDeletionJob.StatusFailed,
                NumDeleted = 0,
                DataLocation = "s3://new/x.csv",
                FailureReason = "Access denied",
            });

            Assert.Equal(DataDeletionJob.StatusFailed, job.Status);
            Assert.Equal(0, job.NumDeleted);
            Assert.Equal("s3://new/x.csv", job.DataLocation);
            Assert.Equal("Access denied", job.FailureReason);
        }

        [Fact]
        public void FromServiceTakesTheRegionFromTheArn()
        {
            var job = DataDeletionJob.FromService(new DataDeletionJobInfo
            {
                DataDeletionJobArn = "arn:aws-cn:personalize:cn-northwest-1:123456789012:data-deletion-job/j",
            }, "us-east-1");

            Assert.Equal("cn-northwest-1", job.Region);
            Assert.Equal("arn:aws-cn:personalize:cn-northwest-1:123456789012:data-deletion-job/j", job.ToString());
        }

        [Theory]
        [InlineData(null)]
        [InlineData("not-an-arn")]
        public void FromServiceFallsBackToTheGivenRegion(string? arn)
        {
            var job = DataDeletionJob.FromService(new DataDeletionJobInfo { DataDeletionJobArn = arn, JobName = "j" }, "us-west-2");

            Assert.Equal("us-west-2", job.Region);
        }

        [Fact]
        public void ToStringPrefersTheArnThenTheName()
        {
            Assert.Equal("arn:x", new DataDeletionJob { JobArn = "arn:x", JobName = "n" }.ToString());
            Assert.Equal("n", new DataDeletionJob { JobName = "n" }.ToString());
            Assert.Equal(string.Empty, new DataDeletionJob().ToString());
        }
    }
}
