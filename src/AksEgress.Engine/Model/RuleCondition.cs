namespace AksEgress
{
    /// <summary>
    /// When a rule applies. Some of these filter the rule set (private cluster, tunnel), the others are
    /// facts the operator must judge and are carried into the rule's Condition text.
    /// </summary>
    public enum RuleCondition
    {
        /// <summary>Not needed when the API server is private.</summary>
        NotPrivateCluster,
        /// <summary>Only for clusters that still use the tunnel (no konnectivity agent); added by -LegacyTunnel.</summary>
        TunnelOnly,
        /// <summary>Only when the cluster's virtual network uses custom DNS servers.</summary>
        CustomDnsOnly,
        /// <summary>Only when pods or deployments reach the API server by its IP address.</summary>
        PodsUseApiServerIp,
        /// <summary>Only for Linux nodes provisioned before March 2021.</summary>
        NodesBeforeMarch2021,
        /// <summary>Only for marketplace cluster extensions.</summary>
        MarketplaceExtensionsOnly,
        /// <summary>Azure Monitor's first option: the AzureMonitor service tag, in place of its FQDN rules.</summary>
        AzureMonitorServiceTagOption,
        /// <summary>Azure Monitor's second option: its FQDN/application rules, in place of the service tag.</summary>
        AzureMonitorFqdnOption,
    }
}
