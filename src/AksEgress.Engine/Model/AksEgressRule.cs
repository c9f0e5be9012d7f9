namespace AksEgress
{
    /// <summary>
    /// One outbound rule a cluster needs. Every property is a scalar so Export-Csv and ConvertTo-Json give
    /// one value per cell. RuleId names the catalog entry; one entry can yield several rules (one per custom
    /// DNS server), so (RuleId, Destination) identifies a rule within one cluster's set.
    /// </summary>
    public sealed class AksEgressRule
    {
        public string RuleId { get; set; } = "";
        public CatalogEdition Edition { get; set; }
        public AzureCloudName Cloud { get; set; }
        public string Location { get; set; } = "";
        /// <summary>Name of the cluster the rule was derived for; empty when planning.</summary>
        public string? ClusterName { get; set; }
        /// <summary>ARM id of the cluster the rule was derived for; empty when planning.</summary>
        public string? ClusterId { get; set; }
        public AksFeature Feature { get; set; }
        public RuleKind Kind { get; set; }
        public string Destination { get; set; } = "";
        public DestinationType DestinationType { get; set; }
        public RuleProtocol Protocol { get; set; }
        public int Port { get; set; }
        public RuleRequirement Requirement { get; set; }
        /// <summary>When the rule applies, in English; empty when it always applies.</summary>
        public string Condition { get; set; } = "";
        /// <summary>Other destinations the page accepts for the same rule (for example "*" or a service tag).</summary>
        public string Alternatives { get; set; } = "";
        public string Purpose { get; set; } = "";
        public string PurposeKo { get; set; } = "";
        /// <summary>The destination as the catalog holds it, before {location} and placeholders were filled.</summary>
        public string DestinationTemplate { get; set; } = "";
        /// <summary>Where the rule comes from: seed document and table, or the newer edition that added it.</summary>
        public string Source { get; set; } = "";
        /// <summary>
        /// Who names the rule: the catalog (the default), the AKS service's list of outbound dependencies of the
        /// cluster, or both. See <see cref="RuleOrigin"/>.
        /// </summary>
        public RuleOrigin Origin { get; set; } = RuleOrigin.Catalog;
        /// <summary>
        /// The cluster's httpProxyConfig.httpProxy (credentials removed), so Test-AksEgress probes HTTP the way the
        /// nodes reach it; empty when the cluster has no proxy or the rules were planned.
        /// </summary>
        public string? ClusterHttpProxy { get; set; }
        /// <summary>The cluster's httpProxyConfig.httpsProxy (credentials removed); empty when none.</summary>
        public string? ClusterHttpsProxy { get; set; }
        /// <summary>The cluster's httpProxyConfig.noProxy entries, comma-separated; empty when none.</summary>
        public string? ClusterNoProxy { get; set; }

        /// <summary>A field-by-field copy (every property is a scalar), for rules shared by clusters of one shape.</summary>
        public AksEgressRule Copy() => (AksEgressRule)MemberwiseClone();

        public override string ToString() => $"{Feature} {Kind} {Destination} {Protocol}/{Port}";
    }
}
