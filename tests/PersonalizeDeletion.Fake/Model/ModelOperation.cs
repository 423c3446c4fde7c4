using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.Model;

/// <summary>An operation of the service model with the shapes of its input, output and declared errors.</summary>
public sealed record ModelOperation(string Name, string? InputShape, string? OutputShape, IReadOnlyList<string> Errors);
