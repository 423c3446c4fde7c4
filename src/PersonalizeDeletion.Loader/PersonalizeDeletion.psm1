# Root module of PersonalizeDeletion; the cmdlets live in PersonalizeDeletion.dll.
#
# On PowerShell 7 the cmdlet assembly and its dependencies (AWSSDK.*, System.IO.Hashing ...) load into a private
# AssemblyLoadContext (PersonalizeDeletion.Loader.dll), so the module works beside AWS.Tools, AWSPowerShell.NetCore
# or anything else that loaded other versions of them first. Windows PowerShell 5.1 has no load contexts and
# imports the assembly directly.

if ($PSEdition -eq 'Core') {
    # Another version of this module may have loaded the loader already; loading ours from a second path
    # would fail, and the loader takes the folder to serve, so the loaded one serves this folder as well.
    $loader = 'PersonalizeDeletion.Loader.ModuleAssemblyLoader' -as [type]
    if ($null -eq $loader) {
        $loaderAssembly = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'PersonalizeDeletion.Loader.dll'))
        $loader = $loaderAssembly.GetType('PersonalizeDeletion.Loader.ModuleAssemblyLoader', $true)
    }
    $cmdletAssembly = $loader::LoadCmdletAssembly($PSScriptRoot)
    $cmdletModule = Import-Module -Assembly $cmdletAssembly -PassThru -ErrorAction Stop
}
else {
    $cmdletModule = Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'PersonalizeDeletion.dll')) -PassThru -ErrorAction Stop
}

# Removing this module leaves its nested binary module in the session's module table, and Import-Module -Assembly
# skips an assembly found there: without this, Import-Module -Force or Remove-Module then Import-Module would
# come back with no cmdlets.
$ExecutionContext.SessionState.Module.OnRemove = {
    Remove-Module -ModuleInfo $cmdletModule -Force -ErrorAction Ignore
}
