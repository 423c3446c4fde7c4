using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace PersonalizeDeletion.Loader
{
    /// <summary>
    /// Puts the module's engine (PersonalizeDeletion.Engine.dll) and, through it, every dependency shipped beside
    /// it into the module folder's private load context. PersonalizeDeletion.dll, the cmdlets PowerShell imports,
    /// calls <see cref="Register"/> when it is imported on PowerShell 7.
    /// </summary>
    /// <remarks>
    /// The cmdlet assembly loads into the default context like any binary module, which is what makes the import
    /// cheap (no script module, no second Import-Module). It names no AWS SDK type, only engine types; the
    /// default context cannot find the engine by itself and asks its Resolving event, where this hands it the
    /// engine loaded in the private context. From then on the private context resolves the engine's references
    /// first (<see cref="ModuleLoadContext"/>), so they bind to our copies whatever other modules put into the
    /// default context. The engine's name is ours alone, so no other module's request comes through here.
    /// Nothing is loaded at registration: the engine loads when a cmdlet first runs.
    /// </remarks>
    public static class EngineResolver
    {
        /// <summary>The simple name of the engine assembly (PersonalizeDeletion.Engine.dll).</summary>
        public const string EngineAssemblyName = "PersonalizeDeletion.Engine";

        private static readonly object Gate = new object();
        private static ModuleLoadContext? s_context;

        /// <summary>
        /// Makes the default context load the engine from <paramref name="moduleDirectory"/> into its private
        /// context. Called at every import; only the first call registers (Import-Module -Force and re-imports
        /// keep the one context: a second would give the session two incompatible sets of the module's types).
        /// </summary>
        public static void Register(string moduleDirectory)
        {
            ArgumentException.ThrowIfNullOrEmpty(moduleDirectory);
            lock (Gate)
            {
                if (s_context is not null)
                {
                    return;
                }

                s_context = new ModuleLoadContext(Path.TrimEndingDirectorySeparator(Path.GetFullPath(moduleDirectory)));
                AssemblyLoadContext.Default.Resolving += ResolveEngine;
            }
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext requester, AssemblyName name) =>
            string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal) && s_context is not null
                ? s_context.LoadFromAssemblyName(name)
                : null;
    }
}
