using System.Collections.Generic;
using System.Globalization;

namespace AksEgress.Export
{
    /// <summary>
    /// The header lines of the script formats (Terraform, az) that say which rule collections the file creates,
    /// so both describe the firewall in the same words; only the quote around a name differs.
    /// </summary>
    internal static class CollectionSummary
    {
        /// <summary>One line per collection with its rule count, or one line saying there is none.</summary>
        public static IEnumerable<string> Lines(ExportPlan plan, char quote)
        {
            if (plan.NetworkRules.Count > 0)
            {
                yield return $"network rule collection {quote}{FirewallNames.NetworkCollectionName}{quote} (priority {FirewallNames.NetworkCollectionPriority}, Allow): {Count(plan.NetworkRules.Count)}";
            }
            if (plan.ApplicationRuleCount > 0)
            {
                yield return $"application rule collection {quote}{FirewallNames.ApplicationCollectionName}{quote} (priority {FirewallNames.ApplicationCollectionPriority}, Allow): {Count(plan.ApplicationRuleCount)}";
            }
            if (plan.NetworkRules.Count == 0 && plan.ApplicationRuleCount == 0) yield return "no rule collection: the input had no rule a firewall can express.";
        }

        private static string Count(int rules) => rules == 1 ? "1 rule" : rules.ToString(CultureInfo.InvariantCulture) + " rules";
    }
}
