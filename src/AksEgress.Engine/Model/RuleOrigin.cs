namespace AksEgress
{
    /// <summary>
    /// Where a rule comes from when the AKS service's own list of a cluster's outbound dependencies
    /// (the outboundNetworkDependenciesEndpoints ARM API, <c>-IncludeServiceReported</c>) is compared with the catalog.
    /// </summary>
    public enum RuleOrigin
    {
        /// <summary>The catalog lists the rule; the service did not report it (or was not asked). The default.</summary>
        Catalog,
        /// <summary>Only the service reports it: the catalog has no rule for that host, port and protocol.</summary>
        Service,
        /// <summary>The catalog lists the rule and the service reports a matching endpoint.</summary>
        CatalogAndService,
    }
}
