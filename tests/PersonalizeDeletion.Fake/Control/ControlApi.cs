using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PersonalizeDeletion.Fake.Faults;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.Model;
using PersonalizeDeletion.Fake.Personalize;
using PersonalizeDeletion.Fake.Personalize.Resources;
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
    private readonly ShapeValidator _validator;
    private readonly ResourceSeeder _seeder;

    public ControlApi(FakeState state, Action shutdown, Func<FakeServer> server)
    {
        _state = state;
        _shutdown = shutdown;
        _server = server;
        _validator = new ShapeValidator(state.Model);
        _seeder = new ResourceSeeder(state.Personalize, state.Resources, _validator);
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
                    await WriteJson(context, 200, AddDatasetGroup(await ReadJson(context)));
                    break;
                case ("POST", "jobs"):
                    await WriteJson(context, 200, SeedJobs(await ReadJson(context)));
                    break;
                case ("GET", "jobs"):
                    await WriteJson(context, 200, Jobs());
                    break;
                case ("POST", "datasets"):
                    await WriteJson(context, 200, AddDataset(await ReadJson(context)));
                    break;
                case ("POST", "records"):
                    await WriteJson(context, 200, AddRecords(await ReadJson(context)));
                    break;
                case ("GET", "records"):
                    await WriteJson(context, 200, Records(context.Request.Query["datasetGroupArn"]));
                    break;
                case ("POST", "resources"):
                    await WriteJson(context, 200, Resource(_seeder.Seed(await ReadJson(context), _state.Clock.UtcNow)));
                    break;
                case ("GET", "resources"):
                    await WriteJson(context, 200, new JsonArray(_state.Resources.All().Select(r => (JsonNode)Resource(r)).ToArray()));
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

    private JsonNode AddDatasetGroup(JsonElement body)
    {
        var name = String(body, "name") ?? throw new ArgumentException("name is required.");
        CheckMember("Name", name, "name");
        var status = String(body, "status") ?? "ACTIVE";
        var account = String(body, "account") ?? S3Store.DefaultOwner;
        var region = String(body, "region") ?? "us-east-1";
        var now = _state.Clock.UtcNow;
        var group = new DatasetGroupRecord
        {
            Name = name,
            Arn = PersonalizeArn.DatasetGroup(region, account, name),
            Account = account,
            Region = region,
            Status = status,
            Domain = String(body, "domain"),
            KmsKeyArn = String(body, "kmsKeyArn"),
            RoleArn = String(body, "roleArn"),
            FailureReason = String(body, "failureReason"),
            CreationDateTime = now,
            LastUpdatedDateTime = now,
        };
        if (!PersonalizeArn.TryParse(group.Arn, out _, out _, out _, out _))
        {
            throw new ArgumentException($"account must be 12 digits and region a region name; got ARN {group.Arn}.");
        }

        var json = PersonalizeJson.DatasetGroup(group, summary: false);
        using (var document = JsonDocument.Parse(json.ToJsonString()))
        {
            var result = _validator.Validate("DatasetGroup", document.RootElement);
            if (!result.IsValid)
            {
                throw new ArgumentException(result.Message);
            }
        }

        _state.Personalize.AddDatasetGroup(group);
        return json;
    }

    private JsonNode SeedJobs(JsonElement body)
    {
        var groupArn = String(body, "datasetGroupArn") ?? throw new ArgumentException("datasetGroupArn is required.");
        var group = _state.Personalize.FindDatasetGroup(groupArn);
        var count = Int(body, "count") ?? 1;
        var status = String(body, "status") ?? "COMPLETED";
        var prefix = String(body, "namePrefix") ?? "seed";
        var numDeleted = Int(body, "numDeleted") ?? 1;
        var sharedLocation = String(body, "dataLocation");
        if (sharedLocation is not null)
        {
            PersonalizeSimulation.ParseS3Location(sharedLocation);
        }

        if (count < 1 || count > 100_000)
        {
            throw new ArgumentException("count must be between 1 and 100000.");
        }

        if (status is not ("PENDING" or "IN_PROGRESS" or "COMPLETED" or "FAILED"))
        {
            throw new ArgumentException("status must be PENDING, IN_PROGRESS, COMPLETED or FAILED.");
        }

        var now = _state.Clock.UtcNow;
        var width = Math.Max(4, count.ToString(CultureInfo.InvariantCulture).Length);
        var jobs = new List<DataDeletionJobRecord>(count);
        for (var i = 1; i <= count; i++)
        {
            var name = prefix + "-" + i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
            CheckMember("Name", name, "namePrefix");

            // One second apart, oldest first, so every job has its own creation time and a stable order.
            var created = now.AddSeconds(i - count - 1);
            var location = sharedLocation ?? $"s3://personalize-deletion-seed-{group.Account}/{prefix}/{name}.csv";
            jobs.Add(new DataDeletionJobRecord
            {
                JobName = name,
                Arn = PersonalizeArn.DataDeletionJob(group.Region, group.Account, name),
                DatasetGroupArn = group.Arn,
                Account = group.Account,
                Region = group.Region,
                DataLocation = location,
                RoleArn = $"arn:aws:iam::{group.Account}:role/PersonalizeDataDeletion",
                CreationDateTime = created,
                VisibleFrom = created,
                Fixed = new DataDeletionJobView(
                    status,
                    status == "PENDING" ? created : created.AddMilliseconds(500),
                    status == "COMPLETED" ? numDeleted : null,
                    status == "FAILED" ? _state.Settings.FailureReason : null),
            });
        }

        _state.Personalize.AddJobs(jobs);
        return new JsonObject
        {
            ["created"] = jobs.Count,
            ["dataDeletionJobArns"] = new JsonArray(jobs.Select(j => (JsonNode)j.Arn).ToArray()),
        };
    }

    /// <summary>Every job, visible to the service's reads or not, with what it read and when.</summary>
    private JsonNode Jobs()
    {
        var array = new JsonArray();
        foreach (var (job, view) in _state.Personalize.AllJobs())
        {
            var json = PersonalizeJson.Job(job, view, summary: false);
            json["creationDateTime"] = job.CreationDateTime;
            json["lastUpdatedDateTime"] = view.LastUpdatedDateTime;
            json["visibleFrom"] = job.VisibleFrom;
            json["account"] = job.Account;
            json["region"] = job.Region;
            json["seeded"] = job.Seeded;
            json["tags"] = new JsonArray(job.Tags.Select(t => (JsonNode)new JsonObject { ["tagKey"] = t.Key, ["tagValue"] = t.Value }).ToArray());
            json["readAt"] = job.Input?.ReadAt;
            json["readFailure"] = job.Input?.Failure;
            json["objectsRead"] = new JsonArray((job.Input?.Objects ?? Array.Empty<S3StoredObject>())
                .Select(o => (JsonNode)new JsonObject { ["bucket"] = o.Bucket, ["key"] = o.Key, ["size"] = o.Data.LongLength, ["etag"] = o.ETag })
                .ToArray());
            json["usersRead"] = job.Input is { Failure: null } input ? input.UserIds.Count : null;
            array.Add(json);
        }

        return array;
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

    private JsonNode AddDataset(JsonElement body)
    {
        var groupArn = String(body, "datasetGroupArn") ?? throw new ArgumentException("datasetGroupArn is required.");
        var type = String(body, "datasetType") ?? throw new ArgumentException("datasetType is required (INTERACTIONS, USERS, ITEMS, ACTIONS, ACTION_INTERACTIONS).");
        var created = _state.Clock.UtcNow.AddSeconds(Double(body, "createdOffsetSeconds") ?? 0);
        var dataset = _state.Personalize.EnsureDataset(groupArn, type, String(body, "name"), String(body, "status"), created);
        var json = PersonalizeJson.Dataset(dataset);
        CheckShape("DatasetSummary", json);
        return json;
    }

    private JsonNode AddRecords(JsonElement body)
    {
        var groupArn = String(body, "datasetGroupArn") ?? throw new ArgumentException("datasetGroupArn is required.");
        var group = _state.Personalize.FindDatasetGroup(groupArn);
        var dataset = _state.Personalize.EnsureDataset(groupArn, String(body, "datasetType") ?? "INTERACTIONS", null, null, group.CreationDateTime);
        if (!body.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("records must be an object of user ID to number of records, e.g. {\"user-1\": 40}.");
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.EnumerateObject())
        {
            counts[record.Name] = record.Value.ValueKind == JsonValueKind.Number && record.Value.TryGetInt32(out var count)
                ? count
                : throw new ArgumentException($"records.{record.Name} must be an integer.");
        }

        _state.Personalize.SetUserRecords(dataset, counts);
        return new JsonObject { ["datasetArn"] = dataset.Arn, ["users"] = counts.Count };
    }

    private JsonNode Records(string? datasetGroupArn) => new JsonArray(_state.Personalize.Datasets(string.IsNullOrEmpty(datasetGroupArn) ? null : datasetGroupArn)
        .Select(d => (JsonNode)new JsonObject
        {
            ["datasetArn"] = d.Dataset.Arn,
            ["datasetGroupArn"] = d.Dataset.DatasetGroupArn,
            ["datasetType"] = d.Dataset.DatasetType,
            ["records"] = new JsonObject(d.Records.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new KeyValuePair<string, JsonNode?>(r.Key, r.Value))),
        })
        .ToArray());

    private static JsonObject Resource(SeededResource resource)
    {
        var json = ResourceJson.Summary(resource);
        json["kind"] = resource.Kind.Name;
        json["arn"] = resource.Arn;
        json["datasetGroupArn"] = resource.DatasetGroupArn;
        json["parentArn"] = resource.ParentArn;
        json["region"] = resource.Region;
        return json;
    }

    private void CheckShape(string shape, JsonNode json)
    {
        using var document = JsonDocument.Parse(json.ToJsonString());
        var result = _validator.Validate(shape, document.RootElement);
        if (!result.IsValid)
        {
            throw new ArgumentException(result.Message);
        }
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
        var name = String(body, "name") ?? throw new ArgumentException("name is required.");
        var owner = String(body, "owner") ?? S3Store.DefaultOwner;
        var bucket = _state.S3.RegisterBucket(name, owner, String(body, "region") ?? S3Store.DefaultRegion, _state.Clock.UtcNow);
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

    private void CheckMember(string shape, string value, string what)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(value));
        var result = _validator.Validate(shape, document.RootElement);
        if (!result.IsValid)
        {
            throw new ArgumentException($"{what} gives an invalid {shape}: {result.Message}");
        }
    }

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

    private static string? String(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ArgumentException($"{name} must be a string.")
            : null;

    private static double? Double(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new ArgumentException($"{name} must be a number.")
            : null;

    private static int? Int(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw new ArgumentException($"{name} must be an integer.")
            : null;

    private static async Task WriteJson(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(Json));
    }
}
