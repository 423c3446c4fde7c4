using System.Collections.Generic;
using System.Text.Json;

namespace PersonalizeDeletion.Tests.Fake;

/// <summary>A Personalize answer: status, parsed JSON body and headers.</summary>
internal sealed record PersonalizeReply(int Status, JsonElement Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? ErrorType => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("__type", out var type) ? type.GetString() : null;

    public string Message => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty;
}
