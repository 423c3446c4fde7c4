using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Xunit;

namespace PersonalizeDeletion.Tests.Fake;

/// <summary>
/// The fake deletes as the service does: it reads the data when the job leaves PENDING, fails what the
/// service cannot read, and counts the records it removes. Time moves with the fake's clock offset, not sleeps.
/// </summary>
public sealed class FakeDeletionTests : IAsyncLifetime
{
    private const string Retail = "arn:aws:personalize:us-east-1:123456789012:dataset-group/retail";
    private const string Media = "arn:aws:personalize:us-east-1:123456789012:dataset-group/media";
    private const string Role = "arn:aws:iam::123456789012:role/PersonalizeS3Access";

    private readonly FakeHost _fake = new();
    private SdkSignedPersonalizeClient _client = null!;
    private double _offset;

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
    public async Task TheDataIsReadWhenTheJobLeavesPending_SoACsvRemovedWhilePendingFailsTheJob()
    {
        await SeedObjectAsync("staging", "req/users.csv", "USER_ID\nu1\n");
        await RecordsAsync(Retail, ("u1", 4));
        await _fake.PostAsync("/_fake/config", new { pendingMs = 10_000, inProgressMs = 10_000 });
        var arn = await CreateAsync("removed-while-pending", Retail, "s3://staging/req/users.csv");

        using (var s3 = S3Client())
        {
            await s3.DeleteObjectAsync("staging", "req/users.csv");
        }

        await AdvanceAsync(11);
        var job = await DescribeAsync(arn);
        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.Contains("s3://staging/req/users.csv", job.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Contains("does not exist", job.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, await RecordCountAsync(Retail, "u1"));
        var control = await ControlJobAsync("removed-while-pending");
        Assert.Equal(0, control.GetProperty("objectsRead").GetArrayLength());
    }

    [Fact]
    public async Task AJobKeepsWhatItReadWhenTheCsvIsOverwrittenLater()
    {
        await SeedObjectAsync("staging", "req/users.csv", "USER_ID\nfirst\n");
        await RecordsAsync(Retail, ("first", 2), ("second", 9));
        await _fake.PostAsync("/_fake/config", new { pendingMs = 1_000, inProgressMs = 10_000 });
        var arn = await CreateAsync("read-then-overwritten", Retail, "s3://staging/req/users.csv");

        await AdvanceAsync(2);
        await SeedObjectAsync("staging", "req/users.csv", "USER_ID\nsecond\n");
        await AdvanceAsync(12);

        var job = await DescribeAsync(arn);
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("numDeleted").GetInt32());
        Assert.Equal(0, await RecordCountAsync(Retail, "first"));
        Assert.Equal(9, await RecordCountAsync(Retail, "second"));
        var control = await ControlJobAsync("read-then-overwritten");
        Assert.Equal("req/users.csv", Assert.Single(control.GetProperty("objectsRead").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal(1, control.GetProperty("usersRead").GetInt32());
    }

    public static IEnumerable<object[]> Unreadable() => new[]
    {
        new object[] { "no-bucket", "s3://bucket-that-does-not-exist/users.csv", null!, "bucket bucket-that-does-not-exist does not exist" },
        new object[] { "no-object", "s3://staging/missing.csv", null!, "the object does not exist" },
        new object[] { "empty-folder", "s3://staging/empty/", null!, "no CSV files were found" },
        new object[] { "lower-case-header", "s3://staging/h.csv", "user_id\nu1\n", "invalid header" },
        new object[] { "other-header", "s3://staging/h.csv", "EMAIL\na@example.com\n", "invalid header" },
        new object[] { "two-columns-header", "s3://staging/h.csv", "USER_ID,EMAIL\nu1,a@example.com\n", "invalid header" },
        new object[] { "two-columns-row", "s3://staging/h.csv", "USER_ID\nu1\nu2,extra\n", "2 columns on line 3" },
        new object[] { "latin1", "s3://staging/h.csv", new byte[] { 0x55, 0x53, 0x45, 0x52, 0x5F, 0x49, 0x44, 0x0A, 0x6D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A }, "not valid UTF-8" },
        new object[] { "unclosed-quote", "s3://staging/h.csv", "USER_ID\n\"u1\n", "not closed" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task DataTheServiceCannotReadFailsTheJob(string name, string location, object? content, string reason)
    {
        await SeedObjectAsync("staging", "keep-bucket.txt", "x");
        if (content is not null)
        {
            await SeedObjectAsync("staging", "h.csv", content as byte[] ?? Encoding.UTF8.GetBytes((string)content));
        }

        await RecordsAsync(Retail, ("u1", 3));
        await _fake.PostAsync("/_fake/config", new { pendingMs = 0, inProgressMs = 1_000 });
        var arn = await CreateAsync(name, Retail, location);

        var job = await DescribeAsync(arn);
        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.Contains(reason, job.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.False(job.TryGetProperty("numDeleted", out _));
        Assert.Equal(3, await RecordCountAsync(Retail, "u1"));
    }

    [Fact]
    public async Task AKmsEncryptedObjectFailsTheJob()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/_fake/s3/object?bucket=staging&key=kms.csv") { Content = new StringContent("USER_ID\nu1\n") };
        request.Headers.Add("x-amz-server-side-encryption", "aws:kms");
        request.Headers.Add("x-amz-server-side-encryption-aws-kms-key-id", "arn:aws:kms:us-east-1:123456789012:key/cmk");
        (await _fake.Control.SendAsync(request)).EnsureSuccessStatusCode();
        await _fake.PostAsync("/_fake/config", new { pendingMs = 0, inProgressMs = 0 });

        var job = await DescribeAsync(await CreateAsync("kms", Retail, "s3://staging/kms.csv"));

        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        Assert.Contains("arn:aws:kms:us-east-1:123456789012:key/cmk", job.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuotedIdsABomAndBlankLinesAreRead()
    {
        await SeedObjectAsync("staging", "q.csv", "\uFEFF\"USER_ID\"\r\n\"Smith, John\"\r\n\r\n\"say \"\"hi\"\"\"\r\n");
        await RecordsAsync(Media, ("Smith, John", 5), ("say \"hi\"", 1));
        await _fake.PostAsync("/_fake/config", new { pendingMs = 0, inProgressMs = 0 });

        var job = await DescribeAsync(await CreateAsync("quoted", Media, "s3://staging/q.csv"));

        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.Equal(6, job.GetProperty("numDeleted").GetInt32());
    }

    [Fact]
    public async Task NumDeletedCountsRecordsOnlyInTheJobsDatasetGroup_AndAUserDeletedTwiceCountsOnce()
    {
        await SeedObjectAsync("staging", "u.csv", "USER_ID\nheavy\nabsent\nheavy\n");
        await RecordsAsync(Retail, ("heavy", 40));
        await _fake.PostAsync("/_fake/records", new { datasetGroupArn = Retail, datasetType = "USERS", records = new Dictionary<string, int> { ["heavy"] = 1 } });
        await RecordsAsync(Media, ("heavy", 7));
        await _fake.PostAsync("/_fake/config", new { pendingMs = 0, inProgressMs = 0 });

        var first = await DescribeAsync(await CreateAsync("first", Retail, "s3://staging/u.csv"));
        var again = await DescribeAsync(await CreateAsync("again", Retail, "s3://staging/u.csv"));

        Assert.Equal(41, first.GetProperty("numDeleted").GetInt32());
        Assert.Equal(0, again.GetProperty("numDeleted").GetInt32());
        Assert.Equal(7, await RecordCountAsync(Media, "heavy"));
    }

    [Fact]
    public async Task ANewJobIsInvisibleToReadsForTheVisibilityDelay_ButItsNameIsTakenAtOnce()
    {
        await SeedObjectAsync("staging", "v.csv", "USER_ID\nu1\n");
        await _fake.PostAsync("/_fake/config", new { visibilityDelayMs = 5_000, pendingMs = 60_000 });
        var arn = await CreateAsync("lagging", Retail, "s3://staging/v.csv");

        Assert.Equal("ResourceNotFoundException", (await _client.SendAsync("DescribeDataDeletionJob", new { dataDeletionJobArn = arn })).ErrorType);
        Assert.Equal(0, (await _client.SendAsync("ListDataDeletionJobs", new { datasetGroupArn = Retail })).Body.GetProperty("dataDeletionJobs").GetArrayLength());
        Assert.Equal("ResourceAlreadyExistsException", (await CreateRawAsync("lagging", Retail, "s3://staging/v.csv")).ErrorType);

        await AdvanceAsync(6);
        Assert.Equal("PENDING", (await DescribeAsync(arn)).GetProperty("status").GetString());
        Assert.Equal(1, (await _client.SendAsync("ListDataDeletionJobs", new { datasetGroupArn = Retail })).Body.GetProperty("dataDeletionJobs").GetArrayLength());
    }

    [Fact]
    public async Task UserRecordsAreSeededAndReportedPerDataset()
    {
        await RecordsAsync(Media, ("m1", 3), ("m2", 1));
        await _fake.PostAsync("/_fake/records", new { datasetGroupArn = Media, datasetType = "INTERACTIONS", records = new Dictionary<string, int> { ["m2"] = 0 } });

        var datasets = await _fake.Control.GetFromJsonAsync<JsonElement>($"/_fake/records?datasetGroupArn={Uri.EscapeDataString(Media)}");

        var interactions = Assert.Single(datasets.EnumerateArray());
        Assert.Equal("INTERACTIONS", interactions.GetProperty("datasetType").GetString());
        Assert.Equal(new[] { "m1" }, interactions.GetProperty("records").EnumerateObject().Select(p => p.Name));
        using var items = await _fake.Control.PostAsJsonAsync("/_fake/records", new { datasetGroupArn = Media, datasetType = "ITEMS", records = new Dictionary<string, int> { ["m1"] = 1 } });
        Assert.Equal(400, (int)items.StatusCode);
    }

    private async Task<string> CreateAsync(string name, string group, string location)
    {
        var reply = await CreateRawAsync(name, group, location);
        Assert.True(reply.Status == 200, $"{reply.ErrorType}: {reply.Message}");
        return reply.Body.GetProperty("dataDeletionJobArn").GetString()!;
    }

    private Task<PersonalizeReply> CreateRawAsync(string name, string group, string location) =>
        _client.SendAsync("CreateDataDeletionJob", new { jobName = name, datasetGroupArn = group, dataSource = new { dataLocation = location }, roleArn = Role });

    private async Task<JsonElement> DescribeAsync(string arn)
    {
        var reply = await _client.SendAsync("DescribeDataDeletionJob", new { dataDeletionJobArn = arn });
        Assert.True(reply.Status == 200, $"{reply.ErrorType}: {reply.Message}");
        return reply.Body.GetProperty("dataDeletionJob");
    }

    private async Task<JsonElement> ControlJobAsync(string name) =>
        (await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/jobs")).EnumerateArray().Single(j => j.GetProperty("jobName").GetString() == name);

    private async Task AdvanceAsync(double seconds)
    {
        _offset += seconds;
        await _fake.PostAsync("/_fake/config", new { clockOffsetSeconds = _offset });
    }

    private Task RecordsAsync(string group, params (string User, int Count)[] records) =>
        _fake.PostAsync("/_fake/records", new { datasetGroupArn = group, datasetType = "INTERACTIONS", records = records.ToDictionary(r => r.User, r => r.Count) });

    private async Task<int> RecordCountAsync(string group, string user)
    {
        var datasets = await _fake.Control.GetFromJsonAsync<JsonElement>($"/_fake/records?datasetGroupArn={Uri.EscapeDataString(group)}");
        return datasets.EnumerateArray().Sum(d => d.GetProperty("records").TryGetProperty(user, out var count) ? count.GetInt32() : 0);
    }

    private Task SeedObjectAsync(string bucket, string key, string content) => SeedObjectAsync(bucket, key, Encoding.UTF8.GetBytes(content));

    private async Task SeedObjectAsync(string bucket, string key, byte[] content)
    {
        using var response = await _fake.Control.PutAsync($"/_fake/s3/object?bucket={bucket}&key={Uri.EscapeDataString(key)}", new ByteArrayContent(content));
        response.EnsureSuccessStatusCode();
    }

    private AmazonS3Client S3Client() => new(
        new BasicAWSCredentials(SdkSignedPersonalizeClient.DefaultAccessKey, SdkSignedPersonalizeClient.DefaultSecret),
        new AmazonS3Config { ServiceURL = _fake.Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
}
