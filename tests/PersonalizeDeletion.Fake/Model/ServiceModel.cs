using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PersonalizeDeletion.Fake.Model;

/// <summary>The botocore-style service model (service-2.json): the wire contract the fake enforces.</summary>
public sealed class ServiceModel
{
    private readonly Dictionary<string, ModelShape> _shapes;
    private readonly Dictionary<string, ModelOperation> _operations;

    private ServiceModel(
        string targetPrefix,
        string signingName,
        Dictionary<string, ModelShape> shapes,
        Dictionary<string, ModelOperation> operations)
    {
        TargetPrefix = targetPrefix;
        SigningName = signingName;
        _shapes = shapes;
        _operations = operations;
    }

    /// <summary>The X-Amz-Target prefix, e.g. AmazonPersonalize.</summary>
    public string TargetPrefix { get; }

    /// <summary>The SigV4 service name, e.g. personalize.</summary>
    public string SigningName { get; }

    public static ServiceModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var metadata = root.GetProperty("metadata");

        var shapes = new Dictionary<string, ModelShape>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("shapes").EnumerateObject())
        {
            shapes.Add(property.Name, ParseShape(property.Name, property.Value));
        }

        var operations = new Dictionary<string, ModelOperation>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("operations").EnumerateObject())
        {
            var op = property.Value;
            operations.Add(property.Name, new ModelOperation(
                property.Name,
                ShapeReference(op, "input"),
                ShapeReference(op, "output"),
                op.TryGetProperty("errors", out var errors)
                    ? errors.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!).ToArray()
                    : Array.Empty<string>()));
        }

        var model = new ServiceModel(
            metadata.GetProperty("targetPrefix").GetString()!,
            metadata.TryGetProperty("signingName", out var signing) ? signing.GetString()! : metadata.GetProperty("endpointPrefix").GetString()!,
            shapes,
            operations);
        model.CheckReferences();
        return model;
    }

    public ModelShape Shape(string name) =>
        _shapes.TryGetValue(name, out var shape)
            ? shape
            : throw new KeyNotFoundException($"The service model has no shape '{name}'.");

    public bool TryGetOperation(string name, out ModelOperation operation) =>
        _operations.TryGetValue(name, out operation!);

    public ModelOperation Operation(string name) =>
        _operations.TryGetValue(name, out var operation)
            ? operation
            : throw new KeyNotFoundException($"The service model has no operation '{name}'.");

    private static string? ShapeReference(JsonElement element, string property) =>
        element.TryGetProperty(property, out var reference) ? reference.GetProperty("shape").GetString() : null;

    private static ModelShape ParseShape(string name, JsonElement json)
    {
        var shape = new ModelShape(name, json.GetProperty("type").GetString()!);
        if (json.TryGetProperty("members", out var members))
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in members.EnumerateObject())
            {
                map.Add(member.Name, member.Value.GetProperty("shape").GetString()!);
            }

            shape.Members = map;
        }

        if (json.TryGetProperty("required", out var required))
        {
            shape.Required = required.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal);
        }

        if (json.TryGetProperty("min", out var min))
        {
            shape.Min = min.GetDouble();
        }

        if (json.TryGetProperty("max", out var max))
        {
            shape.Max = max.GetDouble();
        }

        if (json.TryGetProperty("pattern", out var pattern))
        {
            shape.PatternText = pattern.GetString()!;
            shape.Pattern = TranslatePattern(shape.PatternText);
        }

        if (json.TryGetProperty("enum", out var values))
        {
            shape.Enum = values.EnumerateArray().Select(v => v.GetString()!).ToArray();
        }

        if (json.TryGetProperty("member", out var listMember))
        {
            shape.ListMember = listMember.GetProperty("shape").GetString();
        }

        if (json.TryGetProperty("key", out var key))
        {
            shape.MapKey = key.GetProperty("shape").GetString();
            shape.MapValue = json.GetProperty("value").GetProperty("shape").GetString();
        }

        shape.Sensitive = json.TryGetProperty("sensitive", out var sensitive) && sensitive.GetBoolean();
        shape.IsException = json.TryGetProperty("exception", out var exception) && exception.GetBoolean();
        return shape;
    }

    /// <summary>
    /// The model's patterns are Java regular expressions that the service applies to the whole value.
    /// .NET lacks the POSIX-style <c>\p{ASCII}</c> class, and <c>Regex.IsMatch</c> finds substrings, so
    /// the class is rewritten and the expression anchored at both ends.
    /// </summary>
    public static Regex TranslatePattern(string javaPattern)
    {
        var translated = javaPattern.Replace(@"\p{ASCII}", @"[\x00-\x7F]", StringComparison.Ordinal);
        return new Regex(
            string.Create(CultureInfo.InvariantCulture, $@"\A(?:{translated})\z"),
            RegexOptions.CultureInvariant | RegexOptions.Singleline,
            TimeSpan.FromSeconds(1));
    }

    private void CheckReferences()
    {
        foreach (var shape in _shapes.Values)
        {
            var targets = shape.Members.Values
                .Append(shape.ListMember)
                .Append(shape.MapKey)
                .Append(shape.MapValue)
                .OfType<string>();
            foreach (var target in targets)
            {
                if (!_shapes.ContainsKey(target))
                {
                    throw new InvalidDataException($"Shape '{shape.Name}' refers to the missing shape '{target}'.");
                }
            }
        }
    }
}
