using System.Management.Automation;
using System.Reflection;

namespace PersonalizeDeletion.Loader
{
    /// <summary>
    /// Returns the module folder's cmdlet assembly, loaded in its private load context, for the psm1 to pass to
    /// <c>Import-Module -Assembly</c>. Not exported: the manifest's CmdletsToExport lists the module's own cmdlets.
    /// </summary>
    /// <remarks>
    /// A cmdlet rather than a static method the psm1 calls: the first .NET method call from script pays for
    /// warming up PowerShell's method binder, which cost more than the rest of the import together.
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "PersonalizeDeletionCmdletAssembly")]
    [OutputType(typeof(Assembly))]
    public sealed class GetPersonalizeDeletionCmdletAssemblyCommand : PSCmdlet
    {
        /// <summary>The module folder: PersonalizeDeletion.dll and its dependencies.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string ModuleDirectory { get; set; } = string.Empty;

        protected override void EndProcessing()
        {
            WriteObject(ModuleAssemblyLoader.LoadCmdletAssembly(ModuleDirectory));
        }
    }
}
