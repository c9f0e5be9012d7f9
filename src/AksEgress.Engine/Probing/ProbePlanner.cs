using System;
using System.Collections.Generic;
using System.Net.Sockets;
using AksEgress.Catalog;
using AksEgress.Planning;

namespace AksEgress.Probing
{
    /// <summary>
    /// Decides how one rule is probed: the kind of probe by protocol and port, and the concrete host for its
    /// destination (a wildcard's representative, a placeholder's or service tag's known address), or why it is
    /// skipped. Pure: no DNS, no network, the same answer for the same rule and context.
    /// </summary>
    public static class ProbePlanner
    {
        private const int NtpPort = 123;
        private const int DnsPort = 53;
        private const int TunnelPort = 1194;

        public static ProbePlan Plan(AksEgressRule rule, ProbePlanContext context)
        {
            if (rule == null) throw new ArgumentNullException(nameof(rule));
            if (context == null) throw new ArgumentNullException(nameof(context));

            var port = rule.Port;
            if (port < 1 || port > 65535) return Skip(rule, $"port {port} is not a port from 1 to 65535.");
            var kind = KindOf(rule, out var notProbed);
            if (kind == null) return Skip(rule, notProbed!);

            var destination = (rule.Destination ?? "").Trim();
            if (destination.Length == 0) return Skip(rule, "the rule names no destination.");
            var index = ProbeCatalogIndex.Of(context.Catalog ?? RuleCatalog.Default);
            var (host, reason) = Target(rule, destination, context, index);
            if (host == null) return Skip(rule, reason!);

            if (kind == ProbeKind.Dns && !IpAddressText.TryParse(host, out _))
            {
                return Skip(rule, $"UDP 53 is probed with a DNS query sent to the DNS server's address; {host} is a host name, not an address: give the server's IP.");
            }
            return new ProbePlan { Kind = kind.Value, Host = host, Port = port };
        }

        /// <summary>The probe for the rule's protocol and port; null (with the reason) for UDP that no probe can confirm.</summary>
        private static ProbeKind? KindOf(AksEgressRule rule, out string? notProbed)
        {
            notProbed = null;
            switch (rule.Protocol)
            {
                case RuleProtocol.HTTPS: return ProbeKind.Https;
                case RuleProtocol.HTTP: return ProbeKind.Http;
                case RuleProtocol.TCP: return ProbeKind.Tcp;
                case RuleProtocol.UDP:
                    if (rule.Port == NtpPort) return ProbeKind.Ntp;
                    if (rule.Port == DnsPort) return ProbeKind.Dns;
                    notProbed = rule.Port == TunnelPort
                        ? "UDP 1194 cannot be confirmed without a cooperating peer (the tunnel endpoint); check it with the cluster's own tunnel status (the aks-link or tunnelfront pods in kube-system)."
                        : $"UDP {rule.Port} cannot be confirmed without a cooperating peer at the destination; check it from the workload that uses it.";
                    return null;
                default:
                    notProbed = $"protocol {rule.Protocol} cannot be probed.";
                    return null;
            }
        }

        /// <summary>The concrete host or address to probe, or null and why there is none.</summary>
        private static (string? Host, string? Reason) Target(AksEgressRule rule, string destination, ProbePlanContext context, ProbeCatalogIndex index)
        {
            var entry = index.Find(rule.RuleId);
            switch (TypeOf(rule, destination))
            {
                case DestinationType.Any:
                    return Known(context, destination, rule.DestinationTemplate)
                        ?? (null, $"the destination * allows every address on {rule.Protocol} {rule.Port}; no one host's probe would confirm it.");
                case DestinationType.ServiceTag:
                    return ServiceTag(rule, destination, entry, context);
                case DestinationType.Placeholder:
                    return Known(context, destination, rule.DestinationTemplate) ?? (null, Unfilled(destination));
                case DestinationType.IpAddress:
                    return Address(rule, destination, context);
                case DestinationType.WildcardFqdn:
                    return Representative(rule, destination, entry, context, index);
                default:
                    var host = HostPattern.IsHostName(destination) ? destination : HostPattern.Fill(destination, rule.Location);
                    return host != null && HostPattern.IsHostName(host)
                        ? (host, null)
                        : (null, $"{destination} is not a host name that can be probed.");
            }
        }

        /// <summary>The rule's own type, except that a '*' in a host name always makes it a wildcard (a hand-edited CSV).</summary>
        private static DestinationType TypeOf(AksEgressRule rule, string destination)
        {
            if (destination == "*") return DestinationType.Any;
            if (rule.DestinationType == DestinationType.Fqdn && destination.IndexOf('*') >= 0) return DestinationType.WildcardFqdn;
            return rule.DestinationType;
        }

        private static (string?, string?) ServiceTag(AksEgressRule rule, string tag, CatalogEntry? entry, ProbePlanContext context)
        {
            var known = Known(context, tag, rule.DestinationTemplate);
            if (known != null) return known.Value;
            // The tunnel rows accept the API server's public IP instead of the region's service tag: the tightest choice.
            var acceptsApiServerIp = (entry?.PrefersApiServerAddress ?? false)
                || (rule.Alternatives ?? "").IndexOf(Placeholders.ApiServerPublicIp, StringComparison.Ordinal) >= 0;
            if (acceptsApiServerIp)
            {
                return Known(context, Placeholders.ApiServerPublicIp)
                    ?? (null, $"service tag {tag} names many addresses, so no one probe confirms it; the rule also accepts the API server's public IP: pass -ApiServerAddress to probe that address.");
            }
            return (null, $"service tag {tag} names many addresses and none of them is known here, so no one probe confirms it.");
        }

        private static string Unfilled(string placeholder)
        {
            switch (placeholder)
            {
                case Placeholders.ApiServerPublicIp: return $"placeholder {placeholder} is not filled: pass -ApiServerAddress with the API server's public IP.";
                case Placeholders.CustomDnsIp: return $"placeholder {placeholder} is not filled: pass -CustomDnsServer with the DNS server IPs of the cluster's virtual network.";
                default: return $"placeholder {placeholder} is not filled: replace it with the real destination.";
            }
        }

        /// <summary>A single address is probed; a range is not, unless an address of it is known.</summary>
        private static (string?, string?) Address(AksEgressRule rule, string destination, ProbePlanContext context)
        {
            var slash = destination.IndexOf('/');
            if (slash < 0)
            {
                return IpAddressText.TryParse(destination, out _) ? (destination, null) : ((string?)null, $"{destination} is not an IP address.");
            }
            if (!IpAddressText.IsAddressOrCidr(destination)) return (null, $"{destination} is not an IP address or range.");
            var address = destination.Substring(0, slash);
            IpAddressText.TryParse(address, out var parsed);
            var full = parsed.AddressFamily == AddressFamily.InterNetwork ? "32" : "128";
            if (destination.Substring(slash + 1).TrimStart('0') == full) return (address, null);
            return Known(context, destination, rule.DestinationTemplate)
                ?? (null, $"{destination} is a range; a range cannot be probed as one host: probe an address of it that the cluster uses.");
        }

        /// <summary>
        /// The concrete host a wildcard is probed through: the cluster's API server for the API server wildcard, else the
        /// catalog's documented representative. The host must be covered by the wildcard, or the probe would test another rule.
        /// </summary>
        private static (string?, string?) Representative(AksEgressRule rule, string wildcard, CatalogEntry? entry, ProbePlanContext context, ProbeCatalogIndex index)
        {
            if ((entry?.IsApiServerHost ?? false) || IsApiServerWildcard(rule, wildcard, index))
            {
                var apiServer = (context.ApiServerHost ?? "").Trim();
                if (apiServer.Length == 0)
                {
                    return (null, $"no representative host is known for wildcard {wildcard}: it stands for each cluster's own API server; give the cluster's API server FQDN (-ApiServerFqdn) to probe it.");
                }
                if (!HostPattern.IsHostName(apiServer)) return (null, $"the API server host '{apiServer}' is not a host name.");
                return HostPattern.Covers(wildcard, apiServer)
                    ? (apiServer, null)
                    : ((string?)null, $"the cluster's API server host {apiServer} is not covered by {wildcard}; check the rule's region and cloud.");
            }

            var row = SameWildcard(entry, rule, wildcard) && entry!.ProbeHostTemplate != null ? entry : FindRepresentativeRow(rule, wildcard, index);
            if (row == null)
            {
                return (null, $"no representative host is known for wildcard {wildcard}; probe a concrete host of yours under it by giving that host as the rule's destination.");
            }
            var template = row.ProbeHostTemplate!;
            var host = HostPattern.Fill(template, rule.Location);
            if (host == null) return (null, $"the representative host of {wildcard}, {template}, needs the rule's region, and the rule names none.");
            return HostPattern.IsHostName(host) && HostPattern.Covers(wildcard, host)
                ? (host, null)
                : ((string?)null, $"the catalog's representative host {host} is not covered by {wildcard}, so it cannot stand for it.");
        }

        private static bool IsApiServerWildcard(AksEgressRule rule, string wildcard, ProbeCatalogIndex index)
        {
            foreach (var template in index.ApiServerTemplates)
            {
                if (Matches(template, rule, wildcard)) return true;
            }
            return false;
        }

        /// <summary>A catalog row with a representative whose wildcard is this rule's (a rule whose RuleId the catalog does not know).</summary>
        private static CatalogEntry? FindRepresentativeRow(AksEgressRule rule, string wildcard, ProbeCatalogIndex index)
        {
            foreach (var row in index.WithProbeHost)
            {
                if (Matches(row.DestinationTemplate, rule, wildcard)) return row;
            }
            return null;
        }

        private static bool SameWildcard(CatalogEntry? entry, AksEgressRule rule, string wildcard) =>
            entry != null && Matches(entry.DestinationTemplate, rule, wildcard);

        /// <summary>True when the rule's destination is the catalog template, filled for the rule's region.</summary>
        private static bool Matches(string template, AksEgressRule rule, string wildcard)
        {
            var filled = HostPattern.Fill(template, rule.Location);
            return filled != null && string.Equals(filled, wildcard, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A known address for the first of <paramref name="keys"/> that has one; an entry that is not an IP address is a skip reason.</summary>
        private static (string? Host, string? Reason)? Known(ProbePlanContext context, params string?[] keys)
        {
            var known = context.KnownAddresses;
            if (known == null || known.Count == 0) return null;
            foreach (var key in keys)
            {
                if (string.IsNullOrEmpty(key)) continue;
                var value = Lookup(known, key!);
                if (value == null) continue;
                var address = value.Trim();
                return IpAddressText.TryParse(address, out _)
                    ? (address, null)
                    : ((string?)null, $"the address given for {key}, '{value}', is not an IP address.");
            }
            return null;
        }

        /// <summary>The exact key first; then keys that differ only in case, the ordinally first of them so the answer never depends on order.</summary>
        private static string? Lookup(IReadOnlyDictionary<string, string> known, string key)
        {
            if (known.TryGetValue(key, out var exact)) return exact;
            string? bestKey = null, best = null;
            foreach (var pair in known)
            {
                if (pair.Key != null && string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)
                    && (bestKey == null || string.CompareOrdinal(pair.Key, bestKey) < 0))
                {
                    bestKey = pair.Key;
                    best = pair.Value;
                }
            }
            return best;
        }

        private static ProbePlan Skip(AksEgressRule rule, string reason) =>
            new ProbePlan { Kind = ProbeKind.Skip, Port = rule.Port, SkipReason = reason };
    }
}
