using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PersonalizeDeletion.Fake.Model;
using PersonalizeDeletion.Fake.Personalize;
using PersonalizeDeletion.Fake.Personalize.Resources;

namespace PersonalizeDeletion.Fake.Control;

/// <summary>
/// Turns a <c>POST /_fake/resources</c> body into a seeded resource: parents must exist (the dataset group,
/// solution, solution version or dataset it belongs to), times are offsets in seconds from the fake's clock,
/// and what the resource will be reported as is checked against the model before it is stored.
/// </summary>
public sealed class ResourceSeeder
{
    private const string DefaultSolutionRecipe = "arn:aws:personalize:::recipe/aws-user-personalization-v2";
    private const string DefaultRecommenderRecipe = "arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you";

    private readonly PersonalizeSimulation _simulation;
    private readonly ResourceCatalog _catalog;
    private readonly ShapeValidator _validator;

    public ResourceSeeder(PersonalizeSimulation simulation, ResourceCatalog catalog, ShapeValidator validator)
    {
        _simulation = simulation;
        _catalog = catalog;
        _validator = validator;
    }

    public SeededResource Seed(JsonElement body, DateTimeOffset now)
    {
        var kind = ResourceKind.Parse(Required(body, "kind"));
        var created = now.AddSeconds(Number(body, "createdOffsetSeconds") ?? 0);
        var updated = now.AddSeconds(Number(body, "lastUpdatedOffsetSeconds") ?? Number(body, "createdOffsetSeconds") ?? 0);
        if (updated < created)
        {
            throw new ArgumentException("lastUpdatedOffsetSeconds must not be earlier than createdOffsetSeconds.");
        }

        var resource = kind.Name switch
        {
            "solution" or "recommender" => UnderGroup(kind, body),
            "solutionVersion" => Version(body),
            "campaign" => Campaign(body),
            "datasetImportJob" => ImportJob(body),
            _ => BatchJob(kind, body),
        };
        resource = resource with
        {
            Status = Optional(body, "status") ?? "ACTIVE",
            CreationDateTime = created,
            LastUpdatedDateTime = updated,
            FailureReason = Optional(body, "failureReason"),
        };
        if (resource.UpdateStatus is not null)
        {
            var updateCreated = Number(body, "updateCreatedOffsetSeconds") is double offset ? now.AddSeconds(offset) : updated;
            if (updateCreated < created || updateCreated > updated)
            {
                throw new ArgumentException("updateCreatedOffsetSeconds must lie between createdOffsetSeconds and lastUpdatedOffsetSeconds.");
            }

            resource = resource with { UpdateCreationDateTime = updateCreated };
        }

        Check(kind.SummaryShape, ResourceJson.Summary(resource));
        if (kind.DetailShape is { } detail)
        {
            Check(detail, ResourceJson.Detail(resource, kind == ResourceKind.Solution ? _catalog.LatestVersion(resource.Arn) : null));
        }

        _catalog.Upsert(resource);
        return resource;
    }

    private SeededResource UnderGroup(ResourceKind kind, JsonElement body)
    {
        var group = _simulation.FindDatasetGroup(Required(body, "datasetGroupArn"));
        var name = Required(body, "name");
        return Base(kind, name, $"arn:aws:personalize:{group.Region}:{group.Account}:{kind.ArnType}/{name}", group.Region, group.Account, group.Arn, group.Arn) with
        {
            RecipeArn = Optional(body, "recipeArn") ?? (kind == ResourceKind.Solution ? DefaultSolutionRecipe : DefaultRecommenderRecipe),
            PerformAutoTraining = Bool(body, "performAutoTraining"),
            UpdateStatus = kind == ResourceKind.Recommender ? Optional(body, "updateStatus") : null,
        };
    }

    private SeededResource Version(JsonElement body)
    {
        var solution = Parent(Required(body, "solutionArn"), ResourceKind.Solution);
        var name = Optional(body, "name") ?? ShortId(solution.Arn, body);
        var mode = Optional(body, "trainingMode") ?? "FULL";
        return Base(ResourceKind.SolutionVersion, name, $"{solution.Arn}/{name}", solution.Region, solution.Account, solution.DatasetGroupArn, solution.Arn) with
        {
            TrainingMode = mode,
            TrainingType = Optional(body, "trainingType") ?? (mode == "AUTOTRAIN" ? "AUTOMATIC" : "MANUAL"),
        };
    }

    private SeededResource Campaign(JsonElement body)
    {
        var version = Parent(Required(body, "solutionVersionArn"), ResourceKind.SolutionVersion);
        var pending = Optional(body, "pendingSolutionVersionArn") is { } arn ? Parent(arn, ResourceKind.SolutionVersion).Arn : null;
        var name = Required(body, "name");
        return Base(ResourceKind.Campaign, name, $"arn:aws:personalize:{version.Region}:{version.Account}:campaign/{name}", version.Region, version.Account, version.DatasetGroupArn, version.ParentArn) with
        {
            SolutionVersionArn = version.Arn,
            PendingSolutionVersionArn = pending,
            PendingStatus = pending is null ? null : Optional(body, "pendingStatus") ?? "CREATE IN_PROGRESS",
        };
    }

    private SeededResource ImportJob(JsonElement body)
    {
        var datasetArn = Required(body, "datasetArn");
        var dataset = _simulation.FindDataset(datasetArn) ?? throw new ArgumentException($"No dataset {datasetArn}: add it first.");
        var group = _simulation.FindDatasetGroup(dataset.DatasetGroupArn);
        var name = Required(body, "name");
        return Base(ResourceKind.DatasetImportJob, name, $"arn:aws:personalize:{group.Region}:{group.Account}:dataset-import-job/{name}", group.Region, group.Account, group.Arn, dataset.Arn) with
        {
            ImportMode = Optional(body, "importMode") ?? "FULL",
        };
    }

    private SeededResource BatchJob(ResourceKind kind, JsonElement body)
    {
        var version = Parent(Required(body, "solutionVersionArn"), ResourceKind.SolutionVersion);
        var name = Required(body, "name");
        return Base(kind, name, $"arn:aws:personalize:{version.Region}:{version.Account}:{kind.ArnType}/{name}", version.Region, version.Account, version.DatasetGroupArn, version.Arn) with
        {
            SolutionVersionArn = version.Arn,
            InputPath = Optional(body, "inputPath") ?? $"s3://personalize-batch-input-{version.Account}/{name}/input.json",
            OutputPath = Optional(body, "outputPath") ?? $"s3://personalize-batch-output-{version.Account}/{name}/",
            RoleArn = Optional(body, "roleArn") ?? $"arn:aws:iam::{version.Account}:role/PersonalizeBatchRole",
        };
    }

    private static SeededResource Base(ResourceKind kind, string name, string arn, string region, string account, string groupArn, string? parentArn) => new()
    {
        Kind = kind,
        Name = name,
        Arn = arn,
        Region = region,
        Account = account,
        DatasetGroupArn = groupArn,
        ParentArn = parentArn,
        Status = "ACTIVE",
        CreationDateTime = DateTimeOffset.UnixEpoch,
        LastUpdatedDateTime = DateTimeOffset.UnixEpoch,
    };

    private SeededResource Parent(string arn, ResourceKind kind) =>
        _catalog.Find(arn) is { } found && found.Kind == kind ? found : throw new ArgumentException($"No {kind.Name} {arn}: add it first.");

    /// <summary>Solution versions are named by the service with a short id; a stable one keeps seeds repeatable.</summary>
    private static string ShortId(string solutionArn, JsonElement body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(solutionArn + "\n" + body.GetRawText())))[..8];

    private void Check(string shape, System.Text.Json.Nodes.JsonNode json)
    {
        using var document = JsonDocument.Parse(json.ToJsonString());
        var result = _validator.Validate(shape, document.RootElement);
        if (!result.IsValid)
        {
            throw new ArgumentException($"The seed would be reported as an invalid {shape}: {result.Message}");
        }
    }

    private static string Required(JsonElement body, string name) => Optional(body, name) ?? throw new ArgumentException($"{name} is required.");

    private static string? Optional(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ArgumentException($"{name} must be a string.")
            : null;

    private static double? Number(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number of seconds."))
            : null;

    private static bool Bool(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw new ArgumentException($"{name} must be true or false."),
        };
}
