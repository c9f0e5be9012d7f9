using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using AksEgress.Completion;

namespace AksEgress.Commands
{
    /// <summary>Completes -Feature with the features the planner accepts, skipping those already in the list.</summary>
    public sealed class FeatureCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(FeatureCompletions.For(wordToComplete, FakeBoundValues.Texts(fakeBoundParameters, "Feature")));
    }
}
