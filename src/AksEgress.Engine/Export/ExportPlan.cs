using System.Collections.Generic;

namespace AksEgress.Export
{
    /// <summary>Everything a writer needs, decided once: the merged rules, the tag rule, the parameters to ask for.</summary>
    public sealed class ExportPlan
    {
        internal ExportPlan(IReadOnlyList<AksEgressRule> rules, IReadOnlyList<MergedRule> applicationRules, IReadOnlyList<MergedRule> networkRules,
            IReadOnlyList<string> fqdnTagClusters, bool fqdnTagUsed, IReadOnlyList<string> placeholders, ExportOptions options, string collectionGroupName)
        {
            Rules = rules;
            ApplicationRules = applicationRules;
            NetworkRules = networkRules;
            FqdnTagClusters = fqdnTagClusters;
            UsesFqdnTag = fqdnTagUsed;
            Placeholders = placeholders;
            Options = options;
            CollectionGroupName = collectionGroupName;
            PlaceholderInputs = PlaceholderInput.For(placeholders);
        }

        /// <summary>The input rules, without exact duplicates, in input order (for the per-rule formats: Csv, Json, Markdown).</summary>
        public IReadOnlyList<AksEgressRule> Rules { get; }
        /// <summary>Application (FQDN) rules after merging, not counting those the FQDN tag covers.</summary>
        public IReadOnlyList<MergedRule> ApplicationRules { get; }
        /// <summary>Network rules after merging, unfilled placeholders included (writers turn them into parameters).</summary>
        public IReadOnlyList<MergedRule> NetworkRules { get; }
        /// <summary>One application rule with the AzureKubernetesService FQDN tag replaces the covered core FQDNs.</summary>
        public bool UsesFqdnTag { get; }
        /// <summary>Clusters the FQDN-tag rule serves, for its description.</summary>
        public IReadOnlyList<string> FqdnTagClusters { get; }
        /// <summary>Unfilled placeholder names in the rules (APIServerPublicIP, CustomDnsIP), sorted.</summary>
        public IReadOnlyList<string> Placeholders { get; }
        /// <summary>The deployment input of each placeholder, in the order of <see cref="Placeholders"/>, named for every format.</summary>
        public IReadOnlyList<PlaceholderInput> PlaceholderInputs { get; }

        /// <summary>The deployment input that stands for <paramref name="placeholder"/>.</summary>
        public PlaceholderInput InputFor(string placeholder)
        {
            foreach (var input in PlaceholderInputs)
            {
                if (input.Placeholder == placeholder) return input;
            }
            throw new System.ArgumentException($"'{placeholder}' is not a placeholder of this plan.", nameof(placeholder));
        }
        public ExportOptions Options { get; }
        /// <summary>The collection group name, already reduced to the characters Azure accepts.</summary>
        public string CollectionGroupName { get; }

        /// <summary>Any network rule with an FQDN destination: Azure Firewall must have DNS proxy on.</summary>
        public bool HasFqdnNetworkRules
        {
            get
            {
                foreach (var rule in NetworkRules)
                {
                    if (rule.IsFqdn) return true;
                }
                return false;
            }
        }

        /// <summary>Rules of the application collection: the merged ones plus the FQDN-tag rule when it is used.</summary>
        public int ApplicationRuleCount => ApplicationRules.Count + (UsesFqdnTag ? 1 : 0);

        public const string FqdnTag = "AzureKubernetesService";

        /// <summary>The description of the rule that carries the FQDN tag, the same in every deployable format (see <see cref="FirewallText"/>).</summary>
        public string FqdnTagDescription
        {
            get
            {
                var text = $"Required; features: Core; FQDN tag {FqdnTag} for the core AKS HTTPS endpoints";
                return FirewallText.Description(FqdnTagClusters.Count == 0 ? text : text + "; clusters: " + string.Join(", ", FqdnTagClusters), null);
            }
        }
        public const string DnsProxyNote = "Network rules with FQDN destinations work only when DNS proxy is enabled on the Azure Firewall (firewall policy DNS settings).";

        /// <summary>The network rules to FQDNs, as "ntp.ubuntu.com UDP/123", for messages.</summary>
        internal string FqdnNetworkRuleList
        {
            get
            {
                var list = new List<string>();
                foreach (var rule in NetworkRules)
                {
                    if (rule.DependsOnDnsProxy) list.Add($"{FirewallText.Clean(rule.Destination)} {rule.Protocol}/{rule.Port}");
                }
                return string.Join(", ", list);
            }
        }

        /// <summary>
        /// What a deployable file says of its DNS proxy input, named as the format names it (<paramref name="input"/>).
        /// Azure refuses a network rule with destinationFqdns in a policy without DNS proxy ("In order to use
        /// DestinationFqdns in Network Rules, DNS Proxy must be enabled"), so the file must deploy either way.
        /// </summary>
        internal string DnsProxyComment(string input) =>
            $"Network rules to FQDNs ({FqdnNetworkRuleList}) work only in a firewall policy with DNS proxy on. With {input} true they allow the FQDN; " +
            $"with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to {(Options.DnsProxyEnabled ? "true" : "false")} here.";

        /// <summary>True for a plain or wildcard FQDN destination.</summary>
        internal static bool IsFqdn(DestinationType type) => type == DestinationType.Fqdn || type == DestinationType.WildcardFqdn;

        /// <summary>A rule that works only with <see cref="DnsProxyNote"/>: the one test every format applies, merged or per rule.</summary>
        internal static bool NeedsDnsProxy(RuleKind kind, DestinationType type) => kind == RuleKind.Network && IsFqdn(type);
    }
}
