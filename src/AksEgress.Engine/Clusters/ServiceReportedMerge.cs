using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using AksEgress.Planning;

namespace AksEgress.Clusters
{
    /// <summary>
    /// Puts the endpoints the AKS service reports for a cluster (outboundNetworkDependenciesEndpoints) next to the
    /// rules derived from the catalog: each derived rule says whether the service reports it too, and every
    /// reported endpoint the catalog lacks becomes a rule of its own. Nothing is dropped.
    /// <para>
    /// A rule and an endpoint match when the ports are equal, the protocols are compatible (the service's Https or
    /// Http: an HTTP or HTTPS application rule, or a TCP network rule, on that port; TCP: TCP; UDP: UDP) and the
    /// hosts match case-insensitively: equal, or one is a wildcard that covers the other (a concrete host under
    /// <c>*.suffix</c>, or a narrower wildcard such as <c>*.hcp.eastus.azmk8s.io</c> under <c>*.azmk8s.io</c>).
    /// Only FQDN and wildcard-FQDN rules match a domain; service tags, IP addresses, placeholders and "*" never do.
    /// An endpoint the service gives by IP address alone matches an IP rule with that address (or a CIDR holding it).
    /// </para>
    /// </summary>
    public static class ServiceReportedMerge
    {
        /// <summary>
        /// The derived rules, copied and in their order, with Origin CatalogAndService where the service reports a
        /// matching endpoint (the others keep their Origin, normally Catalog); then one rule with Origin Service for
        /// each distinct (host, port, protocol) the service reports that no derived rule matches, in the order the
        /// service first reports it. The inputs are not changed.
        /// </summary>
        public static IReadOnlyList<AksEgressRule> Merge(IReadOnlyList<AksEgressRule> derived, IReadOnlyList<ServiceEndpoint> reported, ServiceMergeContext context)
        {
            if (derived == null) throw new ArgumentNullException(nameof(derived));
            if (reported == null) throw new ArgumentNullException(nameof(reported));
            if (context == null) throw new ArgumentNullException(nameof(context));

            var matched = new bool[derived.Count];
            var inCatalog = new List<(AksEgressRule Rule, List<Reported> Reports)>();
            var groups = new List<List<Reported>>();
            var index = new Dictionary<(string Host, int Port, RuleProtocol Protocol), List<Reported>>();

            foreach (var endpoint in reported)
            {
                var item = new Reported(endpoint);
                // An endpoint with neither a domain nor an address names nothing a firewall could allow.
                if (item.Destination.Length == 0) continue;

                var any = false;
                for (var i = 0; i < derived.Count; i++)
                {
                    if (Matches(derived[i], item))
                    {
                        matched[i] = true;
                        any = true;
                    }
                }
                if (any) continue;

                // Not derived for this cluster, but maybe in the catalog under another feature (a GPU or Windows pool
                // row, a legacy row): then it is that rule, not an unknown endpoint.
                var catalogRule = context.CatalogRules.FirstOrDefault(r => Matches(r, item));
                if (catalogRule != null)
                {
                    var known = inCatalog.FindIndex(c => ReferenceEquals(c.Rule, catalogRule));
                    if (known < 0) inCatalog.Add((catalogRule, new List<Reported> { item }));
                    else inCatalog[known].Reports.Add(item);
                    continue;
                }

                var key = (item.Host, endpoint.Port, item.RuleProtocol);
                if (!index.TryGetValue(key, out var group))
                {
                    group = new List<Reported>();
                    index.Add(key, group);
                    groups.Add(group);
                }
                group.Add(item);
            }

            var result = new List<AksEgressRule>(derived.Count + groups.Count);
            for (var i = 0; i < derived.Count; i++)
            {
                var copy = derived[i].Copy();
                if (matched[i]) copy.Origin = RuleOrigin.CatalogAndService;
                result.Add(copy);
            }

            result.AddRange(inCatalog.Select(c => FromCatalog(c.Rule, c.Reports, context)));
            var added = groups.Select(g => ToRule(g, context)).ToList();
            // Two reported protocols on the same host and port of the same category would share a RuleId; the
            // protocol tells them apart, so (RuleId, Destination) still names one rule.
            foreach (var clash in added.GroupBy(r => r.RuleId, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                foreach (var rule in clash) rule.RuleId += "/" + rule.Protocol.ToString().ToLowerInvariant();
            }
            result.AddRange(added);
            return result;
        }

        /// <summary>Whether the derived rule and the reported endpoint name the same thing (see the class summary).</summary>
        private static bool Matches(AksEgressRule rule, Reported endpoint)
        {
            // A detail without a port (or a domain listed without details) says nothing about the port: the host decides.
            if (endpoint.Endpoint.Port != 0 && rule.Port != endpoint.Endpoint.Port) return false;
            if (!ProtocolsCompatible(rule, endpoint.Protocol)) return false;

            if (endpoint.IsDomain)
            {
                if (rule.DestinationType != DestinationType.Fqdn && rule.DestinationType != DestinationType.WildcardFqdn) return false;
                return HostsMatch(NormaliseHost(rule.Destination), endpoint.Host);
            }
            return rule.DestinationType == DestinationType.IpAddress && IpAddressText.Within(endpoint.Host, rule.Destination);
        }

        private static bool ProtocolsCompatible(AksEgressRule rule, ReportedProtocol reported)
        {
            switch (reported)
            {
                case ReportedProtocol.Https:
                case ReportedProtocol.Http:
                    return rule.Kind == RuleKind.Application
                        ? rule.Protocol == RuleProtocol.HTTPS || rule.Protocol == RuleProtocol.HTTP
                        : rule.Protocol == RuleProtocol.TCP;
                case ReportedProtocol.Udp:
                    return rule.Protocol == RuleProtocol.UDP;
                case ReportedProtocol.None:
                    return true; // the service named no protocol: any rule to the host on the port will do
                default:
                    return rule.Protocol == RuleProtocol.TCP; // TCP, and an unknown protocol, which is listed as TCP
            }
        }

        /// <summary>Equal, or one is a wildcard covering the other. Both lower-case, without a trailing dot.</summary>
        private static bool HostsMatch(string a, string b) =>
            a.Length > 0 && b.Length > 0 && (a == b || Covers(a, b) || Covers(b, a));

        /// <summary>
        /// Whether the wildcard <paramref name="pattern"/> covers <paramref name="host"/> ('*' stands for one or more
        /// characters, dots included). A '*' in <paramref name="host"/> is matched as text, so a narrower wildcard is
        /// covered only when every host it stands for is.
        /// </summary>
        private static bool Covers(string pattern, string host) => pattern.IndexOf('*') >= 0 && HostPattern.Covers(pattern, host);

        private static string NormaliseHost(string? host) => (host ?? "").Trim().TrimEnd('.').ToLowerInvariant();

        /// <summary>
        /// A catalog rule the service reports though it was not derived for this cluster: the catalog's own row (feature,
        /// requirement, purpose, source), saying that the service reports it and whether the cluster was seen to have
        /// the feature it belongs to.
        /// </summary>
        private static AksEgressRule FromCatalog(AksEgressRule catalogRule, List<Reported> reports, ServiceMergeContext context)
        {
            var rule = catalogRule.Copy();
            rule.ClusterName = context.ClusterName;
            rule.ClusterId = context.ClusterId;
            rule.Origin = RuleOrigin.CatalogAndService;
            var categories = reports.Select(r => r.Endpoint.Category?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var reported = $"Reported by the AKS service for this cluster ({(categories.Count == 0 ? "no category" : string.Join(", ", categories))}).";
            var feature = Planning.FeatureText.Of(rule.Feature);
            var why = context.ClusterFeatures.Contains(rule.Feature)
                ? $" The catalog lists it for {rule.Feature} ({rule.Requirement}, {(rule.Edition == CatalogEdition.Legacy2020 ? "2020 edition" : "current edition")}); this cluster has {feature}, but the rule was left out by this command's options (-Requirement, -IncludeLegacy)."
                : $" The catalog lists it for {rule.Feature}, and this cluster was not seen to have {feature}; AKS reports it anyway, so check whether the cluster has {feature} (or is adding one).";
            rule.Condition = (rule.Condition.Length == 0 ? "" : rule.Condition + " ") + reported + why;
            context.ClusterProxy?.StampOn(rule);
            return rule;
        }

        private static AksEgressRule ToRule(List<Reported> group, ServiceMergeContext context)
        {
            var first = group[0];
            var categories = group.Select(r => r.Endpoint.Category?.Trim() ?? "").Where(c => c.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var categoryList = categories.Count == 0 ? "no category" : string.Join(", ", categories);
            var categoryText = categories.Count == 0 ? "no category" : (categories.Count == 1 ? "category " : "categories ") + categoryList;
            var descriptions = group.Select(r => r.Endpoint.Description?.Trim() ?? "").Where(d => d.Length > 0)
                .Distinct(StringComparer.Ordinal).ToList();

            var condition = $"Reported by the AKS service for this cluster ({categoryText}); not in the catalog.";
            foreach (var unknown in group.Where(r => r.Protocol == ReportedProtocol.Unknown).Select(r => r.Endpoint.Protocol.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                condition += $" The service gives the protocol as '{unknown}', which is not HTTP, HTTPS, TCP or UDP; the rule is listed as TCP.";
            }
            if (group.Any(r => r.Protocol == ReportedProtocol.None))
            {
                condition += " The service gives no protocol; the rule is listed as TCP.";
            }
            if (first.Endpoint.Port == 0)
            {
                condition += " The service gives no port; find out which port it needs before allowing it.";
            }

            var port = first.Endpoint.Port;
            var ruleId = $"service/{(categories.Count == 0 ? "uncategorized" : categories[0])}/{first.Destination}:{port.ToString(CultureInfo.InvariantCulture)}";
            var rule = new AksEgressRule
            {
                RuleId = ruleId.ToLowerInvariant(),
                Edition = CatalogEdition.Current,
                Cloud = context.Cloud,
                Location = context.Location ?? "",
                ClusterName = context.ClusterName,
                ClusterId = context.ClusterId,
                Feature = AksFeature.Core,
                Kind = first.RuleProtocol == RuleProtocol.HTTPS || first.RuleProtocol == RuleProtocol.HTTP ? RuleKind.Application : RuleKind.Network,
                Destination = first.Destination,
                DestinationType = DestinationTypeText.Infer(first.Destination),
                Protocol = first.RuleProtocol,
                Port = port,
                Requirement = RuleRequirement.Required,
                Condition = condition,
                Alternatives = "",
                Purpose = descriptions.Count > 0 ? string.Join("; ", descriptions) : "Reported by AKS: " + categoryList,
                PurposeKo = "AKS 서비스가 보고한 엔드포인트: " + (categories.Count == 0 ? "분류 없음" : categoryList),
                DestinationTemplate = first.Destination,
                Source = $"service: outboundNetworkDependenciesEndpoints ({categoryList})",
                Origin = RuleOrigin.Service,
            };
            context.ClusterProxy?.StampOn(rule);
            return rule;
        }

        private enum ReportedProtocol
        {
            None,
            Https,
            Http,
            Tcp,
            Udp,
            Unknown,
        }

        /// <summary>A reported endpoint with what the merge needs worked out once.</summary>
        private sealed class Reported
        {
            public Reported(ServiceEndpoint endpoint)
            {
                Endpoint = endpoint;
                var domain = (endpoint.DomainName ?? "").Trim();
                IsDomain = domain.Length > 0;
                Destination = IsDomain ? domain : (endpoint.IpAddress ?? "").Trim();
                Host = IsDomain ? NormaliseHost(domain) : Destination.ToLowerInvariant();
                Protocol = Parse(endpoint.Protocol);
                RuleProtocol = Protocol switch
                {
                    ReportedProtocol.Https => RuleProtocol.HTTPS,
                    ReportedProtocol.Http => RuleProtocol.HTTP,
                    ReportedProtocol.Udp => RuleProtocol.UDP,
                    _ => RuleProtocol.TCP,
                };
            }

            public ServiceEndpoint Endpoint { get; }
            public bool IsDomain { get; }
            /// <summary>The domain as reported (trimmed), else the IP address.</summary>
            public string Destination { get; }
            /// <summary>The destination for comparing: lower-case, a domain without a trailing dot.</summary>
            public string Host { get; }
            public ReportedProtocol Protocol { get; }
            public RuleProtocol RuleProtocol { get; }

            private static ReportedProtocol Parse(string? text)
            {
                var trimmed = (text ?? "").Trim();
                if (trimmed.Length == 0) return ReportedProtocol.None;
                if (string.Equals(trimmed, "Https", StringComparison.OrdinalIgnoreCase)) return ReportedProtocol.Https;
                if (string.Equals(trimmed, "Http", StringComparison.OrdinalIgnoreCase)) return ReportedProtocol.Http;
                if (string.Equals(trimmed, "TCP", StringComparison.OrdinalIgnoreCase)) return ReportedProtocol.Tcp;
                if (string.Equals(trimmed, "UDP", StringComparison.OrdinalIgnoreCase)) return ReportedProtocol.Udp;
                return ReportedProtocol.Unknown;
            }
        }
    }
}
