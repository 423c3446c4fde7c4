using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PersonalizeDeletion.Fake.Model;

/// <summary>One shape of the service model, parsed once so validation never re-reads the JSON.</summary>
public sealed class ModelShape
{
    public ModelShape(string name, string type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    /// <summary>The model's type name: structure, list, map, string, integer, long, double, float, boolean, timestamp, blob.</summary>
    public string Type { get; }

    /// <summary>Structure members in model order: member name to target shape name.</summary>
    public IReadOnlyDictionary<string, string> Members { get; internal set; } = new Dictionary<string, string>();

    public IReadOnlySet<string> Required { get; internal set; } = new HashSet<string>();

    public double? Min { get; internal set; }

    public double? Max { get; internal set; }

    /// <summary>The pattern as written in the model (Java syntax), for messages.</summary>
    public string? PatternText { get; internal set; }

    /// <summary>The pattern translated to .NET and anchored so that it must match the whole value.</summary>
    public Regex? Pattern { get; internal set; }

    public IReadOnlyList<string>? Enum { get; internal set; }

    public string? ListMember { get; internal set; }

    public string? MapKey { get; internal set; }

    public string? MapValue { get; internal set; }

    public bool Sensitive { get; internal set; }

    public bool IsException { get; internal set; }
}
