using System.Collections.Generic;

namespace AksEgress.Export
{
    /// <summary>What the operator chose about the firewall configuration, beyond the rules themselves.</summary>
    public sealed class ExportOptions
    {
        public const int DefaultPriority = 500;
        public const string DefaultCollectionGroupName = "aks-egress";

        /// <summary>Source CIDRs or addresses (node subnets); empty means "*", which draws a warning.</summary>
        public IList<string> SourceAddresses { get; set; } = new List<string>();
        /// <summary>Source IP group resource ids, an alternative to addresses.</summary>
        public IList<string> SourceIpGroups { get; set; } = new List<string>();
        /// <summary>Rule collection group priority, 100-65000. Inside the group the network collection has priority 100 and the application collection 200.</summary>
        public int Priority { get; set; } = DefaultPriority;
        public string CollectionGroupName { get; set; } = DefaultCollectionGroupName;
        /// <summary>Replace the core public-cloud HTTPS FQDNs by the AzureKubernetesService FQDN tag.</summary>
        public bool UseFqdnTag { get; set; }
        /// <summary>
        /// The default of the deployment input that says the firewall policy has DNS proxy on. A network rule to an
        /// FQDN then allows the FQDN itself; without DNS proxy (the default) it allows any destination on the same
        /// protocol and port, since Azure refuses FQDNs in network rules of a policy without DNS proxy.
        /// </summary>
        public bool DnsProxyEnabled { get; set; }
    }
}
