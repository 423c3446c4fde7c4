using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PersonalizeDeletion.Fake.Faults;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.Personalize;
using PersonalizeDeletion.Fake.S3;
using PersonalizeDeletion.Fake.Signing;

namespace PersonalizeDeletion.Fake.Control;

/// <summary>
/// The unsigned JSON endpoints under /_fake/ through which tests seed state (dataset groups, datasets and
/// user records, jobs, solutions and the other resources, buckets and objects), inject faults and inspect
/// what the fake received. Mistakes in a call are answered 400 with {"error": ...}.
/// </summary>
public sealed class ControlApi
{
    public const string Prefix = "/_fake/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly FakeState _state;
    private readonly Action _shutdown;
    private readonly Func<FakeServer> _server;
    private readonly PersonalizeControl _personalize;

    public ControlApi(FakeState state, Action shutdown, Func<FakeServer> server)
    {
        _state = state;
        _shutdown = shutdown;
        _server = server;
        _personalize = new PersonalizeControl(state);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var route = context.Request.Path.Value![Prefix.Length..].TrimEnd('/');
        var method = context.Request.Method;
        try
        {
            switch (method, route)
            {
                case ("GET", "health"):
                    await WriteJson(context, 200, new JsonObject { ["status"] = "ok" });
                    break;
                case ("GET", "endpoints"):
                    await WriteJson(context, 200, Endpoints());
                    break;
                case ("POST", "shutdown"):
                    await WriteJson(context, 200, new JsonObject { ["status"] = "stopping" });
                    await context.Response.CompleteAsync();
                    _shutdown();
                    break;
                case ("POST", "reset"):
                    _state.Reset();
                    await WriteJson(context, 200, new JsonObject { ["status"] = "reset" });
                    break;
                case ("GET", "config"):
                    await WriteJson(context, 200, JsonSerializer.SerializeToNode(_state.Settings, Json)!);
                    break;
                case ("POST", "config"):
                    _state.Settings = _state.Settings.With(await ReadJson(context));
                    await WriteJson(context, 200, JsonSerializer.SerializeToNode(_state.Settings, Json)!);
                    break;
                case ("POST", "credentials"):
                    var credential = CredentialStore.Parse(await ReadJson(context), "POST /_fake/credentials");
                    _state.Credentials.Register(credential);
                    await WriteJson(context, 200, new JsonObject { ["accessKeyId"] = credential.AccessKeyId });
                    break;
                case ("POST", "datasetgroups"):
                    await WriteJson(context, 200, _personalize.AddDatasetGroup(await ReadJson(context)));
                    break;
                case ("POST", "jobs"):
                    await WriteJson(context, 200, _personalize.SeedJobs(await ReadJson(context)));
                    break;
                case ("GET", "jobs"):
                    await WriteJson(context, 200, _personalize.Jobs());
                    break;
                case ("POST", "datasets"):
                    await WriteJson(context, 200, _personalize.AddDataset(await ReadJson(context)));
                    break;
                case ("POST", "records"):
                    await WriteJson(context, 200, _personalize.AddRecords(await ReadJson(context)));
                    break;
                case ("GET", "records"):
                    await WriteJson(context, 200, _personalize.Records(context.Request.Query["datasetGroupArn"]));
                    break;
                case ("POST", "resources"):
                    await WriteJson(context, 200, _personalize.SeedResource(await ReadJson(context)));
                    break;
                case ("GET", "resources"):
                    await WriteJson(context, 200, _personalize.Resources());
                    break;
                case ("POST", "faults"):
                    _state.Faults.Add(FaultRule.Parse(await ReadJson(context)));
                    await WriteJson(context, 200, new JsonObject { ["status"] = "added" });
                    break;
                case ("DELETE", "faults"):
                    _state.Faults.Clear();
                    context.Response.StatusCode = 204;
                    break;
                case ("GET", "requests"):
                    await WriteRequests(context);
                    break;
                case ("DELETE", "requests"):
                    _state.Requests.Clear();
                    context.Response.StatusCode = 204;
                    break;
                case ("POST", "s3/buckets"):
                    await WriteJson(context, 200, AddBucket(await ReadJson(context)));
                    break;
                case ("GET", "s3/objects"):
                    await WriteJson(context, 200, Objects(context.Request.Query["bucket"], context.Request.Query["key"]));
                    break;
                case ("GET", "s3/object"):
                    await WriteObject(context);
                    break;
                case ("PUT", "s3/object"):
                    await WriteJson(context, 200, await SeedObject(context));
                    break;
                case ("GET", "s3/uploads"):
                    await WriteJson(context, 200, Uploads());
                    break;
                default:
                    await WriteJson(context, 404, new JsonObject { ["error"] = $"No control endpoint {method} {Prefix}{route}." });
                    break;
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or JsonException or PersonalizeErrorException or S3ErrorException or FormatException)
        {
            await WriteJson(context, 400, new JsonObject { ["error"] = e.Message });
        }
    }

    private JsonNode Endpoints()
    {
        var server = _server();
        return new JsonObject
        {
            ["url"] = server.BaseAddress,
            ["regions"] = new JsonObject(server.RegionUrls.Select(r => new KeyValuePair<string, JsonNode?>(r.Key, r.Value.GetLeftPart(UriPartial.Authority)))),
        };
    }

    private async Task WriteRequests(HttpContext context)
    {
        byte[] bytes = Array.Empty<byte>();
        _state.Requests.Read(entries => bytes = JsonSerializer.SerializeToUtf8Bytes(entries, Json));
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(bytes);
    }

    private JsonNode AddBucket(JsonElement body)
    {
        var name = ControlJson.OptionalString(body, "name") ?? throw new ArgumentException("name is required.");
        var owner = ControlJson.OptionalString(body, "owner") ?? S3Store.DefaultOwner;
        var bucket = _state.S3.RegisterBucket(name, owner, ControlJson.OptionalString(body, "region") ?? S3Store.DefaultRegion, _state.Clock.UtcNow);
        return new JsonObject { ["name"] = bucket.Name, ["owner"] = bucket.Owner, ["region"] = bucket.Region };
    }

    private JsonNode Objects(string? bucket, string? key) => new JsonArray(_state.S3.AllObjects()
        .Where(o => (bucket is null || o.Bucket == bucket) && (key is null || o.Key == key))
        .Select(o => (JsonNode)new JsonObject
        {
            ["bucket"] = o.Bucket,
            ["region"] = _state.S3.FindBucket(o.Bucket)?.Region,
            ["key"] = o.Key,
            ["size"] = o.Data.LongLength,
            ["contentType"] = o.ContentType,
            ["metadata"] = new JsonObject(o.Metadata.Select(m => new KeyValuePair<string, JsonNode?>(m.Key, m.Value))),
            ["serverSideEncryption"] = o.Encryption.ServerSideEncryption,
            ["sseKmsKeyId"] = o.Encryption.KmsKeyId,
            ["expectedBucketOwner"] = o.ExpectedBucketOwner,
            ["etag"] = o.ETag,
            ["checksumAlgorithm"] = o.Checksum?.Algorithm,
            ["partsCount"] = o.PartsCount,
            ["lastModified"] = o.LastModified,
        })
        .ToArray());

    private async Task WriteObject(HttpContext context)
    {
        var (bucket, key) = ObjectAddress(context);
        var stored = _state.S3.Find(bucket, key);
        if (stored is null)
        {
            await WriteJson(context, 404, new JsonObject { ["error"] = $"No object s3://{bucket}/{key}." });
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = stored.Data.LongLength;
        await context.Response.Body.WriteAsync(stored.Data);
    }

    private async Task<JsonNode> SeedObject(HttpContext context)
    {
        var (bucket, key) = ObjectAddress(context);
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var data = buffer.ToArray();

        // padTo=N grows the content to N bytes with line feeds, so size limits can be tested without sending N bytes.
        if (context.Request.Query["padTo"] is { Count: > 0 } padTo)
        {
            var size = long.TryParse(padTo.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= data.LongLength && n <= 200_000_000
                ? n
                : throw new ArgumentException("padTo must be a byte count from the content's length to 200000000.");
            var padded = new byte[size];
            data.CopyTo(padded, 0);
            padded.AsSpan(data.Length).Fill((byte)'\n');
            data = padded;
        }
        var metadata = context.Request.Headers
            .Where(h => h.Key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key["x-amz-meta-".Length..].ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        string? region = context.Request.Query["region"];
        var target = _state.S3.EnsureBucket(bucket, string.IsNullOrEmpty(region) ? S3Store.DefaultRegion : region, _state.Clock.UtcNow);
        if (!string.IsNullOrEmpty(region) && target.Region != region)
        {
            throw new ArgumentException($"Bucket {bucket} exists in {target.Region}, not {region}.");
        }

        var stored = new S3StoredObject
        {
            Bucket = target.Name,
            Key = key,
            Data = data,
            ContentType = context.Request.ContentType ?? "binary/octet-stream",
            Metadata = metadata,
            ETag = S3Store.ETagOf(data),
            LastModified = _state.Clock.UtcNow,
            Encryption = S3Encryption.FromHeaders(name => context.Request.Headers.TryGetValue(name, out var value) ? value.ToString() : null),
        };
        _state.S3.Put(stored);
        return new JsonObject { ["bucket"] = bucket, ["key"] = key, ["size"] = data.Length, ["etag"] = stored.ETag };
    }

    private JsonNode Uploads() => new JsonArray(_state.S3.Uploads(null)
        .Select(u => (JsonNode)new JsonObject
        {
            ["bucket"] = u.Bucket,
            ["key"] = u.Key,
            ["uploadId"] = u.UploadId,
            ["parts"] = _state.S3.PartCount(u),
            ["initiated"] = u.Initiated,
        })
        .ToArray());

    private static (string Bucket, string Key) ObjectAddress(HttpContext context)
    {
        string? bucket = context.Request.Query["bucket"];
        string? key = context.Request.Query["key"];
        return string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(key)
            ? throw new ArgumentException("Query parameters bucket and key are required.")
            : (bucket, key);
    }

    private static async Task<JsonElement> ReadJson(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        return document.RootElement.Clone();
    }

    private static async Task WriteJson(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(Json));
    }
}
