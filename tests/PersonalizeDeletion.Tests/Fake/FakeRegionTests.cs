using System;
using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using PersonalizeDeletion.Fake.Hosting;
using Xunit;

namespace PersonalizeDeletion.Tests.Fake;

/// <summary>
/// A resource lives in one region. On the shared listener a request's region is the one it is signed for;
/// a region's own listener is that region's endpoint and refuses requests signed for another.
/// </summary>
public sealed class FakeRegionTests : IAsyncLifetime
{
    private const string Retail = "arn:aws:personalize:us-east-1:123456789012:dataset-group/retail";
    private const string RetailEu = "arn:aws:personalize:eu-west-1:123456789012:dataset-group/retail-eu";
    private const string Role = "arn:aws:iam::123456789012:role/PersonalizeS3Access";

    private FakeServer _server = null!;
    private readonly System.Net.Http.HttpClient _control = new();

    public async Task InitializeAsync()
    {
        _server = await FakeServer.StartAsync(FakeHost.Options() with { RegionListeners = new[] { "eu-west-1", "us-east-1" } });
        _control.BaseAddress = _server.Url;
    }

    public async Task DisposeAsync()
    {
        _control.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task AJobOfOneRegionIsNotFoundFromAnother()
    {
        using var eu = new SdkSignedPersonalizeClient(_server.BaseAddress) { Region = "eu-west-1" };
        using var us = new SdkSignedPersonalizeClient(_server.BaseAddress) { Region = "us-east-1" };
        var created = await eu.SendAsync("CreateDataDeletionJob", new { jobName = "eu-job", datasetGroupArn = RetailEu, dataSource = new { dataLocation = "s3://x/a.csv" }, roleArn = Role });
        var arn = created.Body.GetProperty("dataDeletionJobArn").GetString()!;
        Assert.StartsWith("arn:aws:personalize:eu-west-1:", arn, StringComparison.Ordinal);

        Assert.Equal(200, (await eu.SendAsync("DescribeDataDeletionJob", new { dataDeletionJobArn = arn })).Status);
        Assert.Equal("ResourceNotFoundException", (await us.SendAsync("DescribeDataDeletionJob", new { dataDeletionJobArn = arn })).ErrorType);
        Assert.Equal(0, (await us.SendAsync("ListDataDeletionJobs", new { })).Body.GetProperty("dataDeletionJobs").GetArrayLength());
        Assert.Equal("ResourceNotFoundException", (await us.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = RetailEu })).ErrorType);
        Assert.Equal(new[] { "retail-eu" }, (await eu.SendAsync("ListDatasetGroups", new { })).Body.GetProperty("datasetGroups").EnumerateArray().Select(g => g.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ARegionsListenerIsThatRegionsEndpoint_AndRefusesRequestsSignedForAnother()
    {
        var endpoints = await _control.GetFromJsonAsync<JsonElement>("/_fake/endpoints");
        var euUrl = endpoints.GetProperty("regions").GetProperty("eu-west-1").GetString()!;
        Assert.Equal(_server.RegionUrls["eu-west-1"].GetLeftPart(UriPartial.Authority), euUrl);
        Assert.NotEqual(_server.BaseAddress, euUrl);

        using var signedUs = new SdkSignedPersonalizeClient(euUrl) { Region = "us-east-1" };
        var refused = await signedUs.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = Retail });
        Assert.Equal("InvalidSignatureException", refused.ErrorType);
        Assert.Contains("Credential should be scoped to a valid region", refused.Message, StringComparison.Ordinal);

        using var signedEu = new SdkSignedPersonalizeClient(euUrl) { Region = "eu-west-1" };
        Assert.Equal("ResourceNotFoundException", (await signedEu.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = Retail })).ErrorType);
        Assert.Equal(200, (await signedEu.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = RetailEu })).Status);

        var log = (await _control.GetFromJsonAsync<JsonElement>("/_fake/requests")).EnumerateArray().ToList();
        Assert.All(log, e => Assert.Equal("eu-west-1", e.GetProperty("endpointRegion").GetString()));
    }

    [Fact]
    public async Task ABucketHasARegion_AndS3RefusesRequestsForAnother()
    {
        (await _control.PostAsJsonAsync("/_fake/s3/buckets", new { name = "eu-staging", region = "eu-west-1" })).EnsureSuccessStatusCode();
        using var inEu = S3("eu-west-1", _server.BaseAddress);
        using var inUs = S3("us-east-1", _server.BaseAddress);

        await inEu.PutObjectAsync(new PutObjectRequest { BucketName = "eu-staging", Key = "a.csv", ContentBody = "USER_ID\nu1\n" });
        Assert.Equal("eu-west-1", (await inUs.GetBucketLocationAsync("eu-staging")).Location.Value);
        var wrong = await Assert.ThrowsAsync<AmazonS3Exception>(() => inUs.GetObjectMetadataAsync("eu-staging", "a.csv"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        var refusals = (await _control.GetFromJsonAsync<JsonElement>("/_fake/requests")).EnumerateArray()
            .Where(e => e.GetProperty("operation").GetString() == "HeadObject")
            .ToList();
        Assert.All(refusals, e => Assert.Equal("AuthorizationHeaderMalformed", e.GetProperty("errorCode").GetString()));

        // At a region's endpoint, a bucket of another region is a permanent redirect.
        using var usEndpoint = S3("us-east-1", _server.RegionUrls["us-east-1"].ToString());
        var redirected = await Assert.ThrowsAsync<AmazonS3Exception>(() => usEndpoint.GetObjectAsync("eu-staging", "a.csv"));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirected.StatusCode);

        // Written through one region, a new bucket lives in that region.
        await inUs.PutObjectAsync(new PutObjectRequest { BucketName = "us-staging", Key = "b.csv", ContentBody = "USER_ID\nu2\n" });
        var objects = await _control.GetFromJsonAsync<JsonElement>("/_fake/s3/objects?bucket=us-staging");
        Assert.Equal("us-east-1", Assert.Single(objects.EnumerateArray()).GetProperty("region").GetString());
    }

    private static AmazonS3Client S3(string region, string url) => new(
        new BasicAWSCredentials(SdkSignedPersonalizeClient.DefaultAccessKey, SdkSignedPersonalizeClient.DefaultSecret),
        new AmazonS3Config { ServiceURL = url, ForcePathStyle = true, AuthenticationRegion = region, MaxErrorRetry = 0 });
}
