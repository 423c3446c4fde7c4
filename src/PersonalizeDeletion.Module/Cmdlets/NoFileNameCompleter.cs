using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// For parameters whose values are never local paths (an IAM role ARN, an s3:// folder): completes nothing, so Tab
    /// does not offer the current folder's file names as if they were values.
    /// </summary>
    public sealed class NoFileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            // Empty but not null: null would let PowerShell fall back to file names.
            new List<CompletionResult>();
    }
}
