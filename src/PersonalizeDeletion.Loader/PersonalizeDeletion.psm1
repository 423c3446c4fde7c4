# Root module of PersonalizeDeletion; the cmdlets live in PersonalizeDeletion.dll.
#
# On PowerShell 7 the cmdlet assembly and the dependencies shipped beside it (AWSSDK.*, System.IO.Hashing ...) load
# into a private AssemblyLoadContext (see PersonalizeDeletion.Loader.dll), so the module works beside AWS.Tools,
# AWSPowerShell.NetCore or anything else that loaded other versions of them first. Windows PowerShell 5.1 has no
# load contexts and imports the assembly directly.
#
# Nothing here calls .NET methods: from script, the first such call (resolving the method, setting up its binder)
# cost more than the rest of the import together, so the loader is a cmdlet.

if ($PSEdition -eq 'Core') {
    Import-Module -Name ($PSScriptRoot + '/PersonalizeDeletion.Loader.dll') -ErrorAction Stop
    $cmdletModule = Import-Module -Assembly (Get-PersonalizeDeletionCmdletAssembly -ModuleDirectory $PSScriptRoot) -PassThru -ErrorAction Stop
}
else {
    $cmdletModule = Import-Module -Name ($PSScriptRoot + '/PersonalizeDeletion.dll') -PassThru -ErrorAction Stop
}

# The loader's own cmdlet stays private; the manifest's CmdletsToExport then picks from these.
Export-ModuleMember -Cmdlet ([string[]]$cmdletModule.ExportedCmdlets.Keys)

# Removing this module leaves its nested cmdlet module in the session's module table, and Import-Module -Assembly
# skips an assembly it finds there: without this, Import-Module -Force, or Remove-Module then Import-Module,
# would come back with no cmdlets.
$ExecutionContext.SessionState.Module.OnRemove = {
    Remove-Module -ModuleInfo $cmdletModule -Force -ErrorAction Ignore
}
