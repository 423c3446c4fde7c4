using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.Model;
using PersonalizeDeletion.Fake.Personalize;
using PersonalizeDeletion.Fake.Personalize.Resources;
using PersonalizeDeletion.Fake.S3;

namespace PersonalizeDeletion.Fake.Control;

/// <summary>
/// The control calls that seed and show the simulated Personalize: dataset groups, datasets and users' records,
/// jobs (and what each read), and the resources the assurance checks read. Everything seeded is checked against
/// the model shape it will be reported in.
/// </summary>
public sealed class PersonalizeControl
{
    private readonly FakeState _state;
    private readonly ShapeValidator _validator;
    private readonly ResourceSeeder _seeder;

    public PersonalizeControl(FakeState state)
    {
        _state = state;
        _validator = new ShapeValidator(state.Model);
        _seeder = new ResourceSeeder(state.Personalize, state.Resources, _validator);
    }

    public JsonNode SeedResource(JsonElement body) => Resource(_seeder.Seed(body, _state.Clock.UtcNow));

    public JsonNode Resources() => new JsonArray(_state.Resources.All().Select(r => (JsonNode)Resource(r)).ToArray());

    public JsonNode AddDatasetGroup(JsonElement body)
    {
        var name = ControlJson.OptionalString(body, "name") ?? throw new ArgumentException("name is required.");
        CheckMember("Name", name, "name");
        var status = ControlJson.OptionalString(body, "status") ?? "ACTIVE";
        var account = ControlJson.OptionalString(body, "account") ?? S3Store.DefaultOwner;
        var region = ControlJson.OptionalString(body, "region") ?? "us-east-1";
        var now = _state.Clock.UtcNow;
        var group = new DatasetGroupRecord
        {
            Name = name,
            Arn = PersonalizeArn.DatasetGroup(region, account, name),
            Account = account,
            Region = region,
            Status = status,
            Domain = ControlJson.OptionalString(body, "domain"),
            KmsKeyArn = ControlJson.OptionalString(body, "kmsKeyArn"),
            RoleArn = ControlJson.OptionalString(body, "roleArn"),
            FailureReason = ControlJson.OptionalString(body, "failureReason"),
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

    public JsonNode SeedJobs(JsonElement body)
    {
        var groupArn = ControlJson.OptionalString(body, "datasetGroupArn") ?? throw new ArgumentException("datasetGroupArn is required.");
        var group = _state.Personalize.FindDatasetGroup(groupArn);
        var count = ControlJson.OptionalInt(body, "count") ?? 1;
        var status = ControlJson.OptionalString(body, "status") ?? "COMPLETED";
        var prefix = ControlJson.OptionalString(body, "namePrefix") ?? "seed";
        var numDeleted = ControlJson.OptionalInt(body, "numDeleted") ?? 1;
        var sharedLocation = ControlJson.OptionalString(body, "dataLocation");
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
    public JsonNode Jobs()
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

    public JsonNode AddDataset(JsonElement body)
    {
        var groupArn = ControlJson.OptionalString(body, "datasetGroupArn") ?? throw new ArgumentException("datasetGroupArn is required.");
        var type = ControlJson.OptionalString(body, "datasetType") ?? throw new ArgumentException("datasetType is required (INTERACTIONS, USERS, ITEMS, ACTIONS, ACTION_INTERACTIONS).");
        var created = _state.Clock.UtcNow.AddSeconds(ControlJson.OptionalNumber(body, "createdOffsetSeconds") ?? 0);
        var dataset = _state.Personalize.EnsureDataset(groupArn, type, ControlJson.OptionalString(body, "name"), ControlJson.OptionalString(body, "status"), created);
        var json = PersonalizeJson.Dataset(dataset);
        CheckShape("DatasetSummary", json);
        return json;
    }

    public JsonNode AddRecords(JsonElement body)
    {
        var groupArn = ControlJson.OptionalString(body, "datasetGroupArn") ?? throw new ArgumentException("datasetGroupArn is required.");
        var group = _state.Personalize.FindDatasetGroup(groupArn);
        var dataset = _state.Personalize.EnsureDataset(groupArn, ControlJson.OptionalString(body, "datasetType") ?? "INTERACTIONS", null, null, group.CreationDateTime);
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

    public JsonNode Records(string? datasetGroupArn) => new JsonArray(_state.Personalize.Datasets(string.IsNullOrEmpty(datasetGroupArn) ? null : datasetGroupArn)
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

    private void CheckMember(string shape, string value, string what)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(value));
        var result = _validator.Validate(shape, document.RootElement);
        if (!result.IsValid)
        {
            throw new ArgumentException($"{what} gives an invalid {shape}: {result.Message}");
        }
    }
}
