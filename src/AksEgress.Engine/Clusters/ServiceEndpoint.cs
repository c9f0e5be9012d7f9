namespace AksEgress.Clusters
{
    /// <summary>
    /// One endpoint the AKS service reports a cluster needs to reach (outboundNetworkDependenciesEndpoints): one
    /// endpoint detail of one domain of one category, flattened. Values are as the service wrote them, trimmed.
    /// </summary>
    public sealed class ServiceEndpoint
    {
        /// <summary>The service's category, for example "azure-resource-management" or "images"; empty when absent.</summary>
        public string Category { get; set; } = "";
        /// <summary>The host, possibly a wildcard such as "*.data.mcr.microsoft.com"; empty when the service gave only an address.</summary>
        public string DomainName { get; set; } = "";
        /// <summary>The port; 0 when the service listed the domain without any endpoint detail (or without a port).</summary>
        public int Port { get; set; }
        /// <summary>The protocol as written: Https, Http, TCP or UDP are known; empty when absent.</summary>
        public string Protocol { get; set; } = "";
        /// <summary>The service's description of the endpoint, when it gives one.</summary>
        public string? Description { get; set; }
        /// <summary>An IP address the service gives for the endpoint, when it gives one.</summary>
        public string? IpAddress { get; set; }

        public override string ToString() => $"{Category} {(DomainName.Length > 0 ? DomainName : IpAddress)} {Protocol}/{Port}";
    }
}
