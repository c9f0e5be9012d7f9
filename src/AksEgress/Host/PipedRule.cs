using System.Management.Automation;
using AksEgress.Export;

namespace AksEgress.Commands
{
    /// <summary>A rule from the pipeline: a Get-AksEgressRule object as it is, anything else (Import-Csv rows, JSON) read by RuleRecord.</summary>
    internal static class PipedRule
    {
        /// <summary>Throws AksEgressInputException naming the property that is missing or wrong.</summary>
        public static AksEgressRule Read(PSObject item, PropertyTreeBuilder trees, System.Threading.CancellationToken cancel)
        {
            if (item.BaseObject is AksEgressRule rule) return rule;
            // What has no Destination at all (a string, a file, a type) is refused before any of it is walked.
            RuleRecord.RefuseByNames(PropertyTreeBuilder.TopLevelNames(item, out var what), what);
            return RuleRecord.FromTree(trees.FromObject(item, cancel));
        }
    }
}
