using PersonalizeDeletion.Jobs;
using Xunit;

namespace PersonalizeDeletion.Tests.Jobs
{
    public class PersonalizeArnTests
    {
        [Theory]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:dataset-group/movies", "aws", "us-east-1", "123456789012", "movies")]
        [InlineData("arn:aws-cn:personalize:cn-north-1:123456789012:dataset-group/a", "aws-cn", "cn-north-1", "123456789012", "a")]
        [InlineData("arn:aws-cn:personalize:cn-northwest-1:000000000001:dataset-group/Group_1-x", "aws-cn", "cn-northwest-1", "000000000001", "Group_1-x")]
        [InlineData("arn:aws-us-gov:personalize:us-gov-west-1:123456789012:dataset-group/gov", "aws-us-gov", "us-gov-west-1", "123456789012", "gov")]
        [InlineData("arn:aws:personalize:ap-southeast-2:123456789012:dataset-group/0", "aws", "ap-southeast-2", "123456789012", "0")]
        public void ParsesDatasetGroupArnsInEveryPartition(string text, string partition, string region, string account, string name)
        {
            Assert.True(PersonalizeArn.TryParse(text, PersonalizeArn.DatasetGroupResourceType, out PersonalizeArn? arn));

            Assert.NotNull(arn);
            Assert.Equal(text, arn!.Text);
            Assert.Equal(text, arn.ToString());
            Assert.Equal(partition, arn.Partition);
            Assert.Equal(region, arn.Region);
            Assert.Equal(account, arn.Account);
            Assert.Equal("dataset-group", arn.ResourceType);
            Assert.Equal(name, arn.Name);
        }

        [Theory]
        [InlineData("arn:aws:personalize:eu-west-1:123456789012:data-deletion-job/pdel-movies-0123456789abcdef0123")]
        [InlineData("arn:aws-cn:personalize:cn-north-1:123456789012:data-deletion-job/job")]
        [InlineData("arn:aws-us-gov:personalize:us-gov-east-1:123456789012:data-deletion-job/job_1")]
        public void ParsesDataDeletionJobArns(string text)
        {
            Assert.True(PersonalizeArn.TryParse(text, PersonalizeArn.DataDeletionJobResourceType, out PersonalizeArn? arn));
            Assert.Equal("data-deletion-job", arn!.ResourceType);
        }

        [Fact]
        public void AcceptsSixtyThreeCharacterNamesButNotSixtyFour()
        {
            string prefix = "arn:aws:personalize:us-east-1:123456789012:dataset-group/";

            Assert.True(PersonalizeArn.TryParse(prefix + new string('n', 63), PersonalizeArn.DatasetGroupResourceType, out _));
            Assert.False(PersonalizeArn.TryParse(prefix + new string('n', 64), PersonalizeArn.DatasetGroupResourceType, out PersonalizeArn? arn));
            Assert.Null(arn);
        }

        [Fact]
        public void RejectsArnsLongerThan256Characters()
        {
            // Only an unusually long partition can push a well-formed Personalize ARN past the model's limit.
            string Build(int length)
            {
                string tail = ":personalize:us-east-1:123456789012:dataset-group/g";
                return "arn:aws" + new string('x', length - "arn:aws".Length - tail.Length) + tail;
            }

            Assert.Equal(256, Build(256).Length);
            Assert.True(PersonalizeArn.TryParse(Build(256), out _));
            Assert.False(PersonalizeArn.TryParse(Build(257), out PersonalizeArn? arn));
            Assert.Null(arn);
        }

        [Fact]
        public void WrongResourceTypeIsRejectedWhenATypeIsRequired()
        {
            const string job = "arn:aws:personalize:us-east-1:123456789012:data-deletion-job/job";
            const string solution = "arn:aws:personalize:us-east-1:123456789012:solution/job";

            Assert.False(PersonalizeArn.TryParse(job, PersonalizeArn.DatasetGroupResourceType, out PersonalizeArn? arn));
            Assert.Null(arn);
            Assert.False(PersonalizeArn.TryParse(solution, PersonalizeArn.DataDeletionJobResourceType, out arn));
            Assert.Null(arn);

            Assert.True(PersonalizeArn.TryParse(solution, out arn));
            Assert.Equal("solution", arn!.ResourceType);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("movies")]
        [InlineData("arn:aws:personalize:us-east-1:12345678901:dataset-group/g")]
        [InlineData("arn:aws:personalize:us-east-1:1234567890123:dataset-group/g")]
        [InlineData("arn:aws:personalize:us-east-1:12345678901a:dataset-group/g")]
        [InlineData("arn:aws:personalize:us-east-1::dataset-group/g")]
        [InlineData("arn:aws:personalize::123456789012:dataset-group/g")]
        [InlineData("arn:aws:personalize:useast1:123456789012:dataset-group/g")]
        [InlineData("arn:aws:personalize:US-EAST-1:123456789012:dataset-group/g")]
        [InlineData("arn:gcp:personalize:us-east-1:123456789012:dataset-group/g")]
        [InlineData("arn::personalize:us-east-1:123456789012:dataset-group/g")]
        [InlineData("arn:aws:s3:us-east-1:123456789012:dataset-group/g")]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:dataset-group/")]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:dataset-group")]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:dataset-group/-g")]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:dataset-group/g h")]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:dataset-group/g/h")]
        [InlineData(" arn:aws:personalize:us-east-1:123456789012:dataset-group/g")]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:dataset-group/g ")]
        [InlineData("xarn:aws:personalize:us-east-1:123456789012:dataset-group/g")]
        public void RejectsMalformedArns(string? text)
        {
            Assert.False(PersonalizeArn.TryParse(text, out PersonalizeArn? arn));
            Assert.Null(arn);
            Assert.False(PersonalizeArn.TryParse(text, PersonalizeArn.DatasetGroupResourceType, out arn));
            Assert.Null(arn);
        }

        [Theory]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:dataset-group/g\n")]
        [InlineData("arn:aws:personalize:us-east-1:123456789012:data-deletion-job/j\n")]
        public void RejectsATrailingLineBreak(string text)
        {
            // A value pasted with its line break must be caught here, not sent to the service.
            Assert.False(PersonalizeArn.TryParse(text, out PersonalizeArn? arn));
            Assert.Null(arn);
        }

        [Theory]
        [InlineData("arn:aws:iam::123456789012:role/PersonalizeDeletion")]
        [InlineData("arn:aws:iam::123456789012:role/service-role/Personalize+Role=x,y.z@w")]
        [InlineData("arn:aws-cn:iam::123456789012:role/r")]
        [InlineData("arn:aws-us-gov:iam::123456789012:role/r")]
        public void AcceptsRoleArns(string text)
        {
            Assert.True(PersonalizeArn.IsRoleArn(text));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("PersonalizeDeletion")]
        [InlineData("arn:aws:iam::12345678901:role/r")]
        [InlineData("arn:aws:iam::1234567890123:role/r")]
        [InlineData("arn:aws:iam::12345678901x:role/r")]
        [InlineData("arn:aws:iam:us-east-1:123456789012:role/r")]
        [InlineData("arn:aws:iam::123456789012:user/r")]
        [InlineData("arn:aws:iam::123456789012:role/has space")]
        [InlineData("arn:aws:sts::123456789012:role/r")]
        [InlineData("arn:AWS:iam::123456789012:role/r")]
        public void RejectsMalformedRoleArns(string? text)
        {
            Assert.False(PersonalizeArn.IsRoleArn(text));
        }

        [Fact]
        public void RoleArnRejectsATrailingLineBreak()
        {
            Assert.False(PersonalizeArn.IsRoleArn("arn:aws:iam::123456789012:role/r\n"));
        }

        [Fact]
        public void RoleArnsAreLimitedTo256Characters()
        {
            string prefix = "arn:aws:iam::123456789012:role/";

            Assert.True(PersonalizeArn.IsRoleArn(prefix + new string('r', 256 - prefix.Length)));
            Assert.False(PersonalizeArn.IsRoleArn(prefix + new string('r', 257 - prefix.Length)));
        }
    }
}
