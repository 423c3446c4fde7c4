using System.Text.Json;
using PersonalizeDeletion.Fake.Model;
using Xunit;

namespace PersonalizeDeletion.Tests.Fake;

public sealed class ShapeValidatorTests
{
    private static readonly ShapeValidator Validator = new(ServiceModel.Load(FakeHost.Options().ModelPath!));

    [Theory]
    [InlineData(@"\p{ASCII}{0,5}", "abc", true)]
    [InlineData(@"\p{ASCII}{0,5}", "abcdef", false)]
    [InlineData(@"\p{ASCII}{0,5}", "é", false)]
    [InlineData("(s3|http|https)://.+", "s3://b/k", true)]
    [InlineData("(s3|http|https)://.+", "see s3://b/k", false)]
    [InlineData(@"^[a-zA-Z0-9][a-zA-Z0-9\-_]*", "job-1", true)]
    [InlineData(@"^[a-zA-Z0-9][a-zA-Z0-9\-_]*", "job 1", false)]
    public void ModelPatterns_MatchTheWholeValue(string javaPattern, string value, bool expected)
    {
        Assert.Equal(expected, ServiceModel.TranslatePattern(javaPattern).IsMatch(value));
    }

    [Fact]
    public void Violations_AreReportedTogether_InTheServiceWording()
    {
        var result = Validate("ListDataDeletionJobsRequest", """{"maxResults":0,"datasetGroupArn":"x"}""");

        Assert.Equal("InvalidInputException", result.ErrorCode);
        Assert.StartsWith("2 validation errors detected: ", result.Message);
        Assert.Contains("Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1", result.Message);
        Assert.Contains("Value 'x' at 'datasetGroupArn' failed to satisfy constraint: Member must satisfy regular expression pattern", result.Message);
    }

    [Fact]
    public void SensitiveValues_AreNotEchoed_AndEnumsAreChecked()
    {
        var tags = Validate("Tags", """[{"tagKey":"bad#key","tagValue":"v"}]""");
        Assert.Contains("Value at '1.member.tagKey'", tags.Message);
        Assert.DoesNotContain("bad#key", tags.Message);

        var group = Validate("DatasetGroup", """{"domain":"RETAIL"}""");
        Assert.Contains("Member must satisfy enum value set: [ECOMMERCE, VIDEO_ON_DEMAND]", group.Message);
    }

    [Fact]
    public void UnknownMembers_AreSerializationErrors_AndTimestampsMustBeNumbers()
    {
        Assert.Equal("SerializationException", Validate("DescribeDatasetGroupRequest", """{"datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/a","x":1}""").ErrorCode);
        Assert.False(Validate("DatasetGroup", """{"creationDateTime":"2024-01-01T00:00:00Z"}""").IsValid);
        Assert.True(Validate("DatasetGroup", """{"creationDateTime":1704067200.5}""").IsValid);
    }

    private static ValidationResult Validate(string shape, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validator.Validate(shape, document.RootElement);
    }
}
