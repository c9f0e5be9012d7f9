using System;
using System.Collections.Generic;
using System.Net;

namespace AksEgress.Probing
{
    /// <summary>
    /// NO_PROXY as curl and AKS's httpProxyConfig read it: "*" for everything, an exact host or address, a domain
    /// with or without a leading dot (both cover its subdomains), "*.domain", or an IPv4/IPv6 CIDR block.
    /// </summary>
    internal static class NoProxyMatcher
    {
        /// <summary>The proxy a probe of <paramref name="host"/> goes through: -Proxy (with -NoProxy) wins, else the rule's cluster proxy (with its noProxy), else none.</summary>
        public static Uri? ProxyFor(ProbeOptions options, ProbePlan plan, string host)
        {
            if (options.Proxy != null) return Matches(host, options.NoProxy) ? null : options.Proxy;
            return plan.ClusterProxy != null && !Matches(host, plan.ClusterNoProxy) ? plan.ClusterProxy : null;
        }

        public static bool Matches(string host, IEnumerable<string> entries)
        {
            var name = host.Trim().TrimEnd('.');
            IPAddress? address = Planning.IpAddressText.TryParseHostLiteral(name, out var parsed) ? parsed : null;
            foreach (var raw in entries)
            {
                var entry = (raw ?? "").Trim().TrimEnd('.');
                if (entry.Length == 0)
                    continue;
                if (entry == "*")
                    return true;
                if (entry.IndexOf('/') > 0)
                {
                    if (address != null && InCidr(address, entry))
                        return true;
                    continue;
                }
                if (entry.StartsWith("*.", StringComparison.Ordinal))
                    entry = entry.Substring(1);
                var domain = entry.TrimStart('.');
                if (string.Equals(name, domain, StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
            return false;
        }

        /// <summary>An IPv4 address may arrive mapped into IPv6; the block is written in its own family.</summary>
        private static bool InCidr(IPAddress address, string cidr) =>
            Planning.IpAddressText.Within((address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString(), cidr);
    }
}
