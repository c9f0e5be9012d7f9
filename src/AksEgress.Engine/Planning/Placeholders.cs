namespace AksEgress.Planning
{
    /// <summary>Destinations only the operator knows, and the parameter that fills each.</summary>
    public static class Placeholders
    {
        public const string ApiServerPublicIp = "APIServerPublicIP";
        public const string CustomDnsIp = "CustomDnsIP";

        /// <summary>How to fill a placeholder, for the warning written when it stays unfilled.</summary>
        public static string HowToFill(string placeholder)
        {
            switch (placeholder)
            {
                case ApiServerPublicIp:
                    return "pass -ApiServerAddress with the API server's public IP (for example from Resolve-DnsName on the cluster's API server FQDN) to fill it; it matters only if pods reach the API server by IP.";
                case CustomDnsIp:
                    return "pass -CustomDnsServer with the DNS server IPs of the cluster's virtual network to fill it; it matters only when the virtual network uses custom DNS servers.";
                default:
                    return "replace it with the real destination before deploying the rule.";
            }
        }
    }
}
