using System.Collections.Generic;

namespace AksEgress.Clusters
{
    /// <summary>What the operator asked for, the same for every cluster of one command.</summary>
    public sealed class RuleRequest
    {
        /// <summary>Features added with -Feature, on top of what was detected.</summary>
        public ICollection<AksFeature> ExtraFeatures { get; set; } = new List<AksFeature>();
        /// <summary>Requirements to return; empty means Required and Recommended.</summary>
        public ICollection<RuleRequirement> Requirements { get; set; } = new List<RuleRequirement>();
        public bool IncludeLegacy { get; set; }
        /// <summary>Also ask ARM for the cluster's outboundNetworkDependenciesEndpoints and mark each rule's origin.</summary>
        public bool IncludeServiceReported { get; set; }
        /// <summary>
        /// -Cloud given with piped clusters: the cloud of a document whose API server host does not name one (a private
        /// cluster with a custom DNS zone has no fqdn), and a contradiction when the host names another cloud.
        /// </summary>
        public AzureCloudName? StatedCloud { get; set; }
    }
}
