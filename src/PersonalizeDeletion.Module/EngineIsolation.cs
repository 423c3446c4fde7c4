using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PersonalizeDeletion
{
    /// <summary>
    /// Runs when PowerShell imports the module. On PowerShell 7 it has PersonalizeDeletion.Loader.dll put the engine
    /// (PersonalizeDeletion.Engine.dll) and the AWS SDK into the module's private load context, so the module works
    /// beside AWS.Tools, AWSPowerShell.NetCore or anything else that loaded other versions of them first. Windows
    /// PowerShell 5.1 has no load contexts: there the engine loads beside this assembly as usual.
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
            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                return;
            }

            // The loader targets .NET 8 (AssemblyLoadContext is not in netstandard2.0), so it is reached by name.
            string directory = Path.GetDirectoryName(typeof(EngineIsolation).Assembly.Location)!;
            Assembly loader = Assembly.LoadFrom(Path.Combine(directory, LoaderAssemblyFile));
            MethodInfo register = loader.GetType(LoaderTypeName, throwOnError: true)!.GetMethod("Register", new[] { typeof(string) })
                ?? throw new MissingMethodException(LoaderTypeName, "Register");
            register.Invoke(null, new object[] { directory });
        }
    }
}
