using System.Collections.Generic;
using System.Linq;

namespace AksEgress.Export
{
    /// <summary>
    /// One firewall rule: the identical rules (same kind, destination, protocol and port) of every feature and
    /// cluster merged, remembering whom it serves.
    /// </summary>
    public sealed class MergedRule
    {
        internal MergedRule(RuleKind kind, string destination, DestinationType type, RuleProtocol protocol, int port, IReadOnlyList<AksEgressRule> members)
        {
            Kind = kind;
            Destination = destination;
            DestinationType = type;
            Protocol = protocol;
            Port = port;
            Members = members;
            Requirement = members.Min(m => m.Requirement);
            Features = members.Select(m => m.Feature).Distinct().OrderBy(f => f).ToArray();
            Clusters = members.Select(m => m.ClusterName).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
            RuleIds = members.Select(m => m.RuleId).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        }

        public RuleKind Kind { get; }
        public string Destination { get; }
        public DestinationType DestinationType { get; }
        public RuleProtocol Protocol { get; }
        public int Port { get; }
        /// <summary>The strictest requirement among the merged rules.</summary>
        public RuleRequirement Requirement { get; }
        public IReadOnlyList<AksFeature> Features { get; }
        public IReadOnlyList<string> Clusters { get; }
        public IReadOnlyList<string> RuleIds { get; }
        public IReadOnlyList<AksEgressRule> Members { get; }

        /// <summary>True when the destination is an FQDN (plain or wildcard): a network rule then needs DNS proxy.</summary>
        public bool IsFqdn => ExportPlan.IsFqdn(DestinationType);

        /// <summary>The DNS proxy reminder for a network rule to an FQDN; null for every other rule.</summary>
        internal string? FirewallNote => ExportPlan.NeedsDnsProxy(Kind, DestinationType) ? ExportPlan.DnsProxyNote : null;

        /// <summary>
        /// The description a firewall rule carries: <see cref="Description"/>, and for a network rule to an FQDN
        /// the reminder that Azure Firewall DNS proxy must be on, made fit for the firewall by
        /// <see cref="FirewallText.Description"/>. Every deployable format writes this text.
        /// </summary>
        public string FirewallDescription => FirewallText.Description(Description, FirewallNote);

        /// <summary>Features and clusters the rule serves, for a rule description. Plain text, not yet escaped.</summary>
        public string Description
        {
            get
            {
                var text = $"{Requirement}; features: {string.Join(", ", Features)}";
                return Clusters.Count == 0 ? text : text + $"; clusters: {string.Join(", ", Clusters)}";
            }
        }
    }
}
