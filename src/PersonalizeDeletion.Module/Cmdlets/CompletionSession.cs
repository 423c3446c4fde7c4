using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// Runs a completer's Personalize calls with the credentials, region and endpoint already on the command line (or
    /// the shell's defaults). Silent on any failure and bounded in time: completion never shows an error or hangs.
    /// </summary>
    /// <remarks>A helper rather than a base class, so the public completers name no engine type in a signature PowerShell loads at import.</remarks>
    internal static class CompletionSession
    {
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

        public static IEnumerable<CompletionResult> Run(IDictionary? boundParameters, Func<IPersonalizeClient, CancellationToken, IEnumerable<CompletionResult>> complete)
        {
            try
            {
                var request = new AwsConnectionRequest
                {
                    Region = Text(boundParameters, "Region"),
                    ProfileName = Text(boundParameters, "ProfileName"),
                    ProfileLocation = Text(boundParameters, "ProfileLocation"),
                    AccessKey = Text(boundParameters, "AccessKey"),
                    SecretKey = Text(boundParameters, "SecretKey"),
                    SessionToken = Text(boundParameters, "SessionToken"),
                    EndpointUrl = Text(boundParameters, "EndpointUrl"),
                    Credential = PSObjectValue.Unwrap(boundParameters?["Credential"]),
                    StoredCredentials = ShellVariable("StoredAWSCredentials"),
                    StoredRegion = ShellVariable("StoredAWSRegion"),
                };

                using var timeout = new CancellationTokenSource(Budget);
                using IPersonalizeClient client = AwsSessionResolver.Resolve(request).CreatePersonalizeClient();
                return complete(client, timeout.Token).ToList();
            }
            catch (Exception)
            {
                // An empty list, not null: null would let PowerShell fall back to offering file names.
                return new List<CompletionResult>();
            }
        }

        /// <summary>The word being completed, without the quotes the user may have typed.</summary>
        public static string Word(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

        /// <summary>A bound parameter's value as text, or null.</summary>
        public static string? Text(IDictionary? parameters, string name) => PSObjectValue.Unwrap(parameters?[name])?.ToString();


        private static object? ShellVariable(string name)
        {
            // Completers run on the pipeline thread while TabExpansion2 is running, where SessionStateProxy calls
            // are refused; a nested script block reads the variable in the caller's scope instead.
            Collection<PSObject> values = ScriptBlock.Create("Get-Variable -Name $args[0] -ValueOnly -ErrorAction Ignore").Invoke(name);
            return values.Count == 0 ? null : PSObjectValue.Unwrap(values[0]);
        }
    }
}
