using System.Collections.Generic;
using AksEgress.Catalog;

namespace AksEgress.Probing
{
    /// <summary>What the probe planner knows beyond the rule itself: the cluster's API server and addresses the operator gave.</summary>
    public sealed class ProbePlanContext
    {
        /// <summary>The cluster's exact API server FQDN (aks1-dns-1a2b3c4d.hcp.eastus.azmk8s.io) when known; it stands for the *.hcp wildcard.</summary>
        public string? ApiServerHost { get; set; }

        /// <summary>
        /// Addresses for destinations that are not one host: a placeholder ("APIServerPublicIP" → "20.1.2.3",
        /// "CustomDnsIP" → "10.0.0.4"), a service tag or "*". The rules that accept the API server's public IP in place
        /// of a service tag use the "APIServerPublicIP" entry. Null or missing: such rules are skipped, with the reason.
        /// </summary>
        public IReadOnlyDictionary<string, string>? KnownAddresses { get; set; }

        /// <summary>The catalog a rule's RuleId is looked up in, for its representative host.</summary>
        public RuleCatalog Catalog { get; set; } = RuleCatalog.Default;
    }
}
