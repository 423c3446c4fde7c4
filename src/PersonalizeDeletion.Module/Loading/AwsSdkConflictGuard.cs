using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PersonalizeDeletion.Loading
{
    /// <summary>
    /// Stops a command with <c>AwsSdkConflict</c> before the engine runs on another module's older AWS SDK, instead of
    /// a MissingMethodException part way through. Only Windows PowerShell 5.1 can have such a conflict.
    /// </summary>
    /// <remarks>
    /// Checked at each new connection, not once per process: an answer of "no conflict" does not last on Windows
    /// PowerShell. A command that used only AWSSDK.Core (Get-PDataDeletionJob) leaves AWSSDK.S3 unloaded; if AWS.Tools
    /// then loads its older AWSSDK.S3 of the same identity, the next command that stages to S3 would bind to that copy.
    /// </remarks>
    internal static class AwsSdkConflictGuard
    {
        internal const string ErrorId = ErrorIds.AwsSdkConflict;

        internal static void ThrowIfConflict(PSCmdlet cmdlet)
        {
            string directory = Path.GetDirectoryName(typeof(AwsSdkConflictGuard).Assembly.Location)!;
            ErrorRecord? conflict = Check(RuntimeInformation.FrameworkDescription, AppDomain.CurrentDomain.GetAssemblies(), directory);
            if (conflict is not null)
            {
                cmdlet.ThrowTerminatingError(conflict);
            }
        }

        /// <summary>
        /// The <c>AwsSdkConflict</c> error for the session's <paramref name="assemblies"/> and the module folder's own
        /// copies, or null. The offending assembly is the error's target.
        /// </summary>
        internal static ErrorRecord? Check(string frameworkDescription, IEnumerable<Assembly> assemblies, string moduleDirectory)
        {
            var loaded = new Dictionary<AssemblyCopy, Assembly>();
            AwsSdkConflict? conflict = AwsSdkConflictCheck.Find(frameworkDescription, ShippedCopies(moduleDirectory), LoadedCopies(assemblies, loaded));
            return conflict is null
                ? null
                : new ErrorRecord(new AwsSdkConflictException(conflict), ErrorId, ErrorCategory.ResourceUnavailable, loaded[conflict.Loaded]);
        }

        // Deferred, like ShippedCopies: read only on .NET Framework, and the folder only once another copy is loaded.
        private static IEnumerable<AssemblyCopy> LoadedCopies(IEnumerable<Assembly> assemblies, Dictionary<AssemblyCopy, Assembly> found)
        {
            foreach (Assembly assembly in assemblies)
            {
                if (assembly.FullName is string name && name.StartsWith("AWSSDK.", StringComparison.OrdinalIgnoreCase))
                {
                    AssemblyCopy copy = AssemblyCopy.Of(assembly);
                    found[copy] = assembly;
                    yield return copy;
                }
            }
        }

        private static IEnumerable<AssemblyCopy> ShippedCopies(string moduleDirectory)
        {
            foreach (string name in AwsSdkConflictCheck.GuardedAssemblyNames)
            {
                string path = Path.Combine(moduleDirectory, name + ".dll");
                if (File.Exists(path))
                {
                    yield return new AssemblyCopy(AssemblyName.GetAssemblyName(path), AssemblyCopy.ParseVersion(FileVersionInfo.GetVersionInfo(path).FileVersion), path);
                }
            }
        }
    }
}
