using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PersonalizeDeletion.Aws;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>Completes profile names from the shared credentials and config files (or -ProfileLocation).</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = CompletionSession.Word(wordToComplete);
            string? location = fakeBoundParameters?["ProfileLocation"] as string;
            try
            {
                return AwsCompletionSource.ProfileNames(location)
                    .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name))
                    .ToList();
            }
            catch (Exception)
            {
                // Completion must never throw at the user; an unreadable file just completes nothing.
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
