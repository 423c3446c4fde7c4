using System;
using System.Runtime.InteropServices;

namespace PersonalizeDeletion.Loading
{
    /// <summary>Which runtime the module runs on: .NET Framework (Windows PowerShell 5.1) or .NET (PowerShell 7).</summary>
    internal static class ModuleRuntime
    {
        /// <summary>True on .NET Framework, where there are no load contexts and one copy of an assembly version serves the whole session.</summary>
        internal static bool IsNetFramework { get; } = IsNetFrameworkDescription(RuntimeInformation.FrameworkDescription);

        /// <summary>Reads <see cref="RuntimeInformation.FrameworkDescription"/> (".NET Framework 4.8.9181.0", ".NET 8.0.11").</summary>
        internal static bool IsNetFrameworkDescription(string frameworkDescription) =>
            frameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
    }
}
