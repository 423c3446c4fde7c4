using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PersonalizeDeletion.Aws;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>Completes AWS region names, as AWS.Tools does for -Region.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = CompletionSession.Word(wordToComplete);
            return AwsCompletionSource.RegionNames()
                .Where(region => region.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(region => new CompletionResult(region.Key, region.Key, CompletionResultType.ParameterValue, region.Value));
        }
    }
}
