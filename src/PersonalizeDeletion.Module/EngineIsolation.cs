using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using PersonalizeDeletion.Loading;

namespace PersonalizeDeletion
{
    /// <summary>
    /// Runs when PowerShell imports the module. On PowerShell 7 it has PersonalizeDeletion.Loader.dll put the engine
    /// (PersonalizeDeletion.Engine.dll) and the AWS SDK into the module's private load context, so the module works
    /// beside AWS.Tools, AWSPowerShell.NetCore or anything else that loaded other versions of them first. Windows
    /// PowerShell 5.1 has no load contexts: there the engine loads beside this assembly, and the module folder's
    /// resolver (<see cref="ModuleAssemblyResolver"/>) binds what .NET Framework cannot bind by itself.
    /// </summary>
    /// <remarks>
    /// This assembly (the cmdlets) stays in the default context and never names an AWS SDK type; only engine types,
    /// which the engine's context resolves. Nothing is loaded here but the small loader: the engine and the SDK load
    /// when a cmdlet first runs.
    /// </remarks>
    public sealed class EngineIsolation : IModuleAssemblyInitializer
    {
        internal const string LoaderAssemblyFile = "PersonalizeDeletion.Loader.dll";
        internal const string LoaderTypeName = "PersonalizeDeletion.Loader.EngineResolver";

        public void OnImport()
        {
            string directory = Path.GetDirectoryName(typeof(EngineIsolation).Assembly.Location)!;
            if (ModuleRuntime.IsNetFramework)
            {
                ModuleAssemblyResolver.Register(directory);
                return;
            }

            // The loader targets .NET 8 (AssemblyLoadContext is not in netstandard2.0), so it is reached by name.
            Assembly loader = Assembly.LoadFrom(Path.Combine(directory, LoaderAssemblyFile));
            MethodInfo register = loader.GetType(LoaderTypeName, throwOnError: true)!.GetMethod("Register", new[] { typeof(string) })
                ?? throw new MissingMethodException(LoaderTypeName, "Register");
            register.Invoke(null, new object[] { directory });
        }
    }
}
