using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// Completes dataset group ARNs from ListDatasetGroups: ACTIVE groups first (a deletion job needs one), then the
    /// groups still being created or that failed, each by name.
    /// </summary>
    public sealed class DatasetGroupArnCompleter : IArgumentCompleter
    {
        private const string ActiveStatus = "ACTIVE";

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionSession.Run(fakeBoundParameters, (client, cancel) => Complete(client, CompletionSession.Word(wordToComplete), cancel));

        private static IEnumerable<CompletionResult> Complete(IPersonalizeClient client, string word, CancellationToken cancellationToken)
        {
            var groups = new List<DatasetGroupInfo>();
            string? token = null;
            do
            {
                Page<DatasetGroupInfo> page = client.ListDatasetGroupsAsync(token, 100, cancellationToken).GetAwaiter().GetResult();
                groups.AddRange(page.Items.Where(group => group.DatasetGroupArn is string arn
                    && (arn.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0 || (group.Name ?? string.Empty).StartsWith(word, StringComparison.OrdinalIgnoreCase))));
                token = page.NextToken;
            }
            while (token is not null);

            return groups
                .OrderBy(group => string.Equals(group.Status, ActiveStatus, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(group => group.Name, StringComparer.OrdinalIgnoreCase)
                .Select(group => new CompletionResult(group.DatasetGroupArn, group.Name ?? group.DatasetGroupArn, CompletionResultType.ParameterValue, $"{group.Name} ({group.Status})"));
        }
    }
}
