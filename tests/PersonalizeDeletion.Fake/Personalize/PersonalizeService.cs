using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.Model;
using PersonalizeDeletion.Fake.Personalize.Resources;
using PersonalizeDeletion.Fake.Recordings;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>
/// The awsJson1_1 face of the fake Personalize: checks each body against the model, answers from
/// recordings first and the simulation otherwise (always in the request's region), and checks every
/// answer against the output shape so that a fake bug surfaces as a 500 instead of a plausible wrong answer.
/// </summary>
public sealed class PersonalizeService
{
    public const string ContentType = "application/x-amz-json-1.1";

    private readonly ServiceModel _model;
    private readonly ShapeValidator _validator;
    private readonly PersonalizeSimulation _simulation;
    private readonly ResourceCatalog _catalog;
    private readonly Func<RecordingSet> _recordings;
    private readonly Dictionary<string, Func<JsonElement, string, JsonNode>> _handlers;

    public PersonalizeService(ServiceModel model, PersonalizeSimulation simulation, ResourceCatalog catalog, Func<RecordingSet> recordings)
    {
        _model = model;
        _validator = new ShapeValidator(model);
        _simulation = simulation;
        _catalog = catalog;
        _recordings = recordings;
        _handlers = new Dictionary<string, Func<JsonElement, string, JsonNode>>(StringComparer.Ordinal)
        {
            ["CreateDataDeletionJob"] = CreateDataDeletionJob,
            ["DescribeDataDeletionJob"] = DescribeDataDeletionJob,
            ["ListDataDeletionJobs"] = ListDataDeletionJobs,
            ["DescribeDatasetGroup"] = DescribeDatasetGroup,
            ["ListDatasetGroups"] = ListDatasetGroups,
            ["ListDatasets"] = ListDatasets,
        };
        foreach (var kind in ResourceKind.All)
        {
            _handlers[kind.ListOperation] = (request, region) => ListResources(kind, request, region);
            if (kind.DescribeOperation is { } describe)
            {
                _handlers[describe] = (request, region) => DescribeResource(kind, request, region);
            }
        }
    }

    /// <summary>The operations the fake answers without recordings.</summary>
    public IReadOnlyCollection<string> SimulatedOperations => _handlers.Keys;

    /// <summary>The operation named by X-Amz-Target (AmazonPersonalize.Operation), or null when the target is not ours.</summary>
    public string? OperationOf(string? target)
    {
        var prefix = _model.TargetPrefix + ".";
        return target is not null && target.StartsWith(prefix, StringComparison.Ordinal) && target.Length > prefix.Length
            ? target[prefix.Length..]
            : null;
    }

    public FakeResponse Handle(string? operationName, byte[] body, string region, string requestId)
    {
        try
        {
            return Dispatch(operationName, body, region, requestId);
        }
        catch (PersonalizeErrorException e)
        {
            return Error(e.Code, e.Message, requestId, e.Status);
        }
    }

    /// <summary>An error in the awsJson1_1 form with the x-amzn-ErrorType header the SDK reads first.</summary>
    public static FakeResponse Error(string code, string message, string requestId, int status = 400)
    {
        var body = new JsonObject { ["__type"] = code, ["message"] = message };
        return FakeResponse.Text(status, ContentType, body.ToJsonString(), code)
            .WithHeader("x-amzn-RequestId", requestId)
            .WithHeader("x-amzn-ErrorType", code);
    }

    private FakeResponse Dispatch(string? operationName, byte[] body, string region, string requestId)
    {
        if (operationName is null || !_handlers.TryGetValue(operationName, out var handler) || !_model.TryGetOperation(operationName, out var operation))
        {
            throw new PersonalizeErrorException("UnknownOperationException", operationName is null
                ? "The X-Amz-Target header is missing or does not name an AmazonPersonalize operation."
                : $"The operation {operationName} is not supported.");
        }

        using var document = ParseBody(body);
        var request = document.RootElement;
        var validation = _validator.Validate(operation.InputShape!, request);
        if (!validation.IsValid)
        {
            throw new PersonalizeErrorException(validation.ErrorCode, validation.Message);
        }

        var recording = _recordings().Exchanges.FirstOrDefault(r => r.Matches(operation.Name, region, request) && r.TryUse());
        if (recording is not null)
        {
            return Replay(recording, operation, requestId);
        }

        return Success(handler(request, region), operation, requestId, Array.Empty<KeyValuePair<string, string>>());
    }

    private FakeResponse Replay(RecordedExchange recording, ModelOperation operation, string requestId)
    {
        if (recording.Status != 200)
        {
            var code = recording.Body["__type"]!.GetValue<string>();
            var message = recording.Body["message"]?.GetValue<string>() ?? string.Empty;
            var error = Error(code, message, requestId, recording.Status);
            error.Headers.RemoveAll(h => recording.Headers.Any(r => string.Equals(r.Key, h.Key, StringComparison.OrdinalIgnoreCase)));
            error.Headers.AddRange(recording.Headers);
            return error;
        }

        return Success(recording.Body.DeepClone(), operation, requestId, recording.Headers);
    }

    private FakeResponse Success(JsonNode output, ModelOperation operation, string requestId, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var bytes = Encoding.UTF8.GetBytes(output.ToJsonString());
        using (var document = JsonDocument.Parse(bytes))
        {
            var check = _validator.Validate(operation.OutputShape!, document.RootElement);
            if (!check.IsValid)
            {
                var message = $"The fake produced a {operation.Name} response that violates {operation.OutputShape}: {check.Message}";
                Console.Error.WriteLine($"[PersonalizeDeletion.Fake] BUG: {message}");
                return Error("InternalFailure", message, requestId, 500);
            }
        }

        var response = new FakeResponse(200) { Body = bytes };
        response.Headers.Add(new("Content-Type", ContentType));
        response.Headers.AddRange(headers.Where(h => !string.Equals(h.Key, "x-amzn-RequestId", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)));
        var recordedId = headers.FirstOrDefault(h => string.Equals(h.Key, "x-amzn-RequestId", StringComparison.OrdinalIgnoreCase)).Value;
        response.Headers.Add(new("x-amzn-RequestId", recordedId ?? requestId));
        return response;
    }

    private JsonNode CreateDataDeletionJob(JsonElement request, string region)
    {
        var tags = request.TryGetProperty("tags", out var tagList) && tagList.ValueKind == JsonValueKind.Array
            ? tagList.EnumerateArray().Select(t => new KeyValuePair<string, string>(t.GetProperty("tagKey").GetString()!, t.GetProperty("tagValue").GetString()!)).ToList()
            : new List<KeyValuePair<string, string>>();
        var location = request.GetProperty("dataSource").TryGetProperty("dataLocation", out var dataLocation) && dataLocation.ValueKind == JsonValueKind.String
            ? dataLocation.GetString()!
            : throw PersonalizeErrorException.InvalidInput("Value null at 'dataSource.dataLocation' failed to satisfy constraint: Member must not be null");
        var job = _simulation.CreateDataDeletionJob(region, new CreateJobRequest(
            request.GetProperty("jobName").GetString()!,
            request.GetProperty("datasetGroupArn").GetString()!,
            location,
            request.GetProperty("roleArn").GetString()!,
            tags));
        return new JsonObject { ["dataDeletionJobArn"] = job.Arn };
    }

    private JsonNode DescribeDataDeletionJob(JsonElement request, string region)
    {
        var (job, view) = _simulation.DescribeDataDeletionJob(region, request.GetProperty("dataDeletionJobArn").GetString()!);
        return new JsonObject { ["dataDeletionJob"] = PersonalizeJson.Job(job, view, summary: false) };
    }

    private JsonNode ListDataDeletionJobs(JsonElement request, string region)
    {
        var (items, next) = _simulation.ListDataDeletionJobs(region, OptionalString(request, "datasetGroupArn"), OptionalString(request, "nextToken"), MaxResults(request));
        return WithToken(new JsonObject { ["dataDeletionJobs"] = new JsonArray(items.Select(j => (JsonNode)PersonalizeJson.Job(j.Job, j.View, summary: true)).ToArray()) }, next);
    }

    private JsonNode DescribeDatasetGroup(JsonElement request, string region)
    {
        var group = _simulation.DescribeDatasetGroup(region, request.GetProperty("datasetGroupArn").GetString()!);
        return new JsonObject { ["datasetGroup"] = PersonalizeJson.DatasetGroup(group, summary: false) };
    }

    private JsonNode ListDatasetGroups(JsonElement request, string region)
    {
        var (items, next) = _simulation.ListDatasetGroups(region, OptionalString(request, "nextToken"), MaxResults(request));
        return WithToken(new JsonObject { ["datasetGroups"] = new JsonArray(items.Select(g => (JsonNode)PersonalizeJson.DatasetGroup(g, summary: true)).ToArray()) }, next);
    }

    private JsonNode ListDatasets(JsonElement request, string region)
    {
        var (items, next) = _simulation.ListDatasets(region, OptionalString(request, "datasetGroupArn"), OptionalString(request, "nextToken"), MaxResults(request));
        return WithToken(new JsonObject { ["datasets"] = new JsonArray(items.Select(d => (JsonNode)PersonalizeJson.Dataset(d)).ToArray()) }, next);
    }

    private JsonNode ListResources(ResourceKind kind, JsonElement request, string region)
    {
        var filter = kind.ListFilter is null ? null : OptionalString(request, kind.ListFilter);

        // Listing the versions of a solution that does not exist is an error; the other filters just match nothing.
        if (kind == ResourceKind.SolutionVersion && filter is not null)
        {
            _catalog.Describe(ResourceKind.Solution, region, filter);
        }

        var (items, next) = _catalog.List(kind, region, filter, OptionalString(request, "nextToken"), MaxResults(request));
        return WithToken(new JsonObject { [kind.ListMember] = ResourceJson.Array(items.Select(ResourceJson.Summary)) }, next);
    }

    private JsonNode DescribeResource(ResourceKind kind, JsonElement request, string region)
    {
        var resource = _catalog.Describe(kind, region, request.GetProperty(kind.DescribeMember + "Arn").GetString()!);
        var latest = kind == ResourceKind.Solution ? _catalog.LatestVersion(resource.Arn) : null;
        return new JsonObject { [kind.DescribeMember!] = ResourceJson.Detail(resource, latest) };
    }

    private static JsonObject WithToken(JsonObject result, string? next)
    {
        if (next is not null)
        {
            result["nextToken"] = next;
        }

        return result;
    }

    private static JsonDocument ParseBody(byte[] body)
    {
        try
        {
            // The SDK always sends at least "{}"; an empty body is read the same way by the service.
            return JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
        }
        catch (JsonException e)
        {
            throw new PersonalizeErrorException("SerializationException", string.Create(CultureInfo.InvariantCulture, $"The request body is not valid JSON: {e.Message}"));
        }
    }

    private static string? OptionalString(JsonElement request, string member) =>
        request.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int MaxResults(JsonElement request) =>
        request.TryGetProperty("maxResults", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 100;
}
