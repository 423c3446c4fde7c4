using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PersonalizeDeletion.Tests.Fake;

public sealed class FakePersonalizeTests : IAsyncLifetime
{
    private const string Retail = "arn:aws:personalize:us-east-1:123456789012:dataset-group/retail";
    private const string Media = "arn:aws:personalize:us-east-1:123456789012:dataset-group/media";
    private const string Staging = "arn:aws:personalize:us-east-1:123456789012:dataset-group/staging";
    private const string RetailEu = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/retail-eu";
    private const string Role = "arn:aws:iam::123456789012:role/PersonalizeS3Access";

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
    public async Task DescribeDatasetGroup_ReturnsTheRecordedSeeds()
    {
        using var eu = new SdkSignedPersonalizeClient(_fake.Url) { Region = "eu-west-1" };
        var reply = await eu.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = RetailEu });

        Assert.Equal(200, reply.Status);
        var group = reply.Body.GetProperty("datasetGroup");
        Assert.Equal("retail-eu", group.GetProperty("name").GetString());
        Assert.Equal("ACTIVE", group.GetProperty("status").GetString());
        Assert.StartsWith("arn:aws:kms:eu-west-1:", group.GetProperty("kmsKeyArn").GetString());
        Assert.Equal(JsonValueKind.Number, group.GetProperty("creationDateTime").ValueKind);
        Assert.True(Guid.TryParse(reply.Headers["x-amzn-RequestId"], out _));
    }

    [Fact]
    public async Task DescribeDatasetGroup_Unknown_IsResourceNotFound()
    {
        var arn = "arn:aws:personalize:us-east-1:123456789012:dataset-group/nope";
        var reply = await _client.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = arn });

        Assert.Equal(400, reply.Status);
        Assert.Equal("ResourceNotFoundException", reply.ErrorType);
        Assert.Equal("ResourceNotFoundException", reply.Headers["x-amzn-ErrorType"]);
        Assert.Contains(arn, reply.Message);
    }

    [Fact]
    public async Task ListDatasetGroups_PagesWithOpaqueTokens()
    {
        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var reply = await _client.SendAsync("ListDatasetGroups", token is null ? new { maxResults = 3 } : new { maxResults = 3, nextToken = token });
            Assert.Equal(200, reply.Status);
            names.AddRange(reply.Body.GetProperty("datasetGroups").EnumerateArray().Select(g => g.GetProperty("name").GetString()!));
            token = reply.Body.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null);

        // Only the signing region's groups: retail-eu lives in eu-west-1.
        Assert.Equal(1, pages);
        Assert.Equal(new[] { "media", "retail", "staging" }, names.Order().ToArray());
        var bad = await _client.SendAsync("ListDatasetGroups", new { nextToken = "not-a-token" });
        Assert.Equal("InvalidNextTokenException", bad.ErrorType);
    }

    [Theory]
    [InlineData("{\"jobName\":\"-bad\",\"datasetGroupArn\":\"" + Retail + "\",\"dataSource\":{\"dataLocation\":\"s3://b/k.csv\"},\"roleArn\":\"" + Role + "\"}", "InvalidInputException", "'jobName'")]
    [InlineData("{\"jobName\":\"ok\",\"dataSource\":{\"dataLocation\":\"s3://b/k.csv\"},\"roleArn\":\"" + Role + "\"}", "InvalidInputException", "Value null at 'datasetGroupArn'")]
    [InlineData("{\"jobName\":\"ok\",\"datasetGroupArn\":\"" + Retail + "\",\"dataSource\":{\"dataLocation\":\"ftp://b/k.csv\"},\"roleArn\":\"" + Role + "\"}", "InvalidInputException", "'dataSource.dataLocation'")]
    [InlineData("{\"jobName\":\"ok\",\"datasetGroupArn\":\"" + Retail + "\",\"dataSource\":{\"dataLocation\":\"s3://b/k.csv\"},\"roleArn\":\"arn:aws:iam::12:role/x\"}", "InvalidInputException", "'roleArn'")]
    [InlineData("{\"jobName\":\"ok\",\"datasetGroupArn\":\"" + Retail + "\",\"dataSource\":{\"dataLocation\":\"s3://b/k.csv\"},\"roleArn\":\"" + Role + "\",\"extra\":1}", "SerializationException", "extra")]
    [InlineData("{\"jobName\":5,\"datasetGroupArn\":\"" + Retail + "\",\"dataSource\":{\"dataLocation\":\"s3://b/k.csv\"},\"roleArn\":\"" + Role + "\"}", "InvalidInputException", "'jobName'")]
    [InlineData("{\"jobName\":\"ok\",\"datasetGroupArn\":\"" + Retail + "\",\"dataSource\":{\"dataLocation\":\"s3://b/k.csv\"},\"roleArn\":\"" + Role + "\",\"tags\":[{\"tagKey\":\"a\"}]}", "InvalidInputException", "'tags.1.member.tagValue'")]
    [InlineData("{not json", "SerializationException", "")]
    public async Task CreateDataDeletionJob_RequestsAreValidatedAgainstTheModel(string body, string expectedType, string messagePart)
    {
        var reply = await _client.SendRawAsync("CreateDataDeletionJob", body);

        Assert.Equal(400, reply.Status);
        Assert.Equal(expectedType, reply.ErrorType);
        Assert.Contains(messagePart, reply.Message);
    }

    [Fact]
    public async Task ListDataDeletionJobs_MaxResultsAboveTheModelMaximum_IsInvalidInput()
    {
        var reply = await _client.SendAsync("ListDataDeletionJobs", new { maxResults = 101 });

        Assert.Equal("InvalidInputException", reply.ErrorType);
        Assert.Contains("Member must have value less than or equal to 100", reply.Message);
    }

    [Fact]
    public async Task UnsupportedOperation_IsUnknownOperation()
    {
        var reply = await _client.SendAsync("CreateDatasetGroup", new { name = "x" });

        Assert.Equal("UnknownOperationException", reply.ErrorType);
    }

    [Fact]
    public async Task CreatedJob_CompletesAndCountsTheRecordsOfTheUsersInTheStagedFolder()
    {
        await SeedObjectAsync("staging-bucket", "deletions/run1/part-0001.csv", "USER_ID\nu1\nu2\nu3\n");
        await SeedObjectAsync("staging-bucket", "deletions/run1/part-0002.csv", "USER_ID\r\nu4\r\nu5\r\n");
        await SeedObjectAsync("staging-bucket", "deletions/run1/manifest.json", "{}");
        await _fake.PostAsync("/_fake/records", new { datasetGroupArn = Retail, datasetType = "INTERACTIONS", records = new Dictionary<string, int> { ["u1"] = 40, ["u2"] = 1, ["u5"] = 3 } });
        await _fake.PostAsync("/_fake/records", new { datasetGroupArn = Retail, datasetType = "USERS", records = new Dictionary<string, int> { ["u1"] = 1 } });
        await _fake.PostAsync("/_fake/config", new { pendingMs = 1500, inProgressMs = 1500 });

        var created = await CreateJobAsync("erase-run1", Retail, "s3://staging-bucket/deletions/run1/");
        Assert.Equal(200, created.Status);
        var arn = created.Body.GetProperty("dataDeletionJobArn").GetString();
        Assert.Equal("arn:aws:personalize:us-east-1:123456789012:data-deletion-job/erase-run1", arn);

        var first = (await _client.SendAsync("DescribeDataDeletionJob", new { dataDeletionJobArn = arn })).Body.GetProperty("dataDeletionJob");
        Assert.Equal("PENDING", first.GetProperty("status").GetString());
        Assert.False(first.TryGetProperty("numDeleted", out _));

        var statuses = new List<string> { "PENDING" };
        JsonElement job;
        do
        {
            await Task.Delay(100);
            job = (await _client.SendAsync("DescribeDataDeletionJob", new { dataDeletionJobArn = arn })).Body.GetProperty("dataDeletionJob");
            var status = job.GetProperty("status").GetString()!;
            if (statuses[^1] != status)
            {
                statuses.Add(status);
            }
        }
        while (job.GetProperty("status").GetString() is "PENDING" or "IN_PROGRESS");

        Assert.Equal(new[] { "PENDING", "IN_PROGRESS", "COMPLETED" }, statuses);

        // Records, not lines: u1's 40 interactions and its user row, u2's one, u5's three; u3 and u4 have none.
        Assert.Equal(45, job.GetProperty("numDeleted").GetInt32());
        Assert.Equal("s3://staging-bucket/deletions/run1/", job.GetProperty("dataSource").GetProperty("dataLocation").GetString());
        Assert.Equal(Role, job.GetProperty("roleArn").GetString());
        Assert.True(job.GetProperty("lastUpdatedDateTime").GetDouble() > job.GetProperty("creationDateTime").GetDouble());
    }

    [Fact]
    public async Task Job_WithAWrongHeader_Fails_AndForcedFailuresUseTheConfiguredReason()
    {
        await SeedObjectAsync("staging-bucket", "bad.csv", "USERID\nu1\n");
        await _fake.PostAsync("/_fake/config", new { pendingMs = 0, inProgressMs = 0, failJobNamePattern = "^doomed-", failureReason = "Scripted failure." });

        var badHeader = await CreateJobAsync("bad-header", Retail, "s3://staging-bucket/bad.csv");
        var missing = await CreateJobAsync("missing-object", Retail, "s3://staging-bucket/none.csv");
        var doomed = await CreateJobAsync("doomed-1", Retail, "s3://elsewhere/users.csv");

        var badJob = await DescribeJobAsync(badHeader);
        Assert.Equal("FAILED", badJob.GetProperty("status").GetString());
        Assert.Contains("USER_ID", badJob.GetProperty("failureReason").GetString());
        Assert.Equal("FAILED", (await DescribeJobAsync(missing)).GetProperty("status").GetString());
        var doomedJob = await DescribeJobAsync(doomed);
        Assert.Equal("Scripted failure.", doomedJob.GetProperty("failureReason").GetString());
        Assert.False(doomedJob.TryGetProperty("numDeleted", out _));
    }

    [Fact]
    public async Task CreateDataDeletionJob_EnforcesTheServiceRules()
    {
        await _fake.PostAsync("/_fake/config", new { pendingMs = 60_000, pendingLimit = 2 });

        Assert.Equal(200, (await CreateJobAsync("a1", Media, "s3://x/a.csv")).Status);
        Assert.Equal("ResourceAlreadyExistsException", (await CreateJobAsync("a1", Media, "s3://x/a.csv")).ErrorType);
        Assert.Equal(200, (await CreateJobAsync("a2", Media, "s3://x/a.csv")).Status);
        var limited = await CreateJobAsync("a3", Media, "s3://x/a.csv");
        Assert.Equal("LimitExceededException", limited.ErrorType);
        Assert.Equal(200, (await CreateJobAsync("a3", Retail, "s3://x/a.csv")).Status);

        Assert.Equal("ResourceInUseException", (await CreateJobAsync("s1", Staging, "s3://x/a.csv")).ErrorType);
        Assert.Equal("ResourceNotFoundException", (await CreateJobAsync("n1", Retail.Replace("retail", "gone"), "s3://x/a.csv")).ErrorType);
        Assert.Equal("InvalidInputException", (await CreateJobAsync("h1", Retail, "https://x/a.csv")).ErrorType);

        // A group of another region is not found from this one.
        Assert.Equal("ResourceNotFoundException", (await CreateJobAsync("e1", RetailEu, "s3://x/a.csv")).ErrorType);

        var tooMany = Enumerable.Range(0, 51).Select(i => new { tagKey = $"k{i}", tagValue = "v" }).ToArray();
        Assert.Equal("TooManyTagsException", (await CreateJobAsync("t1", Retail, "s3://x/a.csv", tooMany)).ErrorType);
        var reserved = await CreateJobAsync("t2", Retail, "s3://x/a.csv", new[] { new { tagKey = "aws:owner", tagValue = "v" } });
        Assert.Equal("InvalidInputException", reserved.ErrorType);
        Assert.Contains("aws:", reserved.Message);

        // Job names are unique per account and region, so another region may reuse one.
        using var eu = new SdkSignedPersonalizeClient(_fake.Url) { Region = "eu-west-1" };
        var reused = await eu.SendAsync("CreateDataDeletionJob", new { jobName = "a1", datasetGroupArn = RetailEu, dataSource = new { dataLocation = "s3://x/a.csv" }, roleArn = Role });
        Assert.Equal(200, reused.Status);
    }

    [Fact]
    public async Task ListDataDeletionJobs_Pages250SeededJobsNewestFirst()
    {
        await _fake.PostAsync("/_fake/jobs", new { datasetGroupArn = Retail, count = 250, status = "COMPLETED", namePrefix = "seed" });
        await _fake.PostAsync("/_fake/jobs", new { datasetGroupArn = Media, count = 3, status = "FAILED", namePrefix = "other" });

        var seen = new List<(double Created, string Name)>();
        string? token = null;
        var pageSizes = new List<int>();
        do
        {
            var reply = await _client.SendAsync("ListDataDeletionJobs", token is null ? new { datasetGroupArn = Retail } : (object)new { datasetGroupArn = Retail, nextToken = token });
            Assert.Equal(200, reply.Status);
            var jobs = reply.Body.GetProperty("dataDeletionJobs").EnumerateArray().ToList();
            pageSizes.Add(jobs.Count);
            seen.AddRange(jobs.Select(j => (j.GetProperty("creationDateTime").GetDouble(), j.GetProperty("jobName").GetString()!)));
            Assert.All(jobs, j => Assert.False(j.TryGetProperty("dataSource", out _)));
            token = reply.Body.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(new[] { 100, 100, 50 }, pageSizes);
        Assert.Equal(250, seen.Select(s => s.Name).Distinct().Count());
        Assert.Equal("seed-0250", seen[0].Name);
        Assert.Equal(seen.OrderByDescending(s => s.Created).Select(s => s.Name), seen.Select(s => s.Name));

        var all = await _client.SendAsync("ListDataDeletionJobs", new { maxResults = 100 });
        Assert.Contains(all.Body.GetProperty("dataDeletionJobs").EnumerateArray(), j => j.GetProperty("jobName").GetString() == "other-0003");
        var wrongFilter = await _client.SendAsync("ListDataDeletionJobs", new { datasetGroupArn = Media, nextToken = (await _client.SendAsync("ListDataDeletionJobs", new { datasetGroupArn = Retail })).Body.GetProperty("nextToken").GetString() });
        Assert.Equal("InvalidNextTokenException", wrongFilter.ErrorType);
    }

    [Fact]
    public async Task Recordings_AnswerMatchingRequests()
    {
        var recorded = await _client.SendAsync("DescribeDataDeletionJob", new { dataDeletionJobArn = "arn:aws:personalize:us-east-1:123456789012:data-deletion-job/retail-gdpr-2024-06-03" });

        Assert.Equal(200, recorded.Status);
        Assert.Equal(1342, recorded.Body.GetProperty("dataDeletionJob").GetProperty("numDeleted").GetInt32());
        Assert.Equal("8f14e45f-ceea-4672-9d3c-6b1b7d2f0a51", recorded.Headers["x-amzn-RequestId"]);
        var list = await _client.SendAsync("ListDataDeletionJobs", new { datasetGroupArn = "arn:aws:personalize:us-east-1:123456789012:dataset-group/retail-archive" });
        Assert.Equal(2, list.Body.GetProperty("dataDeletionJobs").GetArrayLength());
    }

    [Fact]
    public async Task Signatures_AreVerified()
    {
        using var unknown = new SdkSignedPersonalizeClient(_fake.Url) { AccessKey = "AKIAUNKNOWN000000000" };
        Assert.Equal("UnrecognizedClientException", (await unknown.SendAsync("ListDatasetGroups", new { })).ErrorType);

        using var wrongSecret = new SdkSignedPersonalizeClient(_fake.Url) { Secret = "not-the-secret" };
        var mismatch = await wrongSecret.SendAsync("ListDatasetGroups", new { });
        Assert.Equal("InvalidSignatureException", mismatch.ErrorType);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", mismatch.Message);

        using var wrongService = new SdkSignedPersonalizeClient(_fake.Url) { SigningService = "s3" };
        Assert.Equal("InvalidSignatureException", (await wrongService.SendAsync("ListDatasetGroups", new { })).ErrorType);

        var tamperedBody = await _client.SendRawAsync("ListDatasetGroups", "{}", request => request.Content = "{\"maxResults\":1}"u8.ToArray());
        Assert.Equal("InvalidSignatureException", tamperedBody.ErrorType);

        using var stale = new SdkSignedPersonalizeClient(_fake.Url) { SignedAtOffset = TimeSpan.FromMinutes(-16) };
        var expired = await stale.SendAsync("ListDatasetGroups", new { });
        Assert.Equal("InvalidSignatureException", expired.ErrorType);
        Assert.StartsWith("Signature expired: ", expired.Message);

        using var session = new SdkSignedPersonalizeClient(_fake.Url)
        {
            AccessKey = "ASIAFAKESESSION00003",
            Secret = "fakeSecretSession0000000000000000000000",
        };
        Assert.Equal("UnrecognizedClientException", (await session.SendAsync("ListDatasetGroups", new { })).ErrorType);
        using var withToken = new SdkSignedPersonalizeClient(_fake.Url)
        {
            AccessKey = "ASIAFAKESESSION00003",
            Secret = "fakeSecretSession0000000000000000000000",
            SessionToken = "IQoJb3JpZ2luX2VjEFAKEsessionTokenForTests0000000000000000000000000000000000==",
            Region = "eu-west-1",
        };
        Assert.Equal(200, (await withToken.SendAsync("ListDatasetGroups", new { })).Status);

        var log = await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/requests");
        var last = log.EnumerateArray().Last();
        Assert.Equal("eu-west-1", last.GetProperty("region").GetString());
        Assert.True(last.GetProperty("sessionToken").GetBoolean());
        Assert.Equal("ListDatasetGroups", last.GetProperty("operation").GetString());
        Assert.Equal("{}", last.GetProperty("body").GetString());
    }

    [Fact]
    public async Task RegisteredCredentials_AreAccepted()
    {
        using var client = new SdkSignedPersonalizeClient(_fake.Url) { AccessKey = "AKIARUNTIME000000001", Secret = "runtimeSecret" };
        Assert.Equal("UnrecognizedClientException", (await client.SendAsync("ListDatasetGroups", new { })).ErrorType);

        await _fake.PostAsync("/_fake/credentials", new { accessKeyId = "AKIARUNTIME000000001", secretAccessKey = "runtimeSecret" });

        Assert.Equal(200, (await client.SendAsync("ListDatasetGroups", new { })).Status);
    }

    [Fact]
    public async Task Faults_FireOnTheSelectedCalls()
    {
        await _fake.PostAsync("/_fake/faults", new { operation = "ListDatasetGroups", kind = "throttle", count = 2, every = 2 });
        await _fake.PostAsync("/_fake/faults", new { operation = "DescribeDatasetGroup", kind = "error500" });

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await _client.SendAsync("ListDatasetGroups", new { })).Status);
        }

        Assert.Equal(new[] { 200, 400, 200, 400, 200, 200 }, statuses);
        var failure = await _client.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = Retail });
        Assert.Equal(500, failure.Status);
        Assert.Equal("InternalFailure", failure.ErrorType);
        Assert.Equal(200, (await _client.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = Retail })).Status);

        var log = (await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/requests")).EnumerateArray().ToList();
        Assert.Equal(2, log.Count(e => e.GetProperty("fault").ValueKind == JsonValueKind.String && e.GetProperty("fault").GetString() == "throttle"));
        Assert.Contains(log, e => e.GetProperty("errorCode").ValueKind == JsonValueKind.String && e.GetProperty("errorCode").GetString() == "ThrottlingException");
    }

    [Fact]
    public async Task DropAfter_CreatesTheJobButSendsNoResponse()
    {
        await _fake.PostAsync("/_fake/faults", new { operation = "CreateDataDeletionJob", kind = "drop-after" });
        await _fake.PostAsync("/_fake/faults", new { operation = "DescribeDatasetGroup", kind = "drop-before" });

        await Assert.ThrowsAsync<HttpRequestException>(() => CreateJobAsync("dropped", Retail, "s3://x/a.csv"));
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = Retail }));

        var jobs = await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/jobs");
        Assert.Equal("dropped", Assert.Single(jobs.EnumerateArray()).GetProperty("jobName").GetString());
        Assert.Equal("ResourceAlreadyExistsException", (await CreateJobAsync("dropped", Retail, "s3://x/a.csv")).ErrorType);
    }

    [Fact]
    public async Task Reset_RestoresTheStartUpState()
    {
        await _fake.PostAsync("/_fake/datasetgroups", new { name = "extra" });
        await CreateJobAsync("j1", Retail, "s3://x/a.csv");

        await _fake.PostAsync("/_fake/reset", new { });

        Assert.Equal("ResourceNotFoundException", (await _client.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = "arn:aws:personalize:us-east-1:123456789012:dataset-group/extra" })).ErrorType);
        Assert.Empty((await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/jobs")).EnumerateArray());
        Assert.Single((await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/requests")).EnumerateArray());
    }

    private async Task<PersonalizeReply> CreateJobAsync(string name, string group, string location, object? tags = null) =>
        await _client.SendAsync("CreateDataDeletionJob", tags is null
            ? new { jobName = name, datasetGroupArn = group, dataSource = new { dataLocation = location }, roleArn = Role }
            : new { jobName = name, datasetGroupArn = group, dataSource = new { dataLocation = location }, roleArn = Role, tags });

    private async Task<JsonElement> DescribeJobAsync(PersonalizeReply created)
    {
        Assert.Equal(200, created.Status);
        var arn = created.Body.GetProperty("dataDeletionJobArn").GetString();
        return (await _client.SendAsync("DescribeDataDeletionJob", new { dataDeletionJobArn = arn })).Body.GetProperty("dataDeletionJob");
    }

    private async Task SeedObjectAsync(string bucket, string key, string content)
    {
        using var response = await _fake.Control.PutAsync($"/_fake/s3/object?bucket={bucket}&key={Uri.EscapeDataString(key)}", new StringContent(content));
        response.EnsureSuccessStatusCode();
    }
}
