using System;
using System.Text.Json;

namespace PersonalizeDeletion.Fake.Control;

/// <summary>Reads optional members of a control call's JSON body; a member of the wrong type is a mistake in the test.</summary>
public static class ControlJson
{
    public static string? OptionalString(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ArgumentException($"{name} must be a string.")
            : null;

    public static double? OptionalNumber(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new ArgumentException($"{name} must be a number.")
            : null;

    public static int? OptionalInt(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw new ArgumentException($"{name} must be an integer.")
            : null;
}
