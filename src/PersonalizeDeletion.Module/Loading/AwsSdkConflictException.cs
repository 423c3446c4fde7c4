using System;

namespace PersonalizeDeletion.Loading
{
    /// <summary>
    /// The exception behind an <c>AwsSdkConflict</c> error: Windows PowerShell already loaded another module's older
    /// copy of an AWS SDK assembly that the module would have to run on.
    /// </summary>
    public sealed class AwsSdkConflictException : InvalidOperationException
    {
        // Internal: PowerShell enumerates the public constructors of the module's public types at import.
        internal AwsSdkConflictException(AwsSdkConflict conflict)
            : base(conflict.Message)
        {
            AssemblyName = conflict.Shipped.Identity.Name!;
            LoadedFileVersion = conflict.Loaded.FileVersion?.ToString();
            LoadedLocation = conflict.Loaded.Location;
            RequiredFileVersion = conflict.Shipped.FileVersion?.ToString();
        }

        /// <summary>The assembly in conflict (AWSSDK.Core or AWSSDK.S3).</summary>
        public string AssemblyName { get; }

        /// <summary>The file version of the copy already loaded; null when it has none.</summary>
        public string? LoadedFileVersion { get; }

        /// <summary>Where the loaded copy came from; empty when it was loaded from memory.</summary>
        public string LoadedLocation { get; }

        /// <summary>The oldest file version the module runs on: the one it ships.</summary>
        public string? RequiredFileVersion { get; }
    }
}
