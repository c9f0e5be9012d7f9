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
        internal MergedRule(RuleKind kind, string destination, DestinationType type, RuleProtocol protocol, int port, IReadOnlyList<AksEgressRule> members,
            IReadOnlyList<string>? replaces = null)
        {
            Replaces = replaces ?? new string[0];
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
        /// <summary>Application rules ("md-*.blob.storage.azure.net HTTPS/443") this rule stands in for, since Azure Firewall cannot match them (<see cref="TargetFqdnWildcard"/>).</summary>
        public IReadOnlyList<string> Replaces { get; }

        /// <summary>True when the destination is an FQDN (plain or wildcard): a network rule then needs DNS proxy.</summary>
        public bool IsFqdn => ExportPlan.IsFqdn(DestinationType);

        /// <summary>
        /// A network rule to an FQDN: Azure accepts it only in a firewall policy with DNS proxy on, so the deployable
        /// formats write it both ways, chosen by their DNS proxy input (see <see cref="FirewallDescriptionFor"/>).
        /// </summary>
        public bool DependsOnDnsProxy => ExportPlan.NeedsDnsProxy(Kind, DestinationType);

        /// <summary>The description a firewall rule carries in every deployable format (see <see cref="FirewallText"/>).</summary>
        public string FirewallDescription => FirewallDescriptionFor(dnsProxyEnabled: false);

        /// <summary>
        /// The description of the rule as deployed with the DNS proxy input <paramref name="dnsProxyEnabled"/>: for a rule
        /// that <see cref="DependsOnDnsProxy"/>, it says whether it allows the FQDN or any destination in its place.
        /// </summary>
        public string FirewallDescriptionFor(bool dnsProxyEnabled) =>
            FirewallText.Description(Description, !DependsOnDnsProxy ? null
                : dnsProxyEnabled ? "the FQDN itself, since the DNS proxy input says the firewall policy has DNS proxy on"
                : $"any destination (*) on {Protocol} {Port} in place of {Destination}: a network rule to an FQDN needs DNS proxy, and the DNS proxy input says the firewall policy has it off");

        /// <summary>Features and clusters the rule serves, for a rule description. Plain text, not yet escaped.</summary>
        public string Description
        {
            get
            {
                var text = $"{Requirement}; features: {string.Join(", ", Features)}";
                if (Replaces.Count > 0) text += $"; in place of the application rule {string.Join(", ", Replaces)}: {TargetFqdnWildcard.Reason}";
                return Clusters.Count == 0 ? text : text + $"; clusters: {string.Join(", ", Clusters)}";
            }
        }
    }
}
