using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PersonalizeDeletion.Tests.Fake;

/// <summary>
/// The dataset-group resources the module's assurance checks read: seeded through the control API with
/// statuses and times relative to the fake's clock, served with the service's paging, filters and regions,
/// and every answer checked against the model.
/// </summary>
public sealed class FakeResourceTests : IAsyncLifetime
{
    private const string Retail = "arn:aws:personalize:us-east-1:123456789012:dataset-group/retail";
    private const string Media = "arn:aws:personalize:us-east-1:123456789012:dataset-group/media";

    private readonly FakeHost _fake = new();
    private SdkSignedPersonalizeClient _client = null!;

    public async Task InitializeAsync()
    {
        await _fake.InitializeAsync();
        _client = new SdkSignedPersonalizeClient(_fake.Url);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task SolutionsAndVersions_AreListedNewestFirst_WithPaging_AndDescribedWithTheLatestVersion()
    {
        var solution = await SeedAsync(new { kind = "solution", datasetGroupArn = Retail, name = "recs", createdOffsetSeconds = -86_400, performAutoTraining = true });
        await SeedAsync(new { kind = "solution", datasetGroupArn = Retail, name = "similar", createdOffsetSeconds = -3_600 });
        await SeedAsync(new { kind = "solution", datasetGroupArn = Media, name = "media-recs" });
        var old = await SeedAsync(new { kind = "solutionVersion", solutionArn = solution, name = "v1", createdOffsetSeconds = -7_200, lastUpdatedOffsetSeconds = -3_600 });
        var training = await SeedAsync(new { kind = "solutionVersion", solutionArn = solution, name = "v2", status = "CREATE IN_PROGRESS", trainingMode = "AUTOTRAIN", createdOffsetSeconds = -60 });

        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await OkAsync("ListSolutions", token is null ? new { datasetGroupArn = Retail, maxResults = 1 } : new { datasetGroupArn = Retail, maxResults = 1, nextToken = token });
            names.AddRange(page.GetProperty("solutions").EnumerateArray().Select(s => s.GetProperty("name").GetString()!));
            token = page.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        Assert.Equal(new[] { "similar", "recs" }, names);

        var described = (await OkAsync("DescribeSolution", new { solutionArn = solution })).GetProperty("solution");
        Assert.True(described.GetProperty("performAutoTraining").GetBoolean());
        Assert.Equal(Retail, described.GetProperty("datasetGroupArn").GetString());
        Assert.Equal(training, described.GetProperty("latestSolutionVersion").GetProperty("solutionVersionArn").GetString());

        var versions = (await OkAsync("ListSolutionVersions", new { solutionArn = solution })).GetProperty("solutionVersions").EnumerateArray().ToList();
        Assert.Equal(new[] { training, old }, versions.Select(v => v.GetProperty("solutionVersionArn").GetString()));
        Assert.Equal("CREATE IN_PROGRESS", versions[0].GetProperty("status").GetString());
        Assert.Equal("AUTOMATIC", versions[0].GetProperty("trainingType").GetString());
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        Assert.InRange(versions[1].GetProperty("creationDateTime").GetDouble(), now - 7_260, now - 7_140);
        Assert.InRange(versions[1].GetProperty("lastUpdatedDateTime").GetDouble(), now - 3_660, now - 3_540);
        Assert.Equal(2, (await OkAsync("ListSolutionVersions", new { })).GetProperty("solutionVersions").GetArrayLength());

        var version = (await OkAsync("DescribeSolutionVersion", new { solutionVersionArn = old })).GetProperty("solutionVersion");
        Assert.Equal(solution, version.GetProperty("solutionArn").GetString());
        Assert.Equal("ACTIVE", version.GetProperty("status").GetString());
        Assert.Equal("ResourceNotFoundException", (await _client.SendAsync("ListSolutionVersions", new { solutionArn = solution + "-gone" })).ErrorType);
    }

    [Fact]
    public async Task Campaigns_AreListedBySolutionOrAll_AndDescribedWithTheirDeployedVersionAndUpdate()
    {
        var solution = await SeedAsync(new { kind = "solution", datasetGroupArn = Retail, name = "recs" });
        var v1 = await SeedAsync(new { kind = "solutionVersion", solutionArn = solution, name = "v1" });
        var v2 = await SeedAsync(new { kind = "solutionVersion", solutionArn = solution, name = "v2" });
        var other = await SeedAsync(new { kind = "solution", datasetGroupArn = Media, name = "other" });
        var otherVersion = await SeedAsync(new { kind = "solutionVersion", solutionArn = other, name = "o1" });
        var live = await SeedAsync(new { kind = "campaign", solutionVersionArn = v1, name = "live", pendingSolutionVersionArn = v2 });
        await SeedAsync(new { kind = "campaign", solutionVersionArn = otherVersion, name = "media-live" });

        var bySolution = (await OkAsync("ListCampaigns", new { solutionArn = solution })).GetProperty("campaigns").EnumerateArray().ToList();
        Assert.Equal(new[] { live }, bySolution.Select(c => c.GetProperty("campaignArn").GetString()));
        Assert.Equal(2, (await OkAsync("ListCampaigns", new { })).GetProperty("campaigns").GetArrayLength());

        var campaign = (await OkAsync("DescribeCampaign", new { campaignArn = live })).GetProperty("campaign");
        Assert.Equal(v1, campaign.GetProperty("solutionVersionArn").GetString());
        Assert.Equal(v2, campaign.GetProperty("latestCampaignUpdate").GetProperty("solutionVersionArn").GetString());
        Assert.Equal("CREATE IN_PROGRESS", campaign.GetProperty("latestCampaignUpdate").GetProperty("status").GetString());
    }

    [Fact]
    public async Task DatasetsAndImportJobs_AreListedByGroupAndByDataset()
    {
        var interactions = (await OkAsync("ListDatasets", new { datasetGroupArn = Retail })).GetProperty("datasets").EnumerateArray().ToList();
        Assert.Equal(new[] { "INTERACTIONS", "ITEMS", "USERS" }, interactions.Select(d => d.GetProperty("datasetType").GetString()).Order());
        var datasetArn = interactions.Single(d => d.GetProperty("datasetType").GetString() == "INTERACTIONS").GetProperty("datasetArn").GetString()!;
        var items = interactions.Single(d => d.GetProperty("datasetType").GetString() == "ITEMS").GetProperty("datasetArn").GetString()!;

        await SeedAsync(new { kind = "datasetImportJob", datasetArn, name = "nightly", status = "CREATE IN_PROGRESS", createdOffsetSeconds = -30 });
        await SeedAsync(new { kind = "datasetImportJob", datasetArn = items, name = "catalog", importMode = "INCREMENTAL" });

        var byDataset = (await OkAsync("ListDatasetImportJobs", new { datasetArn })).GetProperty("datasetImportJobs").EnumerateArray().ToList();
        var nightly = Assert.Single(byDataset);
        Assert.Equal("nightly", nightly.GetProperty("jobName").GetString());
        Assert.Equal("CREATE IN_PROGRESS", nightly.GetProperty("status").GetString());
        Assert.Equal(2, (await OkAsync("ListDatasetImportJobs", new { })).GetProperty("datasetImportJobs").GetArrayLength());
    }

    [Theory]
    [InlineData("batchInferenceJob", "ListBatchInferenceJobs", "batchInferenceJobs", "DescribeBatchInferenceJob", "batchInferenceJob")]
    [InlineData("batchSegmentJob", "ListBatchSegmentJobs", "batchSegmentJobs", "DescribeBatchSegmentJob", "batchSegmentJob")]
    public async Task BatchJobs_AreListedByVersionOrAll_AndDescribedWithTheirOutputPath(string kind, string list, string member, string describe, string detail)
    {
        var solution = await SeedAsync(new { kind = "solution", datasetGroupArn = Retail, name = "recs" });
        var v1 = await SeedAsync(new { kind = "solutionVersion", solutionArn = solution, name = "v1" });
        var v2 = await SeedAsync(new { kind = "solutionVersion", solutionArn = solution, name = "v2" });
        var weekly = await SeedAsync(new { kind, solutionVersionArn = v1, name = "weekly", outputPath = "s3://recs-out/weekly/", status = "IN_PROGRESS" });
        await SeedAsync(new { kind, solutionVersionArn = v2, name = "daily" });

        var byVersion = (await OkAsync(list, new { solutionVersionArn = v1 })).GetProperty(member).EnumerateArray().ToList();
        Assert.Equal(new[] { "weekly" }, byVersion.Select(j => j.GetProperty("jobName").GetString()));
        Assert.Equal(v1, byVersion[0].GetProperty("solutionVersionArn").GetString());
        Assert.Equal(2, (await OkAsync(list, new { })).GetProperty(member).GetArrayLength());

        var job = (await OkAsync(describe, Arn(detail, weekly))).GetProperty(detail);
        Assert.Equal("s3://recs-out/weekly/", job.GetProperty("jobOutput").GetProperty("s3DataDestination").GetProperty("path").GetString());
        Assert.Equal("IN_PROGRESS", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Recommenders_AreListedByGroup()
    {
        await SeedAsync(new { kind = "recommender", datasetGroupArn = Retail, name = "for-you", status = "CREATE IN_PROGRESS" });
        await SeedAsync(new { kind = "recommender", datasetGroupArn = Media, name = "top-picks" });

        var recommenders = (await OkAsync("ListRecommenders", new { datasetGroupArn = Retail })).GetProperty("recommenders").EnumerateArray().ToList();

        var forYou = Assert.Single(recommenders);
        Assert.Equal("CREATE IN_PROGRESS", forYou.GetProperty("status").GetString());
        Assert.Equal(Retail, forYou.GetProperty("datasetGroupArn").GetString());
        Assert.Equal(2, (await OkAsync("ListRecommenders", new { })).GetProperty("recommenders").GetArrayLength());
    }

    [Fact]
    public async Task Recommenders_AreDescribedWithTheirLatestUpdate_WhichTheListingDoesNotShow()
    {
        var topPicks = await SeedAsync(new { kind = "recommender", datasetGroupArn = Retail, name = "top-picks", createdOffsetSeconds = -86400, lastUpdatedOffsetSeconds = -60, updateStatus = "CREATE IN_PROGRESS", updateCreatedOffsetSeconds = -120 });
        var forYou = await SeedAsync(new { kind = "recommender", datasetGroupArn = Retail, name = "for-you", status = "CREATE IN_PROGRESS" });

        var updating = (await OkAsync("DescribeRecommender", new { recommenderArn = topPicks })).GetProperty("recommender");
        var created = (await OkAsync("DescribeRecommender", new { recommenderArn = forYou })).GetProperty("recommender");
        var summary = (await OkAsync("ListRecommenders", new { datasetGroupArn = Retail })).GetProperty("recommenders").EnumerateArray().Single(r => r.GetProperty("recommenderArn").GetString() == topPicks);

        Assert.Equal("ACTIVE", updating.GetProperty("status").GetString());
        Assert.Equal(Retail, updating.GetProperty("datasetGroupArn").GetString());
        var update = updating.GetProperty("latestRecommenderUpdate");
        Assert.Equal("CREATE IN_PROGRESS", update.GetProperty("status").GetString());
        Assert.Equal(60, update.GetProperty("lastUpdatedDateTime").GetDouble() - update.GetProperty("creationDateTime").GetDouble(), 3);
        Assert.Equal(86280, update.GetProperty("creationDateTime").GetDouble() - updating.GetProperty("creationDateTime").GetDouble(), 3);
        Assert.False(summary.TryGetProperty("latestRecommenderUpdate", out _));
        Assert.Equal("CREATE IN_PROGRESS", created.GetProperty("status").GetString());
        Assert.False(created.TryGetProperty("latestRecommenderUpdate", out _));
        Assert.Equal("ResourceNotFoundException", (await _client.SendAsync("DescribeRecommender", new { recommenderArn = topPicks.Replace("top-picks", "gone", StringComparison.Ordinal) })).ErrorType);
        Assert.Contains("updateCreatedOffsetSeconds", await SeedErrorAsync(new { kind = "recommender", datasetGroupArn = Retail, name = "x", createdOffsetSeconds = -10, updateStatus = "ACTIVE", updateCreatedOffsetSeconds = -20 }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResourcesAreOnlySeenFromTheirRegion()
    {
        var solution = await SeedAsync(new { kind = "solution", datasetGroupArn = Retail, name = "recs" });
        using var eu = new SdkSignedPersonalizeClient(_fake.Url) { Region = "eu-west-1" };

        Assert.Equal(0, (await eu.SendAsync("ListSolutions", new { })).Body.GetProperty("solutions").GetArrayLength());
        Assert.Equal("ResourceNotFoundException", (await eu.SendAsync("DescribeSolution", new { solutionArn = solution })).ErrorType);
    }

    [Fact]
    public async Task APermissionDenialRefusesOneOperationOnly()
    {
        await SeedAsync(new { kind = "solution", datasetGroupArn = Retail, name = "recs" });
        await _fake.PostAsync("/_fake/faults", new { operation = "ListSolutions", kind = "access-denied", count = -1 });

        var denied = await _client.SendAsync("ListSolutions", new { datasetGroupArn = Retail });
        var again = await _client.SendAsync("ListSolutions", new { datasetGroupArn = Retail });

        Assert.Equal("AccessDeniedException", denied.ErrorType);
        Assert.Contains("not authorized to perform: personalize:ListSolutions", denied.Message, StringComparison.Ordinal);
        Assert.Equal("AccessDeniedException", again.ErrorType);
        Assert.Equal(200, (await _client.SendAsync("ListRecommenders", new { datasetGroupArn = Retail })).Status);
    }

    [Fact]
    public async Task SeedsAreCheckedAgainstTheModelAndTheirParents()
    {
        Assert.Contains("at 'name' failed to satisfy constraint", await SeedErrorAsync(new { kind = "solution", datasetGroupArn = Retail, name = "-bad" }), StringComparison.Ordinal);
        Assert.Contains("add it first", await SeedErrorAsync(new { kind = "solutionVersion", solutionArn = "arn:aws:personalize:us-east-1:123456789012:solution/none" }), StringComparison.Ordinal);
        Assert.Contains("Unknown resource kind", await SeedErrorAsync(new { kind = "filter", name = "x" }), StringComparison.Ordinal);
        Assert.Contains("lastUpdatedOffsetSeconds", await SeedErrorAsync(new { kind = "solution", datasetGroupArn = Retail, name = "x", createdOffsetSeconds = 0, lastUpdatedOffsetSeconds = -10 }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedingTheSameArnAgainMovesTheResourceOn()
    {
        var solution = await SeedAsync(new { kind = "solution", datasetGroupArn = Retail, name = "recs" });
        var version = await SeedAsync(new { kind = "solutionVersion", solutionArn = solution, name = "v1", status = "CREATE IN_PROGRESS" });
        await SeedAsync(new { kind = "solutionVersion", solutionArn = solution, name = "v1", status = "ACTIVE" });

        var versions = (await OkAsync("ListSolutionVersions", new { solutionArn = solution })).GetProperty("solutionVersions").EnumerateArray().ToList();

        Assert.Equal(version, Assert.Single(versions).GetProperty("solutionVersionArn").GetString());
        Assert.Equal("ACTIVE", versions[0].GetProperty("status").GetString());
    }

    private static Dictionary<string, string> Arn(string detail, string arn) => new() { [detail + "Arn"] = arn };

    private async Task<string> SeedAsync(object seed)
    {
        using var response = await _fake.Control.PostAsJsonAsync("/_fake/resources", seed);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("arn").GetString()!;
    }

    private async Task<string> SeedErrorAsync(object seed)
    {
        using var response = await _fake.Control.PostAsJsonAsync("/_fake/resources", seed);
        Assert.Equal(400, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
    }

    private async Task<JsonElement> OkAsync(string operation, object body)
    {
        var reply = await _client.SendAsync(operation, body);
        Assert.True(reply.Status == 200, $"{operation}: {reply.ErrorType} {reply.Message}");
        return reply.Body;
    }
}
