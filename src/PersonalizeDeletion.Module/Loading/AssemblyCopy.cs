using System;
using System.Reflection;

namespace PersonalizeDeletion.Loading
{
    /// <summary>One copy of an assembly: its identity, its file version (the package's build) and where it was loaded from.</summary>
    internal sealed class AssemblyCopy
    {
        internal AssemblyCopy(AssemblyName identity, Version? fileVersion, string location)
        {
            Identity = identity ?? throw new ArgumentNullException(nameof(identity));
            FileVersion = fileVersion;
            Location = location ?? string.Empty;
        }

        /// <summary>Name, assembly version, culture and public key token: what .NET Framework binds a reference by.</summary>
        internal AssemblyName Identity { get; }

        /// <summary>The file version (AWSSDK.Core 4.1.0.0 and 4.0.3.3 share the assembly version 4.0.0.0); null when the file has none.</summary>
        internal Version? FileVersion { get; }

        /// <summary>The file it came from; empty for an assembly loaded from memory.</summary>
        internal string Location { get; }

        /// <summary>The copy a loaded assembly is, read from its metadata without running any of its code.</summary>
        internal static AssemblyCopy Of(Assembly assembly)
        {
            string? fileVersion = null;
            foreach (CustomAttributeData attribute in assembly.GetCustomAttributesData())
            {
                if (attribute.AttributeType.FullName == "System.Reflection.AssemblyFileVersionAttribute" && attribute.ConstructorArguments.Count == 1)
                {
                    fileVersion = attribute.ConstructorArguments[0].Value as string;
                }
            }

            return new AssemblyCopy(assembly.GetName(), ParseVersion(fileVersion), assembly.IsDynamic ? string.Empty : assembly.Location);
        }

        internal static Version? ParseVersion(string? text) =>
            text is not null && Version.TryParse(text, out Version? version) ? version : null;
    }
}
