using System.Collections.Generic;
using System.Linq;

namespace AksEgress.Planning
{
    /// <summary>The English sentence for each condition, as shown in a rule's Condition property.</summary>
    internal static class ConditionText
    {
        public static string Describe(IEnumerable<RuleCondition> conditions) =>
            string.Join(" ", conditions.Select(Sentence));

        private static string Sentence(RuleCondition condition)
        {
            switch (condition)
            {
                case RuleCondition.NotPrivateCluster: return "Not needed for private clusters.";
                case RuleCondition.TunnelOnly: return "Only for clusters without the konnectivity agent (tunnel-era clusters).";
                case RuleCondition.CustomDnsOnly: return "Only when the virtual network uses custom DNS servers.";
                case RuleCondition.PodsUseApiServerIp: return "Only when pods or deployments reach the API server by its IP address.";
                case RuleCondition.NodesBeforeMarch2021: return "Only for Linux nodes provisioned before March 2021.";
                case RuleCondition.MarketplaceExtensionsOnly: return "Only for marketplace cluster extensions.";
                // The page offers Azure Monitor two options; either one is enough (the tag's Alternatives list the other).
                case RuleCondition.AzureMonitorServiceTagOption:
                    return "Either this or the other option: the AzureMonitor service tag, or all of the Monitoring FQDN rules (listed in Alternatives).";
                case RuleCondition.AzureMonitorFqdnOption:
                    return "Either this or the other option: all of the Monitoring FQDN rules, or the AzureMonitor service tag (TCP 443).";
                default: return condition.ToString();
            }
        }
    }
}
