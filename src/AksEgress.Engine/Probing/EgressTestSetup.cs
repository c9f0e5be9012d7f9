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
        /// <summary>
        /// Rules piped while -Location describes a cluster: the two are different questions (test these rules, or
        /// test the rules of a planned cluster), so neither is quietly dropped; the command ends before any probe.
        /// </summary>
        public static AksEgressInputException PipedRulesWithPlan() =>
            new AksEgressInputException("PipedRulesWithLocation",
                "Rules were piped to Test-AksEgress and -Location was given as well. Piped rules are tested as they are; -Location (with -Feature, " +
                "-OsSku, ...) tests the rules of a cluster described by parameters. Do one or the other: pipe the rules without -Location, or " +
                "give -Location without piping, e.g. Get-AksEgressRule -Location eastus -Feature Monitoring | Test-AksEgress.",
                "Location");

        public static ProbeOptions Options(EgressTestRequest request)
        {
            var timeout = TimeSpan.FromSeconds(request.TimeoutSec);
            ValidateNoProxy(request.NoProxy);
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

        /// <summary>
        /// -DnsServer: an IPv4 address with an optional :port, or an IPv6 address in brackets with an optional :port. An
        /// IPv6 address without brackets is refused: in "::1:5353" the last group may be a port or part of the address.
        /// </summary>
        internal static IPEndPoint DnsEndPoint(string text)
        {
            var trimmed = text.Trim();
            var port = 53;
            var host = trimmed;
            var close = trimmed.LastIndexOf(']');
            if (trimmed.StartsWith("[", StringComparison.Ordinal) && close > 0)
            {
                host = trimmed.Substring(0, close + 1);
                var rest = trimmed.Substring(close + 1);
                if (rest.Length > 0 && !(rest[0] == ':' && TryPort(rest.Substring(1), out port))) host = "";
            }
            else if (trimmed.IndexOf(':') >= 0 && trimmed.IndexOf(':') == trimmed.LastIndexOf(':') && trimmed.IndexOf('.') > 0)
            {
                var colon = trimmed.IndexOf(':');
                host = TryPort(trimmed.Substring(colon + 1), out port) ? trimmed.Substring(0, colon) : "";
            }
            else if (trimmed.IndexOf(':') >= 0 && Planning.IpAddressText.TryParse(trimmed, out _))
            {
                throw new AksEgressInputException("InvalidDnsServer",
                    $"-DnsServer '{text}' is an IPv6 address without brackets, so a port cannot be told from the address. Write [{trimmed}] for that address on port 53, or put the address in brackets and the port after them (e.g. [::1]:5353).",
                    text);
            }
            if (Planning.IpAddressText.TryParseHostLiteral(host, out var address)) return new IPEndPoint(address, port);
            var problem = Planning.IpAddressText.Problem(host.Length > 0 ? host : trimmed);
            throw new AksEgressInputException("InvalidDnsServer",
                $"-DnsServer '{text}' is not an IP address with an optional port (10.0.0.4, 10.0.0.4:5353, [fd00::4] or [fd00::4]:5353)." +
                (problem == null ? "" : " " + problem) + " Give the address of the DNS server the cluster uses.",
                text);
        }

        private static bool TryPort(string text, out int port) =>
            int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) && port > 0 && port < 65536
            && (text.Length == 1 || text[0] != '0');

        /// <summary>
        /// -NoProxy entries as NoProxyMatcher reads them: "*", a host or domain (optionally ".domain" or "*.domain"), an
        /// address, or a CIDR. A CIDR with an impossible prefix (10.0.0.0/99) or an address another tool would read
        /// differently would silently match nothing, so it is refused.
        /// </summary>
        internal static void ValidateNoProxy(IEnumerable<string> entries)
        {
            foreach (var raw in entries)
            {
                var entry = (raw ?? "").Trim();
                var name = entry.StartsWith("*.", StringComparison.Ordinal) ? entry.Substring(2) : entry.TrimStart('.');
                var valid = entry == "*"
                    || (entry.IndexOf('/') > 0 ? Planning.IpAddressText.IsAddressOrCidr(entry)
                        : Planning.IpAddressText.TryParseHostLiteral(entry, out _) || (Planning.IpAddressText.Problem(entry) == null && Planning.HostPattern.IsHostName(name.TrimEnd('.'))));
                if (!valid)
                {
                    var problem = Planning.IpAddressText.Problem(entry);
                    throw new AksEgressInputException("InvalidNoProxy",
                        $"-NoProxy '{raw}' is not a host, domain (.example.com or *.example.com), IP address, CIDR (e.g. 10.0.0.0/8) or '*'." +
                        (problem == null ? "" : " " + problem),
                        raw);
                }
            }
        }

        private static Uri ProxyUri(string text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.Port > 0 && string.IsNullOrEmpty(uri.UserInfo))
            {
                return uri;
            }
            // The address is shown, and kept as the error's target, without a user name or password it may hold.
            var shown = Planning.ClusterProxyColumns.WithoutCredentials(text) ?? "";
            throw new AksEgressInputException("InvalidProxy",
                $"-Proxy '{shown}' is not an http://host:port proxy address (credentials in the address are not supported). Give the proxy as the cluster's httpProxyConfig names it, e.g. http://10.0.0.10:3128.",
                shown);
        }
    }
}
