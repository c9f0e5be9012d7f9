using System.Collections.Generic;

namespace AksEgress.Planning
{
    /// <summary>The node OS family of the cluster's Linux pools; Ubuntu is the AKS default.</summary>
    public enum LinuxOsSku
    {
        Ubuntu,
        AzureLinux,
    }

    /// <summary>
    /// Everything that decides which rules a cluster needs, whether the operator typed it (planning) or
    /// it was read from a live cluster.
    /// </summary>
    public sealed class RulePlan
    {
        public AzureCloudName Cloud { get; set; } = AzureCloudName.AzureCloud;
        /// <summary>Region name as the user typed it ("koreacentral", "Korea Central").</summary>
        public string Location { get; set; } = "";
        /// <summary>Features beyond Core; Core is always included.</summary>
        public ICollection<AksFeature> Features { get; set; } = new List<AksFeature>();
        /// <summary>Ubuntu pools add the Ubuntu update recommendations; Azure Linux pools do not.</summary>
        public LinuxOsSku OsSku { get; set; } = LinuxOsSku.Ubuntu;
        public bool PrivateCluster { get; set; }
        /// <summary>The cluster runs without the konnectivity agent (tunnel era).</summary>
        public bool LegacyTunnel { get; set; }
        /// <summary>Exact API server host; replaces the *.hcp wildcard.</summary>
        public string? ApiServerFqdn { get; set; }
        /// <summary>API server public IP; fills APIServerPublicIP.</summary>
        public string? ApiServerAddress { get; set; }
        /// <summary>Custom DNS server IPs; one UDP 53 rule each.</summary>
        public IList<string> CustomDnsServers { get; set; } = new List<string>();
        /// <summary>Requirements to return; empty means Required and Recommended.</summary>
        public ICollection<RuleRequirement> Requirements { get; set; } = new List<RuleRequirement>();
        /// <summary>Also return rows that only the 2020 edition lists.</summary>
        public bool IncludeLegacy { get; set; }
        public string? ClusterName { get; set; }
        public string? ClusterId { get; set; }
        /// <summary>The cluster's proxy as its rules carry it (see <see cref="AksEgressRule.ClusterHttpProxy"/>); not part of the plan's shape.</summary>
        public ClusterProxyColumns? ClusterProxy { get; set; }
        /// <summary>
        /// The plan was read from a cluster document, not typed as parameters: messages then name the document's fields
        /// (its fqdn, its location), never parameters the user did not give and may not be able to give.
        /// </summary>
        public bool FromClusterDocument { get; set; }
    }
}
