using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// Completes the statuses a data deletion job can have. Not a ValidateSet: Get-PDataDeletionJob's own check
    /// (InvalidStatus) can say how to filter a status the service adds later.
    /// </summary>
    public sealed class StatusCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = CompletionSession.Word(wordToComplete);
            return DataDeletionJob.DocumentedStatuses
                .Where(status => status.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(status => new CompletionResult(status, status, CompletionResultType.ParameterValue, status));
        }
    }
}
