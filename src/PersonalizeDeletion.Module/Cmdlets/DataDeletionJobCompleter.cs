using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// Completes -JobArn with the ARNs, and -Name with the names, of the region's most recent data deletion jobs (of the
    /// -DatasetGroupArn already given, if any), newest first.
    /// </summary>
    public sealed class DataDeletionJobCompleter : IArgumentCompleter
    {
        // One page: completion is for the jobs of the last days, not an audit of every job ever run.
        private const int RecentJobs = 100;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionSession.Run(fakeBoundParameters, (client, cancel) => Complete(
                client,
                string.Equals(parameterName, "Name", StringComparison.OrdinalIgnoreCase),
                CompletionSession.Word(wordToComplete),
                CompletionSession.Text(fakeBoundParameters, "DatasetGroupArn"),
                cancel));

        private static List<CompletionResult> Complete(IPersonalizeClient client, bool byName, string word, string? datasetGroupArn, CancellationToken cancellationToken)
        {
            Page<DataDeletionJobInfo> page = client.ListDataDeletionJobsAsync(datasetGroupArn, null, RecentJobs, cancellationToken).GetAwaiter().GetResult();
            var results = new List<CompletionResult>();
            foreach (DataDeletionJobInfo job in page.Items)
            {
                if (job.DataDeletionJobArn is not string arn || job.JobName is not string name
                    || !(name.StartsWith(word, StringComparison.OrdinalIgnoreCase) || (!byName && arn.StartsWith(word, StringComparison.OrdinalIgnoreCase))))
                {
                    continue;
                }

                string created = job.CreationDateTime?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "creation time unknown";
                results.Add(new CompletionResult(byName ? name : arn, name, CompletionResultType.ParameterValue, $"{name}: {job.Status}, created {created}"));
            }

            return results;
        }
    }
}
