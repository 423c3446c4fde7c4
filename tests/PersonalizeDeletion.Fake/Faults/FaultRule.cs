using System;
using System.Text.Json;

namespace PersonalizeDeletion.Fake.Faults;

/// <summary>
/// One fault rule. <see cref="Every"/> picks which matching calls fire (every K-th), <see cref="Count"/>
/// how many times it fires in total (-1: forever).
/// </summary>
public sealed class FaultRule
{
    public FaultRule(string operation, FaultKind kind, int count, int every, int delayMs)
    {
        Operation = operation;
        Kind = kind;
        Count = count;
        Every = every;
        DelayMs = delayMs;
    }

    /// <summary>An operation name (CreateDataDeletionJob), <c>s3:&lt;Operation&gt;</c>, <c>sts:GetCallerIdentity</c>, <c>s3:*</c>, <c>personalize:*</c> or <c>*</c>.</summary>
    public string Operation { get; }

    public FaultKind Kind { get; }

    public int Count { get; }

    public int Every { get; }

    public int DelayMs { get; }

    /// <summary>Matching calls seen so far; guarded by the injector's lock.</summary>
    public int Matched { get; internal set; }

    /// <summary>Times fired so far; guarded by the injector's lock.</summary>
    public int Fired { get; internal set; }

    public static FaultRule Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A fault rule must be a JSON object.");
        }

        string? operation = null;
        FaultKind? kind = null;
        int count = 1, every = 1, delayMs = 0;
        foreach (var property in json.EnumerateObject())
        {
            switch (property.Name)
            {
                case "operation":
                    operation = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    break;
                case "kind":
                    kind = ParseKind(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : string.Empty);
                    break;
                case "count":
                    count = Integer(property);
                    if (count == 0 || count < -1)
                    {
                        throw new ArgumentException("count must be a positive integer or -1 (forever).");
                    }

                    break;
                case "every":
                    every = Integer(property);
                    if (every < 1)
                    {
                        throw new ArgumentException("every must be at least 1.");
                    }

                    break;
                case "delayMs":
                    delayMs = Integer(property);
                    if (delayMs < 0)
                    {
                        throw new ArgumentException("delayMs must not be negative.");
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown fault member '{property.Name}'. Known: operation, kind, count, every, delayMs.");
            }
        }

        if (string.IsNullOrEmpty(operation))
        {
            throw new ArgumentException("A fault rule needs an operation (an operation name, 's3:<Operation>', 's3:*' or '*').");
        }

        return new FaultRule(operation, kind ?? throw new ArgumentException("A fault rule needs a kind."), count, every, delayMs);
    }

    public bool Matches(string service, string operation) =>
        Operation == "*"
        || Operation == $"{service}:*"
        || Operation == $"{service}:{operation}"
        || (service == "personalize" && Operation == operation);

    private static FaultKind ParseKind(string text) => text switch
    {
        "throttle" => FaultKind.Throttle,
        "error500" => FaultKind.Error500,
        "drop-after" => FaultKind.DropAfter,
        "drop-before" => FaultKind.DropBefore,
        "delay" => FaultKind.Delay,
        "access-denied" => FaultKind.AccessDenied,
        _ => throw new ArgumentException($"Unknown fault kind '{text}'. Known: throttle, error500, drop-after, drop-before, delay, access-denied."),
    };

    private static int Integer(JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var value)
            ? value
            : throw new ArgumentException($"{property.Name} must be an integer.");

    public static string KindName(FaultKind kind) => kind switch
    {
        FaultKind.Throttle => "throttle",
        FaultKind.Error500 => "error500",
        FaultKind.DropAfter => "drop-after",
        FaultKind.DropBefore => "drop-before",
        FaultKind.Delay => "delay",
        FaultKind.AccessDenied => "access-denied",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
