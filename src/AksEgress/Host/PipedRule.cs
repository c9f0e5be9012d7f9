using System.Management.Automation;
using AksEgress.Export;

namespace AksEgress.Commands
{
    /// <summary>A rule from the pipeline: a Get-AksEgressRule object as it is, anything else (Import-Csv rows, JSON) read by RuleRecord.</summary>
    internal static class PipedRule
    {
        /// <summary>Throws AksEgressInputException naming the property that is missing or wrong.</summary>
        public static AksEgressRule Read(PSObject item, PropertyTreeBuilder trees) =>
            item.BaseObject as AksEgressRule ?? RuleRecord.FromTree(trees.FromObject(item));
    }
}
