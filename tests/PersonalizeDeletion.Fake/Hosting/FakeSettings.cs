using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>
/// The knobs tests turn through <c>POST /_fake/config</c>: the scripted job lifecycle, the pending-job
/// limit, forced failures, how long a new job stays invisible to reads, and the clock offset. Immutable;
/// a change produces a new instance.
/// </summary>
public sealed record FakeSettings
{
    public const string DefaultFailureReason =
        "The data deletion job failed because of an internal error. Try again, and if the problem continues contact AWS Support.";

    public int PendingMs { get; init; } = 200;

    public int InProgressMs { get; init; } = 300;

    public int PendingLimit { get; init; } = 5;

    public string? FailJobNamePattern { get; init; }

    public string FailureReason { get; init; } = DefaultFailureReason;

    public double ClockOffsetSeconds { get; init; }

    /// <summary>
    /// How long a new job is invisible to DescribeDataDeletionJob and ListDataDeletionJobs (the service's reads
    /// are eventually consistent); its name is taken at once. Off (0) by default.
    /// </summary>
    public int VisibilityDelayMs { get; init; }

    /// <summary>Applies a partial update; unknown members and wrong types are refused so a typo in a test cannot pass silently.</summary>
    public FakeSettings With(JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The configuration must be a JSON object.");
        }

        var result = this;
        foreach (var property in patch.EnumerateObject())
        {
            var value = property.Value;
            result = property.Name switch
            {
                "pendingMs" => result with { PendingMs = NonNegative(property.Name, value) },
                "inProgressMs" => result with { InProgressMs = NonNegative(property.Name, value) },
                "pendingLimit" => result with { PendingLimit = NonNegative(property.Name, value) },
                "failJobNamePattern" => result with { FailJobNamePattern = OptionalPattern(value) },
                "failureReason" => result with
                {
                    FailureReason = value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
                        ? value.GetString()!
                        : throw new ArgumentException("failureReason must be a non-empty string."),
                },
                "visibilityDelayMs" => result with { VisibilityDelayMs = NonNegative(property.Name, value) },
                "clockOffsetSeconds" => result with
                {
                    ClockOffsetSeconds = value.ValueKind == JsonValueKind.Number
                        ? value.GetDouble()
                        : throw new ArgumentException("clockOffsetSeconds must be a number."),
                },
                _ => throw new ArgumentException(
                    $"Unknown setting '{property.Name}'. Known: pendingMs, inProgressMs, pendingLimit, failJobNamePattern, failureReason, visibilityDelayMs, clockOffsetSeconds."),
            };
        }

        return result;
    }

    private static int NonNegative(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0
            ? number
            : throw new ArgumentException($"{name} must be a non-negative integer.");

    private static string? OptionalPattern(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ArgumentException("failJobNamePattern must be a regular expression string or null.");
        }

        var pattern = value.GetString()!;
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"failJobNamePattern is not a valid regular expression: {e.Message}");
        }

        return pattern;
    }
}
