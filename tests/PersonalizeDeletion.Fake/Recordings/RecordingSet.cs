using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PersonalizeDeletion.Fake.Model;
using PersonalizeDeletion.Fake.Personalize;

namespace PersonalizeDeletion.Fake.Recordings;

/// <summary>
/// The recordings folder: recorded exchanges to replay, dataset-group seeds and dataset seeds (with the
/// records their users have). Everything is checked
/// against the service model on load, so a bad recording stops start-up with its file and name
/// rather than producing wrong answers later. See tests/recordings/README.md for the format.
/// </summary>
public sealed class RecordingSet
{
    public const string CredentialsFile = "credentials.json";

    private RecordingSet(IReadOnlyList<RecordedExchange> exchanges, IReadOnlyList<DatasetGroupRecord> datasetGroups, IReadOnlyList<DatasetSeed> datasets)
    {
        Exchanges = exchanges;
        DatasetGroups = datasetGroups;
        Datasets = datasets;
    }

    public IReadOnlyList<RecordedExchange> Exchanges { get; }

    public IReadOnlyList<DatasetGroupRecord> DatasetGroups { get; }

    public IReadOnlyList<DatasetSeed> Datasets { get; }

    public static RecordingSet Empty { get; } = new(Array.Empty<RecordedExchange>(), Array.Empty<DatasetGroupRecord>(), Array.Empty<DatasetSeed>());

    public static RecordingSet Load(string directory, ServiceModel model)
    {
        var validator = new ShapeValidator(model);
        var exchanges = new List<RecordedExchange>();
        var groups = new List<DatasetGroupRecord>();
        var datasets = new List<DatasetSeed>();
        var files = Directory.GetFiles(directory, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), CredentialsFile, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            JsonNode? root;
            try
            {
                root = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"Recording file {file} is not valid JSON: {e.Message}", e);
            }

            var entries = root is JsonArray array ? array.ToList() : new List<JsonNode?> { root };
            var index = 0;
            foreach (var entry in entries)
            {
                var source = $"{Path.GetFileName(file)}[{index++}]";
                if (entry is not JsonObject item)
                {
                    throw new InvalidDataException($"Recording {source}: each entry must be a JSON object.");
                }

                source = item["name"] is JsonValue named && named.TryGetValue<string>(out var name) ? $"{source} '{name}'" : source;
                try
                {
                    if (item["seed"] is JsonValue kind && kind.TryGetValue<string>(out var seed) && seed == "dataset")
                    {
                        datasets.Add(ParseDatasetSeed(item, source));
                    }
                    else if (item.ContainsKey("seed"))
                    {
                        groups.Add(ParseSeed(item, source, validator));
                    }
                    else
                    {
                        exchanges.Add(ParseExchange(item, source, model, validator));
                    }
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException)
                {
                    // JsonNode.GetValue throws these for a member of the wrong JSON type.
                    throw new InvalidDataException($"Recording {source}: a member has the wrong JSON type ({e.Message}).", e);
                }
            }
        }

        var duplicate = groups.GroupBy(g => g.Arn).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Recordings seed the dataset group {duplicate.Key} more than once.");
        }

        var orphan = datasets.FirstOrDefault(d => groups.All(g => g.Arn != d.DatasetGroupArn));
        if (orphan is not null)
        {
            throw new InvalidDataException($"Recordings seed a {orphan.DatasetType} dataset for {orphan.DatasetGroupArn}, which no recording seeds.");
        }

        return new RecordingSet(exchanges, groups, datasets);
    }

    private static DatasetSeed ParseDatasetSeed(JsonObject item, string source)
    {
        Expect(item, source, "name", "seed", "dataset", "records", "comment");
        if (item["dataset"] is not JsonObject dataset)
        {
            throw new InvalidDataException($"Recording {source}: a dataset seed needs a \"dataset\" object with datasetGroupArn and datasetType.");
        }

        Expect(dataset, source + " dataset", "datasetGroupArn", "datasetType", "name", "status", "creationDateTime");
        string Required(string member) =>
            dataset[member]?.GetValue<string>() ?? throw new InvalidDataException($"Recording {source}: dataset.{member} is required.");

        var records = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (user, count) in item["records"] as JsonObject ?? new JsonObject())
        {
            var value = count?.GetValue<int>() ?? 0;
            if (value < 1)
            {
                throw new InvalidDataException($"Recording {source}: records.{user} must be a positive number of records.");
            }

            records[user] = value;
        }

        return new DatasetSeed(
            Required("datasetGroupArn"),
            Required("datasetType"),
            dataset["name"]?.GetValue<string>(),
            dataset["status"]?.GetValue<string>(),
            dataset["creationDateTime"] is null ? null : Timestamp(dataset["creationDateTime"], source, "dataset.creationDateTime"),
            records);
    }

    private static DatasetGroupRecord ParseSeed(JsonObject item, string source, ShapeValidator validator)
    {
        Expect(item, source, "name", "seed", "datasetGroup");
        if (item["seed"]?.GetValue<string>() != "datasetGroup")
        {
            throw new InvalidDataException($"Recording {source}: the seed kinds are \"datasetGroup\" and \"dataset\".");
        }

        if (item["datasetGroup"] is not JsonObject body)
        {
            throw new InvalidDataException($"Recording {source}: a datasetGroup seed needs a \"datasetGroup\" object (the DatasetGroup shape).");
        }

        CheckShape(validator, "DatasetGroup", body, source);
        string Required(string member) =>
            body[member]?.GetValue<string>() ?? throw new InvalidDataException($"Recording {source}: datasetGroup.{member} is required for a seed.");

        var arn = Required("datasetGroupArn");
        if (!PersonalizeArn.TryParse(arn, out var region, out var account, out var type, out var arnName) || type != "dataset-group" || arnName != Required("name"))
        {
            throw new InvalidDataException($"Recording {source}: datasetGroupArn '{arn}' must be arn:aws:personalize:<region>:<account>:dataset-group/<name>.");
        }

        var created = Timestamp(body["creationDateTime"], source, "creationDateTime");
        return new DatasetGroupRecord
        {
            Name = arnName,
            Arn = arn,
            Account = account,
            Region = region,
            Status = Required("status"),
            RoleArn = body["roleArn"]?.GetValue<string>(),
            KmsKeyArn = body["kmsKeyArn"]?.GetValue<string>(),
            Domain = body["domain"]?.GetValue<string>(),
            FailureReason = body["failureReason"]?.GetValue<string>(),
            CreationDateTime = created,
            LastUpdatedDateTime = body["lastUpdatedDateTime"] is null ? created : Timestamp(body["lastUpdatedDateTime"], source, "lastUpdatedDateTime"),
        };
    }

    private static RecordedExchange ParseExchange(JsonObject item, string source, ServiceModel model, ShapeValidator validator)
    {
        Expect(item, source, "name", "service", "operation", "region", "match", "response", "times", "comment");
        var service = item["service"]?.GetValue<string>();
        if (service != "personalize")
        {
            throw new InvalidDataException($"Recording {source}: \"service\" must be \"personalize\" (S3 is simulated, not replayed).");
        }

        var operationName = item["operation"]?.GetValue<string>() ?? throw new InvalidDataException($"Recording {source}: \"operation\" is required.");
        if (!model.TryGetOperation(operationName, out var operation) || operation.InputShape is null)
        {
            throw new InvalidDataException($"Recording {source}: the model has no operation '{operationName}'.");
        }

        var match = item["match"] as JsonObject ?? new JsonObject();
        var input = model.Shape(operation.InputShape);
        foreach (var (member, value) in match)
        {
            if (!input.Members.TryGetValue(member, out var memberShape))
            {
                throw new InvalidDataException($"Recording {source}: match member '{member}' is not a member of {operation.InputShape}.");
            }

            CheckShape(validator, memberShape, value, $"{source} match.{member}");
        }

        if (item["response"] is not JsonObject response)
        {
            throw new InvalidDataException($"Recording {source}: \"response\" {{status, headers, body}} is required.");
        }

        Expect(response, source + " response", "status", "headers", "body");
        var status = response["status"]?.GetValue<int>() ?? 200;
        var body = response["body"] ?? new JsonObject();
        if (status == 200)
        {
            CheckShape(validator, operation.OutputShape ?? throw new InvalidDataException($"{operationName} has no output shape."), body, source + " response.body");
        }
        else if (body is not JsonObject error || error["__type"] is not JsonValue type || !type.TryGetValue<string>(out _))
        {
            throw new InvalidDataException($"Recording {source}: an error response body needs a string \"__type\" (and usually \"message\").");
        }

        var headers = (response["headers"] as JsonObject ?? new JsonObject())
            .Select(h => new KeyValuePair<string, string>(h.Key, h.Value?.GetValue<string>() ?? string.Empty))
            .ToList();
        var times = item["times"]?.GetValue<int>();
        if (times is < 1)
        {
            throw new InvalidDataException($"Recording {source}: \"times\" must be at least 1 when given.");
        }

        return new RecordedExchange
        {
            Name = item["name"]?.GetValue<string>() ?? source,
            Source = source,
            Operation = operationName,
            Match = match,
            Status = status,
            Headers = headers,
            Body = body,
            Times = times,
            Region = item["region"]?.GetValue<string>(),
        };
    }

    private static void CheckShape(ShapeValidator validator, string shape, JsonNode? node, string source)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        var result = validator.Validate(shape, document.RootElement);
        if (!result.IsValid)
        {
            throw new InvalidDataException($"Recording {source} does not match the model shape {shape}: {result.Message}");
        }
    }

    private static DateTimeOffset Timestamp(JsonNode? node, string source, string member) =>
        node is JsonValue value && value.TryGetValue<double>(out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
            : throw new InvalidDataException($"Recording {source}: {member} must be epoch seconds.");

    private static void Expect(JsonObject item, string source, params string[] known)
    {
        var unknown = item.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new InvalidDataException($"Recording {source}: unknown member \"{unknown}\" (known: {string.Join(", ", known)}).");
        }
    }
}
