using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace PersonalizeDeletion.Loader
{
    /// <summary>
    /// The private load context of the module folder: the engine assembly and every dependency shipped beside
    /// it load here, so they bind to our copies whatever other modules put into the default context first
    /// (AWS.Tools 4 brings AWSSDK.Core 3.3.0.0, AWS.Tools 5 an AWSSDK.Core 4.0.0.0 of its own package version).
    /// </summary>
    /// <remarks>
    /// Two kinds of assembly deliberately stay with the default context: those we do not ship (PowerShell's
    /// own and the runtime's, and PersonalizeDeletion.dll, the cmdlets, which live in the default context), and those the runtime
    /// provides at the requested version or higher (System.Text.Json, System.Memory ...), which we ship only
    /// as netstandard2.0 copies for Windows PowerShell 5.1 and which the runtime serves better.
    /// The context is not collectible: PowerShell keeps cmdlet and parameter metadata for the life of the
    /// process, so an unloaded context would leave it pointing at dead types.
    /// </remarks>
    internal sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private static readonly Lazy<IReadOnlyDictionary<string, string>> PlatformAssemblies =
            new Lazy<IReadOnlyDictionary<string, string>>(ReadPlatformAssemblies);

        private readonly string _moduleDirectory;

        public ModuleLoadContext(string moduleDirectory)
            : base("PersonalizeDeletion", isCollectible: false)
        {
            _moduleDirectory = moduleDirectory;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (string.IsNullOrEmpty(assemblyName.Name))
            {
                return null;
            }

            string shipped = Path.Combine(_moduleDirectory, assemblyName.Name + ".dll");
            if (StaysInDefault(assemblyName.Name) || !File.Exists(shipped) || IsServedByPlatform(assemblyName))
            {
                // Returning null hands the request to the default context.
                return null;
            }

            return LoadFromAssemblyPath(shipped);
        }

        // The cmdlets and this loader are PowerShell's (default context); a copy here would be a second set of types.
        private static bool StaysInDefault(string name) =>
            string.Equals(name, "PersonalizeDeletion", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "PersonalizeDeletion.Loader", StringComparison.OrdinalIgnoreCase);

        private static bool IsServedByPlatform(AssemblyName requested)
        {
            if (!PlatformAssemblies.Value.TryGetValue(requested.Name!, out string? platformPath))
            {
                return false;
            }

            if (requested.Version is null)
            {
                return true;
            }

            Version? platformVersion = AssemblyName.GetAssemblyName(platformPath).Version;
            return platformVersion is not null && platformVersion >= requested.Version;
        }

        // The trusted platform assemblies are what the host (pwsh) resolves by itself: the shared framework
        // plus PowerShell's own application assemblies. Reading the list is cheaper than probing the
        // default context, which would load the assembly as a side effect.
        private static Dictionary<string, string> ReadPlatformAssemblies()
        {
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            {
                foreach (string path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
                }
            }

            return byName;
        }
    }
}
