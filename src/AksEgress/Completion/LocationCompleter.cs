using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using AksEgress.Completion;

namespace AksEgress.Commands
{
    /// <summary>Completes -Location with the regions of the -Cloud already on the command line (AzureCloud without one).</summary>
    public sealed class LocationCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(LocationCompletions.For(wordToComplete, FakeBoundValues.Text(fakeBoundParameters, "Cloud")));
    }
}
