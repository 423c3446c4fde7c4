using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// Completes dataset group ARNs from ListDatasetGroups with the credentials, region and endpoint already on
    /// the command line (or the shell's defaults). Silent on any failure: completion never shows an error.
    /// </summary>
    public sealed class DatasetGroupArnCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            try
            {
                var request = new AwsConnectionRequest
                {
                    Region = Text(fakeBoundParameters, "Region"),
                    ProfileName = Text(fakeBoundParameters, "ProfileName"),
                    ProfileLocation = Text(fakeBoundParameters, "ProfileLocation"),
                    AccessKey = Text(fakeBoundParameters, "AccessKey"),
                    SecretKey = Text(fakeBoundParameters, "SecretKey"),
                    SessionToken = Text(fakeBoundParameters, "SessionToken"),
                    EndpointUrl = Text(fakeBoundParameters, "EndpointUrl"),
                    Credential = Unwrap(fakeBoundParameters?["Credential"]),
                    StoredCredentials = ShellVariable("StoredAWSCredentials"),
                    StoredRegion = ShellVariable("StoredAWSRegion"),
                };

                using var timeout = new CancellationTokenSource(Budget);
                using IPersonalizeClient client = AwsSessionResolver.Resolve(request).CreatePersonalizeClient();
                var results = new List<CompletionResult>();
                string? token = null;
                do
                {
                    Page<DatasetGroupInfo> page = client.ListDatasetGroupsAsync(token, 100, timeout.Token).GetAwaiter().GetResult();
                    foreach (DatasetGroupInfo group in page.Items)
                    {
                        if (group.DatasetGroupArn is string arn
                            && (arn.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0 || (group.Name ?? string.Empty).StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                        {
                            string tooltip = $"{group.Name} ({group.Status})";
                            results.Add(new CompletionResult(arn, group.Name ?? arn, CompletionResultType.ParameterValue, tooltip));
                        }
                    }

                    token = page.NextToken;
                }
                while (token is not null);

                return results;
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>();
            }
        }

        private static string? Text(IDictionary? parameters, string name) => Unwrap(parameters?[name])?.ToString();

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static object? ShellVariable(string name)
        {
            // Completers run on the pipeline thread while TabExpansion2 is running, where SessionStateProxy calls
            // are refused; a nested script block reads the variable in the caller's scope instead.
            Collection<PSObject> values = ScriptBlock.Create("Get-Variable -Name $args[0] -ValueOnly -ErrorAction Ignore").Invoke(name);
            return values.Count == 0 ? null : Unwrap(values[0]);
        }
    }
}
