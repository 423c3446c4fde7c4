using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace PersonalizeDeletion.Fake.Model;

/// <summary>
/// Checks JSON documents against any shape of the model: types, required members, lengths,
/// patterns, ranges, enums and list sizes. Generic over the model, so every operation is covered
/// without per-operation code. Member paths follow the service's style (<c>tags.1.member.tagKey</c>).
/// </summary>
public sealed class ShapeValidator
{
    private readonly ServiceModel _model;

    public ShapeValidator(ServiceModel model) => _model = model;

    public ValidationResult Validate(string shapeName, JsonElement document)
    {
        var walk = new Walk();
        Check(_model.Shape(shapeName), document, path: string.Empty, walk);
        return new ValidationResult(walk.SerializationError, walk.Violations);
    }

    private void Check(ModelShape shape, JsonElement value, string path, Walk walk)
    {
        if (walk.SerializationError is not null)
        {
            return;
        }

        switch (shape.Type)
        {
            case "structure":
                CheckStructure(shape, value, path, walk);
                break;
            case "list":
                CheckList(shape, value, path, walk);
                break;
            case "map":
                CheckMap(shape, value, path, walk);
                break;
            case "string":
                CheckString(shape, value, path, walk);
                break;
            case "integer":
                CheckNumber(shape, value, path, walk, v => v.TryGetInt32(out var i) ? i : null);
                break;
            case "long":
                CheckNumber(shape, value, path, walk, v => v.TryGetInt64(out var l) ? l : null);
                break;
            case "double":
            case "float":
                CheckNumber(shape, value, path, walk, v => v.TryGetDouble(out var d) ? d : null);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    TypeMismatch(shape, value, path, "a boolean", walk);
                }

                break;
            case "timestamp":
                // The JSON protocol sends timestamps as epoch seconds, fractions allowed.
                if (value.ValueKind != JsonValueKind.Number)
                {
                    TypeMismatch(shape, value, path, "a timestamp in epoch seconds", walk);
                }

                break;
            case "blob":
                if (value.ValueKind != JsonValueKind.String || !IsBase64(value.GetString()!))
                {
                    TypeMismatch(shape, value, path, "base64-encoded binary data", walk);
                }

                break;
            default:
                throw new InvalidOperationException($"Shape '{shape.Name}' has the unsupported type '{shape.Type}'.");
        }
    }

    private void CheckStructure(ModelShape shape, JsonElement value, string path, Walk walk)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            TypeMismatch(shape, value, path, "a structure (JSON object)", walk);
            return;
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (!shape.Members.TryGetValue(property.Name, out var target))
            {
                walk.SerializationError ??= string.Create(
                    CultureInfo.InvariantCulture,
                    $"Unrecognized field \"{property.Name}\" at '{Display(path)}' (shape {shape.Name}): it is not one of [{string.Join(", ", shape.Members.Keys)}].");
                return;
            }

            if (!present.Add(property.Name))
            {
                walk.SerializationError ??= $"Duplicate field \"{property.Name}\" at '{Display(path)}'.";
                return;
            }

            // The service treats an explicit null like an absent member.
            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                Check(_model.Shape(target), property.Value, Join(path, property.Name), walk);
            }
        }

        foreach (var required in shape.Required)
        {
            if (!value.TryGetProperty(required, out var member) || member.ValueKind == JsonValueKind.Null)
            {
                walk.Violations.Add($"Value null at '{Join(path, required)}' failed to satisfy constraint: Member must not be null");
            }
        }
    }

    private void CheckList(ModelShape shape, JsonElement value, string path, Walk walk)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            TypeMismatch(shape, value, path, "a list (JSON array)", walk);
            return;
        }

        var count = value.GetArrayLength();
        CheckLength(shape, count, $"with {count} elements", path, walk);
        var memberShape = _model.Shape(shape.ListMember!);
        var index = 1;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = Join(path, string.Create(CultureInfo.InvariantCulture, $"{index}.member"));
            if (item.ValueKind == JsonValueKind.Null)
            {
                walk.Violations.Add($"Value null at '{itemPath}' failed to satisfy constraint: Member must not be null");
            }
            else
            {
                Check(memberShape, item, itemPath, walk);
            }

            index++;
        }
    }

    private void CheckMap(ModelShape shape, JsonElement value, string path, Walk walk)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            TypeMismatch(shape, value, path, "a map (JSON object)", walk);
            return;
        }

        var entries = value.EnumerateObject().ToList();
        CheckLength(shape, entries.Count, $"with {entries.Count} entries", path, walk);
        var keyShape = _model.Shape(shape.MapKey!);
        var valueShape = _model.Shape(shape.MapValue!);
        foreach (var entry in entries)
        {
            using var key = JsonDocument.Parse(JsonSerializer.Serialize(entry.Name));
            Check(keyShape, key.RootElement, $"{path}.{entry.Name}.key", walk);
            if (entry.Value.ValueKind != JsonValueKind.Null)
            {
                Check(valueShape, entry.Value, $"{path}.{entry.Name}.value", walk);
            }
        }
    }

    private static void CheckString(ModelShape shape, JsonElement value, string path, Walk walk)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            TypeMismatch(shape, value, path, "a string", walk);
            return;
        }

        var text = value.GetString()!;
        var shown = shape.Sensitive ? "Value" : $"Value '{text}'";
        CheckLength(shape, text.Length, shown, path, walk, prefixIsComplete: true);
        if (shape.Pattern is not null && !shape.Pattern.IsMatch(text))
        {
            walk.Violations.Add($"{shown} at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {shape.PatternText}");
        }

        if (shape.Enum is not null && !shape.Enum.Contains(text, StringComparer.Ordinal))
        {
            walk.Violations.Add($"{shown} at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", shape.Enum)}]");
        }
    }

    private static void CheckNumber(ModelShape shape, JsonElement value, string path, Walk walk, Func<JsonElement, double?> read)
    {
        var number = value.ValueKind == JsonValueKind.Number ? read(value) : null;
        if (number is null)
        {
            TypeMismatch(shape, value, path, $"a number of type {shape.Type}", walk);
            return;
        }

        var shown = number.Value.ToString(CultureInfo.InvariantCulture);
        if (shape.Min is { } min && number < min)
        {
            walk.Violations.Add(string.Create(CultureInfo.InvariantCulture, $"Value '{shown}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min}"));
        }

        if (shape.Max is { } max && number > max)
        {
            walk.Violations.Add(string.Create(CultureInfo.InvariantCulture, $"Value '{shown}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max}"));
        }
    }

    private static void CheckLength(ModelShape shape, int length, string shown, string path, Walk walk, bool prefixIsComplete = false)
    {
        var subject = prefixIsComplete ? shown : $"Value {shown}";
        if (shape.Min is { } min && length < min)
        {
            walk.Violations.Add(string.Create(CultureInfo.InvariantCulture, $"{subject} at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}"));
        }

        if (shape.Max is { } max && length > max)
        {
            walk.Violations.Add(string.Create(CultureInfo.InvariantCulture, $"{subject} at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}"));
        }
    }

    private static void TypeMismatch(ModelShape shape, JsonElement value, string path, string expected, Walk walk) =>
        walk.Violations.Add($"Value of JSON type {value.ValueKind} at '{Display(path)}' failed to satisfy constraint: Member must be {expected} (shape {shape.Name})");

    private static bool IsBase64(string text)
    {
        var buffer = new byte[((text.Length * 3) / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";

    private static string Display(string path) => path.Length == 0 ? "(root)" : path;

    private sealed class Walk
    {
        public string? SerializationError { get; set; }

        public List<string> Violations { get; } = new();
    }
}
