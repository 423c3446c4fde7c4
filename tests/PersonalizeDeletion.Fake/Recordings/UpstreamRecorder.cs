using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.Personalize;
using PersonalizeDeletion.Fake.Signing;

namespace PersonalizeDeletion.Fake.Recordings;

/// <summary>
/// Record mode: forwards each Personalize call to a real endpoint, re-signed with the operator's
/// credentials, and writes the exchange as a recording file. Only Personalize is forwarded: S3 and STS
/// stay in the fake. So a CreateDataDeletionJob whose data location is in a bucket the fake holds (data
/// the real service could never read) is refused without being forwarded or recorded; a location in a
/// bucket the fake does not hold is the operator's real data and goes through. Access keys, secrets,
/// tokens and signatures never reach the file: only the JSON bodies, the region and the request id are
/// kept, and any occurrence of the credential strings in them is replaced.
/// </summary>
public sealed class UpstreamRecorder : IPersonalizeForwarder, IDisposable
{
    private const string Redacted = "REDACTED";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Uri _upstream;
    private readonly string _directory;
    private readonly AwsCredential _credential;
    private readonly Func<string, bool> _fakeHoldsBucket;
    private readonly HttpClient _http = new();
    private int _sequence;

    /// <param name="upstream">The real endpoint.</param>
    /// <param name="directory">Where recordings are written.</param>
    /// <param name="credential">The operator's credentials, used to re-sign.</param>
    /// <param name="fakeHoldsBucket">Whether a bucket lives in the fake's S3 (its data was never forwarded).</param>
    public UpstreamRecorder(Uri upstream, string directory, AwsCredential credential, Func<string, bool> fakeHoldsBucket)
    {
        _upstream = upstream;
        _directory = directory;
        _credential = credential;
        _fakeHoldsBucket = fakeHoldsBucket;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The credentials record mode signs with, from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.</summary>
    public static AwsCredential CredentialFromEnvironment()
    {
        var id = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        var secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            throw new InvalidDataException("Record mode signs upstream calls with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; set both.");
        }

        var token = Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN");
        return new AwsCredential(id, secret, string.IsNullOrEmpty(token) ? null : token);
    }

    public async Task<FakeResponse> ForwardAsync(string operation, string region, IncomingRequest request, CancellationToken cancellationToken)
    {
        if (operation == "CreateDataDeletionJob" && StagedInTheFake(request.Body) is { } bucket)
        {
            return PersonalizeService.Error(
                "RecordModeRefusedException",
                $"Record mode forwards Personalize only: the data location is in bucket {bucket}, which exists only in the fake's S3, so a real job would find no data. Nothing was forwarded or recorded; give a data location in a real bucket.",
                Guid.NewGuid().ToString());
        }

        using var message = Sign(request, region);
        using var upstream = await _http.SendAsync(message, cancellationToken);
        var body = await upstream.Content.ReadAsByteArrayAsync(cancellationToken);
        var requestId = upstream.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.First() : Guid.NewGuid().ToString();

        var response = new FakeResponse((int)upstream.StatusCode)
        {
            Body = body,
            ErrorCode = upstream.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First().Split(':')[0] : null,
        };
        response.Headers.Add(new("Content-Type", upstream.Content.Headers.ContentType?.ToString() ?? PersonalizeService.ContentType));
        response.Headers.Add(new("x-amzn-RequestId", requestId));
        if (response.ErrorCode is not null)
        {
            response.Headers.Add(new("x-amzn-ErrorType", response.ErrorCode));
        }

        await WriteRecordingAsync(operation, region, request.Body, response.Status, requestId, body, cancellationToken);
        return response;
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Sign(IncomingRequest request, string region)
    {
        var now = DateTimeOffset.UtcNow;
        var amzDate = SigV4Verifier.Format(now);
        var host = _upstream.IsDefaultPort ? _upstream.Host : $"{_upstream.Host}:{_upstream.Port}";
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = PersonalizeService.ContentType,
            ["host"] = host,
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = request.Header("X-Amz-Target") ?? string.Empty,
        };
        if (_credential.SessionToken is not null)
        {
            headers["x-amz-security-token"] = _credential.SessionToken;
        }

        var outgoing = IncomingRequest.Create("POST", "/", string.Empty, headers, request.Body);
        var signedHeaders = headers.Keys.ToList();
        var canonical = SigV4Verifier.BuildCanonicalRequest(outgoing, signedHeaders, SigV4Crypto.Sha256Hex(request.Body), "personalize");
        var scope = $"{amzDate[..8]}/{region}/personalize/aws4_request";
        var stringToSign = string.Join('\n', SigV4Crypto.Algorithm, amzDate, scope, SigV4Crypto.Sha256Hex(canonical));
        var key = SigV4Crypto.DeriveSigningKey(_credential.SecretAccessKey, amzDate[..8], region, "personalize");
        var signature = SigV4Crypto.Sign(key, stringToSign);

        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_upstream, "/")) { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(PersonalizeService.ContentType);
        foreach (var (name, value) in headers.Where(h => h.Key is not ("content-type" or "host")))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.TryAddWithoutValidation(
            "Authorization",
            $"{SigV4Crypto.Algorithm} Credential={_credential.AccessKeyId}/{scope}, SignedHeaders={string.Join(';', signedHeaders)}, Signature={signature}");
        return message;
    }

    private async Task WriteRecordingAsync(string operation, string region, byte[] requestBody, int status, string requestId, byte[] responseBody, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var name = string.Create(CultureInfo.InvariantCulture, $"{operation}-{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss}-{sequence:D4}");
        var recording = new JsonObject
        {
            ["name"] = name,
            ["service"] = "personalize",
            ["operation"] = operation,
            ["region"] = region,
            ["comment"] = "Recorded from " + _upstream.Host + " by the fake's record mode.",
            ["match"] = ParseObject(requestBody),
            ["response"] = new JsonObject
            {
                ["status"] = status,
                ["headers"] = new JsonObject { ["x-amzn-RequestId"] = requestId },
                ["body"] = ParseObject(responseBody),
            },
        };
        var text = Redact(recording.ToJsonString(Indented));
        await File.WriteAllTextAsync(Path.Combine(_directory, name + ".json"), text + "\n", cancellationToken);
    }

    private string Redact(string text)
    {
        foreach (var secret in new[] { _credential.AccessKeyId, _credential.SecretAccessKey, _credential.SessionToken })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Redacted, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static JsonObject ParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body.Length == 0 ? "{}"u8 : body) as JsonObject ?? new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject { ["unparsedBody"] = Encoding.UTF8.GetString(body) };
        }
    }

    /// <summary>The bucket of a Create's data location when that bucket lives in the fake; null otherwise.</summary>
    private string? StagedInTheFake(byte[] body)
    {
        try
        {
            var location = JsonNode.Parse(body)?["dataSource"]?["dataLocation"]?.GetValue<string>();
            if (location is null || !location.StartsWith("s3://", StringComparison.Ordinal))
            {
                return null;
            }

            var bucket = location["s3://".Length..].Split('/')[0];
            return _fakeHoldsBucket(bucket) ? bucket : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
