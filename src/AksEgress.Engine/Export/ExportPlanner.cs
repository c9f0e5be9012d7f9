using System;
using System.Collections.Generic;
using System.Linq;
using AksEgress.Errors;
using AksEgress.Planning;

namespace AksEgress.Export
{
    /// <summary>Turns a stream of rules into one firewall configuration: checks options, merges, applies the FQDN tag.</summary>
    public static class ExportPlanner
    {
        /// <summary>
        /// Plans one export. <paramref name="deployable"/>: the output is a firewall configuration (ARM, Bicep, Terraform,
        /// az), so warn about wide sources and unfilled placeholders and hold the rules to Azure Firewall's limits. A
        /// rule that cannot be exported (<see cref="RuleLimits"/>) is left out and its error added to
        /// <paramref name="refused"/>, or to the warnings when none is given.
        /// </summary>
        public static ExportPlan Build(IEnumerable<AksEgressRule> rules, ExportOptions options, ICollection<string> warnings, bool deployable = true,
            ICollection<AksEgressInputException>? refused = null)
        {
            ValidateOptions(options);
            var unique = new List<AksEgressRule>();
            foreach (var rule in Deduplicate(rules))
            {
                var problem = RuleLimits.Problem(rule, deployable);
                if (problem == null) unique.Add(rule);
                else if (refused != null) refused.Add(problem);
                else warnings.Add(problem.Message);
            }
            var groupName = FirewallNames.Sanitize(options.CollectionGroupName);
            if (deployable && groupName != options.CollectionGroupName)
            {
                warnings.Add($"-CollectionGroupName '{FirewallText.Clean(options.CollectionGroupName)}' is written as '{groupName}': {FirewallNames.GroupNameRule}");
            }

            var expressible = new List<AksEgressRule>();
            var replaced = new Dictionary<AksEgressRule, string>();
            foreach (var rule in unique)
            {
                if (deployable && TargetFqdnWildcard.IsUnmatchable(rule))
                {
                    var named = $"Rule {rule.RuleId} ({rule.Destination} {rule.Protocol}/{rule.Port})";
                    var instead = TargetFqdnWildcard.ServiceTagInstead(rule);
                    if (instead != null)
                    {
                        warnings.Add($"{named} cannot be an application rule: {TargetFqdnWildcard.Reason}. It is exported as a network rule to the service tag {instead.Destination} on TCP {rule.Port}, the alternative the rule names ({rule.Alternatives}).");
                        replaced[instead] = $"{rule.Destination} {rule.Protocol}/{rule.Port}";
                        expressible.Add(instead);
                        continue;
                    }
                    var widened = TargetFqdnWildcard.Widened(rule.Destination);
                    warnings.Add($"{named} is left out: {TargetFqdnWildcard.Reason}. Allow the hosts it stands for by name" +
                        (widened == null ? "." : $", or the wider {widened} if that is acceptable."));
                    continue;
                }

                // Azure Firewall network rules take exact FQDNs only; a wildcard there cannot be deployed.
                if (rule.Kind == RuleKind.Network && rule.DestinationType == DestinationType.WildcardFqdn)
                {
                    warnings.Add($"Rule {rule.RuleId} ({rule.Destination} {rule.Protocol}/{rule.Port}) is left out: a firewall network rule cannot match a wildcard FQDN. Allow the service tag AzureCloud.{rule.Location} on that port instead.");
                    continue;
                }
                expressible.Add(rule);
            }

            var merged = expressible
                .GroupBy(r => (r.Kind, Destination: r.Destination.ToLowerInvariant(), r.Protocol, r.Port))
                .Select(g => new MergedRule(g.Key.Kind, g.First().Destination, g.First().DestinationType, g.Key.Protocol, g.Key.Port, g.ToList(),
                    g.Where(replaced.ContainsKey).Select(r => replaced[r]).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList()))
                .OrderBy(m => m.Destination, StringComparer.Ordinal).ThenBy(m => m.Protocol).ThenBy(m => m.Port)
                .ToList();

            var application = merged.Where(m => m.Kind == RuleKind.Application).ToList();
            var network = merged.Where(m => m.Kind == RuleKind.Network).ToList();
            var tagClusters = new List<string>();
            var usesTag = false;
            if (options.UseFqdnTag)
            {
                var covered = application.Where(CoveredByTag).ToList();
                usesTag = covered.Count > 0;
                tagClusters = covered.SelectMany(m => m.Clusters).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();
                application = application.Except(covered).ToList();
                if (!usesTag) warnings.Add("-UseFqdnTag has no effect: no core Azure public-cloud HTTPS rule is in the input.");
                if (application.Any(m => m.Features.Contains(AksFeature.Core) && m.Members.Any(r => r.Cloud != AzureCloudName.AzureCloud)))
                {
                    warnings.Add($"The {ExportPlan.FqdnTag} FQDN tag covers Azure public cloud only; the core rules of other clouds stay explicit.");
                }
            }

            var placeholders = network.Where(m => m.DestinationType == DestinationType.Placeholder).Select(m => m.Destination).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (deployable && placeholders.Count > 0)
            {
                warnings.Add($"The destinations {string.Join(" and ", placeholders)} are not known; they become parameters of the output, to be given at deployment (or fill them with Get-AksEgressRule -ApiServerAddress / -CustomDnsServer).");
            }
            var plan = new ExportPlan(unique, application, network, tagClusters, usesTag, placeholders, options, groupName);
            if (plan.HasFqdnNetworkRules) warnings.Add(deployable ? DnsProxyWarning(plan) : ExportPlan.DnsProxyNote);
            if (deployable && options.SourceAddresses.Count == 0 && options.SourceIpGroups.Count == 0)
            {
                warnings.Add("No -SourceAddress was given, so every rule allows any source ('*'). That is wide: pass the node subnet CIDRs of the cluster(s).");
            }

            return plan;
        }

        /// <summary>What the deployable file does with network rules to FQDNs, and how to choose, given the default the operator chose.</summary>
        private static string DnsProxyWarning(ExportPlan plan)
        {
            const string inputs = "its DNS proxy input (ARM and Bicep parameter dnsProxyEnabled, Terraform variable dns_proxy_enabled, az script DNS_PROXY_ENABLED)";
            var rules = $"The network rules to FQDNs ({plan.FqdnNetworkRuleList}) need DNS proxy on the Azure Firewall policy.";
            return plan.Options.DnsProxyEnabled
                ? $"{rules} With -DnsProxyEnabled, {inputs} defaults to true: they allow only the FQDN, and the deployment fails on a policy without DNS proxy. " +
                  "For such a policy set the input to false at deployment: they then allow any destination (*) on the same protocol and port."
                : $"{rules} The export deploys on any policy: {inputs} defaults to false, which allows any destination (*) on the same protocol and port in place of the FQDN. " +
                  "Where the policy has DNS proxy on, pass -DnsProxyEnabled or set the input to true at deployment to allow only the FQDN.";
        }

        /// <summary>
        /// The AzureKubernetesService tag covers the core HTTPS endpoints of Azure public cloud. A host the tag
        /// covers is covered whichever other feature also asked for it; add-on-only hosts stay explicit.
        /// </summary>
        private static bool CoveredByTag(MergedRule rule) =>
            rule.Protocol == RuleProtocol.HTTPS && rule.Features.Contains(AksFeature.Core)
            && rule.Members.All(r => r.Cloud == AzureCloudName.AzureCloud && r.Edition == CatalogEdition.Current);

        private static List<AksEgressRule> Deduplicate(IEnumerable<AksEgressRule> rules)
        {
            var seen = new HashSet<(string, string, string, RuleProtocol, int, AksFeature, string)>();
            var unique = new List<AksEgressRule>();
            foreach (var rule in rules)
            {
                if (seen.Add((rule.RuleId, rule.Destination.ToLowerInvariant(), rule.ClusterId ?? rule.ClusterName ?? "", rule.Protocol, rule.Port, rule.Feature, rule.Cloud.ToString())))
                {
                    unique.Add(rule);
                }
            }
            return unique;
        }

        /// <summary>Checks the options alone, so a host can reject them before it reads any rule.</summary>
        public static void ValidateOptions(ExportOptions options)
        {
            if (options.Priority < 100 || options.Priority > 65000)
            {
                throw new AksEgressInputException("InvalidPriority",
                    $"-Priority {options.Priority} is outside 100-65000, the range Azure Firewall accepts for a rule collection group.", options.Priority);
            }
            foreach (var source in options.SourceAddresses)
            {
                if (!IpAddressText.IsAddressCidrOrRange(source))
                {
                    var problem = IpAddressText.Problem(source);
                    throw new AksEgressInputException("InvalidSourceAddress",
                        $"-SourceAddress '{source}' is not an IP address, a CIDR such as 10.240.0.0/16, an IPv4 range such as 10.0.0.1-10.0.0.5, or '*'." +
                        (problem == null ? "" : " " + problem), source);
                }
            }
            foreach (var group in options.SourceIpGroups)
            {
                if (group == null || !group.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
                    || group.IndexOf("/providers/Microsoft.Network/ipGroups/", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    throw new AksEgressInputException("InvalidSourceIpGroup",
                        $"-SourceIpGroup '{group}' is not an IP group resource id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/ipGroups/<name>).", group);
                }
            }
            if (FirewallNames.Sanitize(options.CollectionGroupName).Length < FirewallNames.MinGroupNameLength)
            {
                throw new AksEgressInputException("InvalidCollectionGroupName",
                    $"-CollectionGroupName '{FirewallText.Clean(options.CollectionGroupName ?? "")}' cannot be made a rule collection group name: {FirewallNames.GroupNameRule} Give a name such as 'aks-egress'.",
                    options.CollectionGroupName);
            }
        }
    }
}
