using AksEgress.Errors;

namespace AksEgress.Export
{
    /// <summary>
    /// What makes one rule unusable for an export, checked for rules from every input (Get-AksEgressRule objects as
    /// they are, Import-Csv rows and ConvertFrom-Json objects read by <see cref="RuleRecord"/>), so that rule is
    /// reported on its own and the rest are exported. Every format needs a port, a destination and a protocol that
    /// fits the kind; a firewall configuration also needs what Azure Firewall accepts.
    /// </summary>
    public static class RuleLimits
    {
        /// <summary>
        /// The highest port of an application rule. The Microsoft.Network REST specification gives the application
        /// rule protocol's port a maximum of 64000 ("cannot be greater than 64000", FirewallPolicyRuleApplicationProtocol),
        /// and azurerm's firewall_policy_rule_collection_group validates it as 0 to 64000.
        /// </summary>
        public const int MaxApplicationPort = 64000;

        /// <summary>Why <paramref name="rule"/> cannot be exported, as the error to report; null when it can be.</summary>
        public static AksEgressInputException? Problem(AksEgressRule rule, bool deployable)
        {
            if (rule.Port < 1 || rule.Port > 65535)
            {
                return Refused("RulePortOutOfRange", rule, "a port is a whole number from 1 to 65535. Correct the Port value.");
            }
            var network = rule.Protocol == RuleProtocol.TCP || rule.Protocol == RuleProtocol.UDP;
            if (network != (rule.Kind == RuleKind.Network))
            {
                return Refused("RuleProtocolDoesNotMatchKind", rule,
                    $"a {rule.Kind} rule cannot use {rule.Protocol}: network rules use TCP or UDP, application rules HTTP or HTTPS. Correct Kind or Protocol.");
            }
            if (string.IsNullOrWhiteSpace(rule.Destination))
            {
                return Refused("RuleDestinationMissing", rule, "the rule has no destination. Give it a Destination.");
            }
            if (!deployable) return null;
            if (rule.Kind == RuleKind.Application && rule.Port > MaxApplicationPort)
            {
                return Refused("ApplicationRulePortOutOfRange", rule,
                    $"Azure Firewall application rules take ports 1 to {MaxApplicationPort}. Use a port in that range, or make it a network rule (Kind Network, Protocol TCP), which takes any port.");
            }
            foreach (var c in rule.Destination)
            {
                if (char.IsControl(c) || char.IsWhiteSpace(c))
                {
                    return Refused("RuleDestinationNotOneName", rule,
                        "a firewall destination is one FQDN, address or service tag, without spaces or control characters. Correct the Destination value.");
                }
            }
            return null;
        }

        private static AksEgressInputException Refused(string errorId, AksEgressRule rule, string why) =>
            new AksEgressInputException(errorId,
                $"Rule {FirewallText.Clean(rule.RuleId)} ({FirewallText.Clean(rule.Destination)} {rule.Protocol}/{rule.Port}) is left out of the export: {why}",
                rule, AksEgressErrorKind.InvalidData);
    }
}
