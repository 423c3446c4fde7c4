using System.Collections.Generic;
using System.Globalization;

namespace PersonalizeDeletion.Fake.Model;

/// <summary>
/// The outcome of checking a JSON document against a shape. A document that cannot be read as the
/// shape at all (unknown members) is a serialization error, as the service reports it; everything
/// else is a list of constraint violations reported together, in the service's wording.
/// </summary>
public sealed class ValidationResult
{
    public ValidationResult(string? serializationError, IReadOnlyList<string> violations)
    {
        SerializationError = serializationError;
        Violations = violations;
    }

    public string? SerializationError { get; }

    public IReadOnlyList<string> Violations { get; }

    public bool IsValid => SerializationError is null && Violations.Count == 0;

    /// <summary>The error code the service would answer with.</summary>
    public string ErrorCode => SerializationError is not null ? "SerializationException" : "InvalidInputException";

    /// <summary>The message the service would answer with, e.g. "1 validation error detected: Value ...".</summary>
    public string Message
    {
        get
        {
            if (SerializationError is not null)
            {
                return SerializationError;
            }

            var noun = Violations.Count == 1 ? "error" : "errors";
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{Violations.Count} validation {noun} detected: {string.Join("; ", Violations)}");
        }
    }
}
