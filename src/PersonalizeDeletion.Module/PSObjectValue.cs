using System.Management.Automation;

namespace PersonalizeDeletion
{
    /// <summary>What PowerShell hands over, without the PSObject wrapper it may carry.</summary>
    internal static class PSObjectValue
    {
        public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
