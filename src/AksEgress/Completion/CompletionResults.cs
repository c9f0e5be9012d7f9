using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using AksEgress.Completion;

namespace AksEgress.Commands
{
    /// <summary>The engine's completion items as the parameter-value results PowerShell shows.</summary>
    internal static class CompletionResults
    {
        public static IEnumerable<CompletionResult> From(IEnumerable<CompletionItem> items) =>
            items.Select(item => new CompletionResult(item.CompletionText, item.ListItemText, CompletionResultType.ParameterValue, item.ToolTip)).ToList();
    }
}
