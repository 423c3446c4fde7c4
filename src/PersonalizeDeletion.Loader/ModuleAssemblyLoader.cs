using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace PersonalizeDeletion.Loader
{
    /// <summary>
    /// The entry point PersonalizeDeletion.psm1 calls on PowerShell 7: loads the cmdlet assembly of a module
    /// folder into that folder's private load context and returns it for <c>Import-Module -Assembly</c>.
    /// </summary>
    /// <remarks>
    /// The API takes the folder rather than assuming its own location: when two versions of the module are
    /// imported in one session, the psm1 of the second finds the loader type the first one loaded and must
    /// still get its own folder's assemblies.
    /// </remarks>
    public static class ModuleAssemblyLoader
    {
        /// <summary>The simple name of the cmdlet assembly (PersonalizeDeletion.dll).</summary>
        public const string CmdletAssemblyName = "PersonalizeDeletion";

        private static readonly object Gate = new object();
        private static readonly Dictionary<string, ModuleLoadContext> Contexts =
            new Dictionary<string, ModuleLoadContext>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        /// <summary>
        /// The cmdlet assembly of <paramref name="moduleDirectory"/>, loaded in the folder's private context.
        /// Repeated calls (Import-Module -Force, Remove-Module then Import-Module) return the same assembly:
        /// a second load context would give the session a second, incompatible set of the module's types.
        /// </summary>
        public static Assembly LoadCmdletAssembly(string moduleDirectory)
        {
            ArgumentException.ThrowIfNullOrEmpty(moduleDirectory);
            string directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(moduleDirectory));

            ModuleLoadContext? context;
            lock (Gate)
            {
                if (!Contexts.TryGetValue(directory, out context))
                {
                    context = new ModuleLoadContext(directory);
                    Contexts.Add(directory, context);
                }
            }

            // Loading by name goes through the context's own resolution, which caches the assembly.
            return context.LoadFromAssemblyName(new AssemblyName(CmdletAssemblyName));
        }
    }
}
