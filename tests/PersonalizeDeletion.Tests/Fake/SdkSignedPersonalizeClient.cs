using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace PersonalizeDeletion.Tests.Fake;

/// <summary>
/// Sends Personalize calls to the fake signed by AWSSDK.Core's own <see cref="AWS4Signer"/>, so the
/// fake's verifier is checked against the SDK rather than against a second copy of itself.
/// </summary>
internal sealed class SdkSignedPersonalizeClient : IDisposable
{
    public const string DefaultAccessKey = "AKIAFAKEDEFAULT00001";
    public const string DefaultSecret = "fakeSecretDefault0000000000000000000000";

    private readonly HttpClient _http = new();
    private readonly Uri _endpoint;

    public SdkSignedPersonalizeClient(string baseAddress) => _endpoint = new Uri(baseAddress);

    public string AccessKey { get; init; } = DefaultAccessKey;

    public string Secret { get; init; } = DefaultSecret;

    public string? SessionToken { get; init; }

    public string Region { get; init; } = "us-east-1";

    public string SigningService { get; init; } = "personalize";

    /// <summary>Clock skew to sign with (the SDK's signed-at time is shifted by this).</summary>
    public TimeSpan SignedAtOffset { get; init; }

    public async Task<PersonalizeReply> SendAsync(string operation, object body) =>
        await SendRawAsync(operation, JsonSerializer.Serialize(body));

    public async Task<PersonalizeReply> SendRawAsync(string operation, string json, Action<IRequest>? tamper = null)
    {
        var request = new DefaultRequest(new RawRequest(), "Personalize")
        {
            HttpMethod = "POST",
            ResourcePath = "/",
            Endpoint = _endpoint,
            Content = Encoding.UTF8.GetBytes(json),
        };
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        request.Headers["X-Amz-Target"] = "AmazonPersonalize." + operation;
        if (SessionToken is not null)
        {
            request.Headers["X-Amz-Security-Token"] = SessionToken;
        }

        var config = new SigningConfig { ServiceURL = _endpoint.ToString(), AuthenticationRegion = Region, AuthenticationServiceName = SigningService };
        var signer = new AWS4Signer();
        var result = signer.SignRequest(request, config, null, AccessKey, Secret, DateTime.UtcNow + SignedAtOffset);
        request.Headers["Authorization"] = result.ForAuthorizationHeader;
        tamper?.Invoke(request);

        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(request.Content) };
        foreach (var (name, value) in request.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else if (!string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase) && !string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new PersonalizeReply((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), headers);
    }

    public void Dispose() => _http.Dispose();

    private sealed class RawRequest : AmazonWebServiceRequest
    {
    }

    private sealed class SigningConfig : ClientConfig
    {
        public SigningConfig()
            : base(new DefaultConfigurationProvider(new IDefaultConfiguration[]
            {
                new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
            }))
        {
        }

        public override string ServiceVersion => "2018-05-22";

        public override string UserAgent => "PersonalizeDeletion.Tests";

        public override string RegionEndpointServiceName => "personalize";

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
    }
}
