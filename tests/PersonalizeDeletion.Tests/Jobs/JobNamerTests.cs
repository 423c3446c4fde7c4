using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PersonalizeDeletion.Jobs;
using Xunit;

namespace PersonalizeDeletion.Tests.Jobs
{
    public class JobNamerTests
    {
        private const string Role = "arn:aws:iam::123456789012:role/PersonalizeDeletion";
        private const string Data = "sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

        // The model's Name shape, written out independently of the code under test.
        private static readonly Regex ModelName = new Regex(@"\A[a-zA-Z0-9][a-zA-Z0-9\-_]*\z");

        private static string Group(string name) => "arn:aws:personalize:us-east-1:123456789012:dataset-group/" + name;

        private static void AssertModelValid(string name)
        {
            Assert.InRange(name.Length, 1, 63);
            Assert.Matches(ModelName, name);
            Assert.True(JobNamer.IsValid(name), name);
        }

        public static IEnumerable<object[]> GroupNameLengths() => Enumerable.Range(1, 63).Select(length => new object[] { length });

        [Theory]
        [MemberData(nameof(GroupNameLengths))]
        public void DerivedNamesFollowTheModelForEveryGroupNameLength(int length)
        {
            string groupName = "g" + new string('x', length - 1);
            string name = JobNamer.Derive(Group(groupName), Role, Data);

            AssertModelValid(name);
            Assert.StartsWith("pdel-", name, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("ag-", 36)]
        [InlineData("ag_", 36)]
        [InlineData("a-_-_a", 12)]
        public void DerivedNamesStayValidWhenTruncationLandsOnASeparator(string unit, int repeats)
        {
            // The 37th character (where the group name is cut) is a separator in each case.
            string groupName = unit.Substring(0, 1) + string.Concat(Enumerable.Repeat(unit.Substring(1), repeats));
            string name = JobNamer.Derive(Group(groupName.Substring(0, Math.Min(63, groupName.Length))), Role, Data);

            AssertModelValid(name);
            Assert.Matches(new Regex(@"\Apdel-a[a-zA-Z0-9\-_]*[a-zA-Z0-9]-[0-9a-f]{20}\z"), name);
        }

        [Theory]
        [InlineData(2)]
        [InlineData(5)]
        [InlineData(12)]
        public void LaterAttemptsAreTheFirstNameWithTheAttemptAppended(int attempt)
        {
            string first = JobNamer.Derive(Group("movies"), Role, Data);

            Assert.Equal(first + "-" + attempt, JobNamer.Derive(Group("movies"), Role, Data, attempt));
            Assert.Equal(first, JobNamer.Derive(Group("movies"), Role, Data, 1));
        }

        [Theory]
        [MemberData(nameof(GroupNameLengths))]
        public void LaterAttemptsStayWithinTheModelForEveryGroupNameLength(int length)
        {
            string groupName = "g" + new string('x', length - 1);
            string first = JobNamer.Derive(Group(groupName), Role, Data);
            string hash = first.Substring(first.Length - 20);

            foreach (int attempt in new[] { 2, 5, 10 })
            {
                string name = JobNamer.Derive(Group(groupName), Role, Data, attempt);
                AssertModelValid(name);
                Assert.EndsWith(hash + "-" + attempt, name, StringComparison.Ordinal);
                Assert.NotEqual(first, name);
            }
        }

        [Fact]
        public void AttemptsCountFromOne() =>
            Assert.Throws<ArgumentOutOfRangeException>(() => JobNamer.Derive(Group("movies"), Role, Data, 0));

        [Fact]
        public void ShortGroupNamesAreKeptWhole()
        {
            string name = JobNamer.Derive(Group("movies"), Role, Data);

            Assert.Matches(new Regex(@"\Apdel-movies-[0-9a-f]{20}\z"), name);
        }

        [Fact]
        public void LongGroupNamesAreShortenedButStillRecognisable()
        {
            string groupName = "recommendations-for-the-european-storefront-with-a-very-long-name";
            groupName = groupName.Substring(0, 63);
            string name = JobNamer.Derive(Group(groupName), Role, Data);

            AssertModelValid(name);
            Assert.StartsWith("pdel-recommendations-for-the-european", name, StringComparison.Ordinal);
        }

        [Fact]
        public void CharactersOutsideTheNameShapeAreDropped()
        {
            // Not a valid dataset group name, but whatever arrives must never yield an invalid job name.
            string name = JobNamer.Derive("arn:aws:personalize:us-east-1:123456789012:dataset-group/caf\u00e9.m\u00fcsli+x", Role, Data);

            AssertModelValid(name);
            Assert.StartsWith("pdel-cafmslix-", name, StringComparison.Ordinal);
        }

        [Fact]
        public void AGroupNameWithNothingUsableStillGivesAValidName()
        {
            string name = JobNamer.Derive("arn:aws:personalize:us-east-1:123456789012:dataset-group/\u00e9\u00e9", Role, Data);

            AssertModelValid(name);
            Assert.Matches(new Regex(@"\Apdel-[0-9a-f]{20}\z"), name);
        }

        [Fact]
        public void DerivingIsDeterministic()
        {
            string first = JobNamer.Derive(Group("movies"), Role, Data);
            string second = JobNamer.Derive(Group("movies"), Role, Data);

            Assert.Equal(first, second);
        }

        [Fact]
        public void DifferentGroupRoleOrDataGiveDifferentNames()
        {
            string baseline = JobNamer.Derive(Group("movies"), Role, Data);

            var names = new[]
            {
                baseline,
                JobNamer.Derive(Group("movies2"), Role, Data),
                JobNamer.Derive(Group("movies").Replace("us-east-1", "eu-west-1"), Role, Data),
                JobNamer.Derive(Group("movies").Replace("123456789012", "210987654321"), Role, Data),
                JobNamer.Derive(Group("movies"), Role + "2", Data),
                JobNamer.Derive(Group("movies"), Role, Data.Replace("0f1e", "0f1f")),
                JobNamer.Derive(Group("movies"), Role, "s3://bucket/users.csv"),
            };

            Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        }

        [Fact]
        public void GroupsWhoseNamesShareTheSameTruncatedPrefixStillGetDifferentNames()
        {
            string stem = new string('a', 50);
            string first = JobNamer.Derive(Group(stem + "-first"), Role, Data);
            string second = JobNamer.Derive(Group(stem + "-second"), Role, Data);

            AssertModelValid(first);
            AssertModelValid(second);
            Assert.NotEqual(first, second);
        }

        [Fact]
        public void FieldBoundariesAreNotAmbiguous()
        {
            // Moving text between role and data must not give the same name.
            string first = JobNamer.Derive(Group("movies"), "arn:aws:iam::123456789012:role/a", "bc");
            string second = JobNamer.Derive(Group("movies"), "arn:aws:iam::123456789012:role/ab", "c");

            Assert.NotEqual(first, second);
        }

        [Theory]
        [InlineData("a")]
        [InlineData("A1-b_2")]
        [InlineData("0job")]
        public void IsValidAcceptsModelShapedNames(string name)
        {
            Assert.True(JobNamer.IsValid(name));
        }

        [Fact]
        public void IsValidAcceptsSixtyThreeCharactersButNotSixtyFour()
        {
            Assert.True(JobNamer.IsValid(new string('a', 63)));
            Assert.False(JobNamer.IsValid(new string('a', 64)));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("-job")]
        [InlineData("_job")]
        [InlineData("job name")]
        [InlineData("job.name")]
        [InlineData("j\u00f6b")]
        [InlineData("job/1")]
        [InlineData(" job")]
        public void IsValidRejectsNamesOutsideTheModel(string? name)
        {
            Assert.False(JobNamer.IsValid(name));
        }

        [Theory]
        [InlineData("job\n")]
        [InlineData("job\r\n")]
        public void IsValidRejectsATrailingLineBreak(string name)
        {
            // The model's pattern must match the whole value; a trailing line break is not part of any name.
            Assert.False(JobNamer.IsValid(name));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        public void NumberedKeepsASingleJobsNameAsGiven(int count)
        {
            Assert.Equal("my-job", JobNamer.Numbered("my-job", 1, count));
        }

        [Fact]
        public void NumberedSuffixesAreTwoDigitsBelowAHundredJobs()
        {
            Assert.Equal("my-job-01", JobNamer.Numbered("my-job", 1, 2));
            Assert.Equal("my-job-02", JobNamer.Numbered("my-job", 2, 2));
            Assert.Equal("my-job-99", JobNamer.Numbered("my-job", 99, 99));
        }

        [Fact]
        public void NumberedSuffixesAreThreeDigitsFromAHundredJobs()
        {
            Assert.Equal("my-job-001", JobNamer.Numbered("my-job", 1, 100));
            Assert.Equal("my-job-100", JobNamer.Numbered("my-job", 100, 100));
        }

        [Theory]
        [InlineData(1, 2)]
        [InlineData(62, 5)]
        [InlineData(63, 5)]
        [InlineData(63, 99)]
        [InlineData(60, 100)]
        [InlineData(63, 150)]
        [InlineData(63, 1200)]
        public void NumberedNamesAreUniqueAndValidForAnyGivenNameLength(int nameLength, int count)
        {
            string jobName = "j" + new string('x', nameLength - 1);
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (int index = 1; index <= count; index++)
            {
                string name = JobNamer.Numbered(jobName, index, count);
                AssertModelValid(name);
                Assert.True(names.Add(name), $"Duplicate name {name} for index {index}.");
            }

            Assert.Equal(count, names.Count);
        }

        [Fact]
        public void NumberedNamesOfTwoSetsDiffer()
        {
            Assert.NotEqual(JobNamer.Numbered("run-a", 1, 3), JobNamer.Numbered("run-b", 1, 3));
        }
    }
}
