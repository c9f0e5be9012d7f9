using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using AksEgress.Catalog;
using AksEgress.Errors;
using AksEgress.Probing.Dns;

namespace AksEgress.Probing
{
    /// <summary>What Test-AksEgress was asked: bounds, resolver, proxy. Checked before any probe runs.</summary>
    public sealed class EgressTestRequest
    {
        public int TimeoutSec { get; set; } = 5;
        public int ThrottleLimit { get; set; } = 16;
        /// <summary>-DnsServer: an IP address, optionally with :port ([v6]:port for IPv6).</summary>
        public string? DnsServer { get; set; }
        /// <summary>-Proxy: http://host:port.</summary>
        public string? Proxy { get; set; }
        public IList<string> NoProxy { get; set; } = new List<string>();
        /// <summary>Whether rules that carry their cluster's httpProxyConfig are probed through it (not with -IgnoreClusterProxy).</summary>
        public bool UseClusterProxy { get; set; } = true;
    }

    /// <summary>Turns the request into probe options and the rules into probe plans.</summary>
    public static class EgressTestSetup
    {
        public static ProbeOptions Options(EgressTestRequest request)
        {
            var timeout = TimeSpan.FromSeconds(request.TimeoutSec);
            var options = new ProbeOptions { Timeout = timeout, NoProxy = new List<string>(request.NoProxy), UseClusterProxy = request.UseClusterProxy };
            options.Resolver = request.DnsServer == null ? (IHostResolver)SystemResolver.Instance : new DnsServerResolver(DnsEndPoint(request.DnsServer), timeout);
            if (request.Proxy != null) options.Proxy = ProxyUri(request.Proxy);
            return options;
        }

        /// <summary>
        /// One plan per rule. The API server host of a cluster is taken from its own API-server rule when that names
        /// the exact host (a live or piped cluster), so the *.hcp wildcard is probed through it.
        /// </summary>
        public static IReadOnlyList<PlannedProbe> Plan(IReadOnlyList<AksEgressRule> rules, RuleCatalog catalog) =>
            Plan(rules, catalog, new ProbeOptions { UseClusterProxy = false });

        /// <summary>As above; <paramref name="options"/> says whether a rule's cluster proxy applies (no -Proxy, no -IgnoreClusterProxy).</summary>
        public static IReadOnlyList<PlannedProbe> Plan(IReadOnlyList<AksEgressRule> rules, RuleCatalog catalog, ProbeOptions options)
        {
            var index = ProbeCatalogIndex.Of(catalog);
            var apiHosts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in rules)
            {
                if (index.IsApiServerRule(rule.RuleId) && !rule.Destination.StartsWith("*", StringComparison.Ordinal))
                {
                    apiHosts[ClusterKey(rule)] = rule.Destination;
                }
            }
            return rules.Select(rule =>
            {
                apiHosts.TryGetValue(ClusterKey(rule), out var apiHost);
                var context = new ProbePlanContext { ApiServerHost = apiHost, Catalog = catalog };
                return new PlannedProbe(rule, ClusterProxyRoute.Apply(ProbePlanner.Plan(rule, context), rule, options));
            }).ToList();
        }

        private static string ClusterKey(AksEgressRule rule) => rule.ClusterId ?? rule.ClusterName ?? "";

        private static IPEndPoint DnsEndPoint(string text)
        {
            if (IPAddress.TryParse(text, out var bare)) return new IPEndPoint(bare, 53);
            var colon = text.LastIndexOf(':');
            if (colon > 0 && int.TryParse(text.Substring(colon + 1), out var port) && port > 0 && port < 65536
                && IPAddress.TryParse(text.Substring(0, colon).Trim('[', ']'), out var address))
            {
                return new IPEndPoint(address, port);
            }
            throw new AksEgressInputException("InvalidDnsServer",
                $"-DnsServer '{text}' is not an IP address (optionally with :port, [v6]:port for IPv6). Give the address of the DNS server the cluster uses, e.g. 10.0.0.4.",
                text);
        }

        private static Uri ProxyUri(string text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.Port > 0 && string.IsNullOrEmpty(uri.UserInfo))
            {
                return uri;
            }
            throw new AksEgressInputException("InvalidProxy",
                $"-Proxy '{text}' is not an http://host:port proxy address (credentials in the address are not supported). Give the proxy as the cluster's httpProxyConfig names it, e.g. http://10.0.0.10:3128.",
                text);
        }
    }
}
