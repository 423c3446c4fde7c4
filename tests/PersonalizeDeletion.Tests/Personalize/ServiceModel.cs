using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using PersonalizeDeletion.Personalize;
using Xunit;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>
    /// The Personalize API model (reference/service-2.json) as a validator: checks a JSON value against a
    /// shape's members, types, required members, lengths, ranges, enums and patterns.
    /// </summary>
    internal sealed class ServiceModel
    {
        private static readonly Lazy<ServiceModel> Shared = new Lazy<ServiceModel>(() => new ServiceModel(
            JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "service-2.json")))));

        private readonly JsonElement _root;

        private ServiceModel(JsonDocument document)
        {
            _root = document.RootElement;
        }

        public static ServiceModel Instance => Shared.Value;

        public JsonElement Metadata => _root.GetProperty("metadata");

        public JsonElement Operation(string name) => _root.GetProperty("operations").GetProperty(name);

        public JsonElement Shape(string name) => _root.GetProperty("shapes").GetProperty(name);

        public string InputShapeOf(string operation) => Operation(operation).GetProperty("input").GetProperty("shape").GetString()!;

        public string OutputShapeOf(string operation) => Operation(operation).GetProperty("output").GetProperty("shape").GetString()!;

        public IReadOnlyList<string> ErrorsOf(string operation) =>
            Operation(operation).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("shape").GetString()!).ToList();

        /// <summary>Each operation's modelled errors with the exception type our client throws for it, for theories.</summary>
        public TheoryData<string, string, Type> ErrorCases(IEnumerable<string> operations)
        {
            var data = new TheoryData<string, string, Type>();
            foreach (string operation in operations)
            {
                foreach (string error in ErrorsOf(operation))
                {
                    data.Add(operation, error, typeof(PersonalizeServiceException).Assembly.GetType("PersonalizeDeletion.Personalize." + error, throwOnError: true)!);
                }
            }

            return data;
        }

        public IReadOnlyList<string> MemberNames(string structureShape) =>
            Shape(structureShape).GetProperty("members").EnumerateObject().Select(m => m.Name).ToList();

        public IReadOnlyList<string> Required(string structureShape) =>
            Shape(structureShape).TryGetProperty("required", out var required)
                ? required.EnumerateArray().Select(r => r.GetString()!).ToList()
                : Array.Empty<string>();

        /// <summary>Every violation found, as "path: problem"; empty when the value conforms.</summary>
        public IReadOnlyList<string> Validate(string shapeName, JsonElement value)
        {
            var problems = new List<string>();
            Validate(shapeName, value, "$", problems);
            return problems;
        }

        private void Validate(string shapeName, JsonElement value, string path, List<string> problems)
        {
            var shape = Shape(shapeName);
            var type = shape.GetProperty("type").GetString();
            switch (type)
            {
                case "structure":
                    ValidateStructure(shapeName, shape, value, path, problems);
                    break;
                case "list":
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        problems.Add($"{path}: expected an array for {shapeName}, got {value.ValueKind}");
                        return;
                    }

                    CheckRange(shape, value.GetArrayLength(), path, "item count", problems);
                    var memberShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Validate(memberShape, item, $"{path}[{index++}]", problems);
                    }

                    break;
                case "string":
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        problems.Add($"{path}: expected a string for {shapeName}, got {value.ValueKind}");
                        return;
                    }

                    ValidateString(shapeName, shape, value.GetString()!, path, problems);
                    break;
                case "integer":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
                    {
                        problems.Add($"{path}: expected an integer for {shapeName}, got {value}");
                        return;
                    }

                    CheckRange(shape, number, path, "value", problems);
                    break;
                case "timestamp":
                    if (value.ValueKind != JsonValueKind.Number)
                    {
                        problems.Add($"{path}: expected epoch seconds for {shapeName}, got {value.ValueKind}");
                    }

                    break;
                case "boolean":
                    if (value.ValueKind != JsonValueKind.True && value.ValueKind != JsonValueKind.False)
                    {
                        problems.Add($"{path}: expected true or false for {shapeName}, got {value.ValueKind}");
                    }

                    break;
                case "double":
                    if (value.ValueKind != JsonValueKind.Number)
                    {
                        problems.Add($"{path}: expected a number for {shapeName}, got {value.ValueKind}");
                    }

                    break;
                case "map":
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add($"{path}: expected an object for {shapeName}, got {value.ValueKind}");
                        return;
                    }

                    CheckRange(shape, value.EnumerateObject().Count(), path, "entry count", problems);
                    var keyShape = shape.GetProperty("key").GetProperty("shape").GetString()!;
                    var valueShape = shape.GetProperty("value").GetProperty("shape").GetString()!;
                    foreach (var entry in value.EnumerateObject())
                    {
                        using var key = JsonDocument.Parse(JsonSerializer.Serialize(entry.Name));
                        Validate(keyShape, key.RootElement, $"{path}{{key {entry.Name}}}", problems);
                        Validate(valueShape, entry.Value, $"{path}.{entry.Name}", problems);
                    }

                    break;
                default:
                    problems.Add($"{path}: shape type '{type}' of {shapeName} is not handled by this validator");
                    break;
            }
        }

        private void ValidateStructure(string shapeName, JsonElement shape, JsonElement value, string path, List<string> problems)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{path}: expected an object for {shapeName}, got {value.ValueKind}");
                return;
            }

            var members = shape.GetProperty("members");
            foreach (var property in value.EnumerateObject())
            {
                if (!members.TryGetProperty(property.Name, out var member))
                {
                    problems.Add($"{path}.{property.Name}: not a member of {shapeName}");
                    continue;
                }

                Validate(member.GetProperty("shape").GetString()!, property.Value, $"{path}.{property.Name}", problems);
            }

            foreach (var required in Required(shapeName))
            {
                if (!value.TryGetProperty(required, out _))
                {
                    problems.Add($"{path}.{required}: required by {shapeName} but missing");
                }
            }
        }

        private static void ValidateString(string shapeName, JsonElement shape, string text, string path, List<string> problems)
        {
            CheckRange(shape, text.Length, path, "length", problems);

            if (shape.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.GetString() == text))
            {
                problems.Add($"{path}: '{text}' is not one of {shapeName}'s values");
            }

            if (shape.TryGetProperty("pattern", out var pattern))
            {
                // Java's \p{ASCII} has no .NET counterpart; the model's patterns describe the whole value.
                var dotNetPattern = "^(?:" + pattern.GetString()!.Replace(@"\p{ASCII}", @"[\x00-\x7F]") + ")$";
                if (!Regex.IsMatch(text, dotNetPattern))
                {
                    problems.Add($"{path}: '{text}' does not match {shapeName}'s pattern {pattern.GetString()}");
                }
            }
        }

        private static void CheckRange(JsonElement shape, long actual, string path, string what, List<string> problems)
        {
            if (shape.TryGetProperty("min", out var min) && actual < min.GetInt64())
            {
                problems.Add($"{path}: {what} {actual} is below the minimum {min.GetInt64()}");
            }

            if (shape.TryGetProperty("max", out var max) && actual > max.GetInt64())
            {
                problems.Add($"{path}: {what} {actual} is above the maximum {max.GetInt64()}");
            }
        }
    }
}
