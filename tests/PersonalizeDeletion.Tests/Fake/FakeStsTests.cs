using System.Net.Http.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Xunit;

namespace PersonalizeDeletion.Tests.Fake;

/// <summary>STS GetCallerIdentity, as the AWS SDK's own STS client sends it (query protocol) to the fake's one URL.</summary>
public sealed class FakeStsTests : IAsyncLifetime
{
    private readonly FakeHost _fake = new();

    public Task InitializeAsync() => _fake.InitializeAsync();

    public Task DisposeAsync() => _fake.DisposeAsync();

    [Fact]
    public async Task GetCallerIdentity_AnswersTheIdentityOfTheSigningKey()
    {
        await _fake.PostAsync("/_fake/credentials", new { accessKeyId = "AKIAAUDITOR000000001", secretAccessKey = "auditorSecret", arn = "arn:aws:iam::210987654321:user/privacy-officer" });
        using var byDefault = Sts(SdkSignedPersonalizeClient.DefaultAccessKey, SdkSignedPersonalizeClient.DefaultSecret);
        using var auditor = Sts("AKIAAUDITOR000000001", "auditorSecret");

        var identity = await byDefault.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        var other = await auditor.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("arn:aws:iam::123456789012:user/akiafakedefault00001", identity.Arn);
        Assert.Equal("123456789012", identity.Account);
        Assert.Equal("arn:aws:iam::210987654321:user/privacy-officer", other.Arn);
        Assert.Equal("210987654321", other.Account);
        var log = await _fake.Control.GetFromJsonAsync<System.Text.Json.JsonElement>("/_fake/requests");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("service").GetString() == "sts" && e.GetProperty("operation").GetString() == "GetCallerIdentity");
    }

    [Fact]
    public async Task AnUnknownKeyIsInvalidClientTokenId_AndADenialIsAccessDenied()
    {
        using var unknown = Sts("AKIAUNKNOWN000000000", "nope");
        var refused = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => unknown.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        Assert.Equal("InvalidClientTokenId", refused.ErrorCode);

        await _fake.PostAsync("/_fake/faults", new { operation = "sts:GetCallerIdentity", kind = "access-denied", count = -1 });
        using var known = Sts(SdkSignedPersonalizeClient.DefaultAccessKey, SdkSignedPersonalizeClient.DefaultSecret);
        var denied = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => known.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        Assert.Equal("AccessDenied", denied.ErrorCode);
    }

    private AmazonSecurityTokenServiceClient Sts(string key, string secret) => new(
        new BasicAWSCredentials(key, secret),
        new AmazonSecurityTokenServiceConfig { ServiceURL = _fake.Url, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
}
