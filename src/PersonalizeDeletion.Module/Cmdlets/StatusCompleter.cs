using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>Completes the statuses a data deletion job can have. Not a ValidateSet: the service may add more.</summary>
    public sealed class StatusCompleter : IArgumentCompleter
    {
        private static readonly string[] Statuses =
        {
            DataDeletionJob.StatusPending, DataDeletionJob.StatusInProgress, DataDeletionJob.StatusCompleted, DataDeletionJob.StatusFailed,
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Statuses
                .Where(status => status.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(status => new CompletionResult(status, status, CompletionResultType.ParameterValue, status));
        }
    }
}
