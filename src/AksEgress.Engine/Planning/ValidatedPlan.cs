using System;
using System.Collections.Generic;
using System.Linq;
using AksEgress.Errors;
using AksEgress.Regions;

namespace AksEgress.Planning
{
    /// <summary>A RulePlan whose values were checked and put in canonical form.</summary>
    internal sealed class ValidatedPlan
    {
        private static readonly RuleRequirement[] DefaultRequirements = { RuleRequirement.Required, RuleRequirement.Recommended };

        private ValidatedPlan(RulePlan plan, string location)
        {
            Source = plan;
            Location = location;
        }

        public RulePlan Source { get; }
        public string Location { get; }
        public HashSet<AksFeature> Features { get; private set; } = new HashSet<AksFeature>();
        public HashSet<RuleRequirement> Requirements { get; private set; } = new HashSet<RuleRequirement>();
        public string? ApiServerFqdn { get; private set; }
        public string? ApiServerAddress { get; private set; }
        public IReadOnlyList<string> CustomDnsServers { get; private set; } = new string[0];

        public static ValidatedPlan From(RulePlan plan, RegionDirectory regions)
        {
            var validated = new ValidatedPlan(plan, ResolveLocation(plan, regions))
            {
                ApiServerFqdn = ValidateHost(plan.ApiServerFqdn),
                ApiServerAddress = plan.ApiServerAddress == null ? null : ParseAddress(plan.ApiServerAddress, "InvalidApiServerAddress", "-ApiServerAddress"),
                CustomDnsServers = plan.CustomDnsServers
                    .Select(s => ParseAddress(s, "InvalidCustomDnsServer", "-CustomDnsServer"))
                    .Distinct(StringComparer.Ordinal)
                    .ToArray(),
                Requirements = new HashSet<RuleRequirement>(plan.Requirements.Count == 0 ? DefaultRequirements : plan.Requirements),
                Features = new HashSet<AksFeature>(plan.Features) { AksFeature.Core },
            };
            if (plan.OsSku == LinuxOsSku.Ubuntu) validated.Features.Add(AksFeature.UbuntuUpdates);
            return validated;
        }

        private static string ResolveLocation(RulePlan plan, RegionDirectory regions)
        {
            if (string.IsNullOrWhiteSpace(plan.Location))
            {
                throw new AksEgressInputException("LocationMissing",
                    "No location was given. Pass -Location with the cluster's Azure region, for example 'koreacentral'.", plan.Location);
            }

            var found = regions.Find(plan.Cloud, plan.Location);
            if (found != null) return found;

            var elsewhere = regions.CloudsWith(plan.Location).ToList();
            var hint = elsewhere.Count > 0
                ? $" '{RegionDirectory.Normalize(plan.Location)}' is a region of {elsewhere[0]}: add -Cloud {elsewhere[0]}."
                : $" Did you mean: {string.Join(", ", regions.Suggest(plan.Cloud, plan.Location))}?";
            throw new AksEgressInputException("UnknownLocation",
                $"'{plan.Location}' is not a region of {plan.Cloud}.{hint} Get-AzLocation lists the region names.",
                plan.Location, AksEgressErrorKind.ObjectNotFound);
        }

        private static string ParseAddress(string? text, string errorId, string parameter)
        {
            if (!IpAddressText.TryParse(text, out var address))
            {
                var problem = IpAddressText.Problem(text);
                throw new AksEgressInputException(errorId,
                    $"'{text}' is not an IP address." + (problem == null ? "" : " " + problem) + $" {parameter} takes IPv4 or IPv6 addresses such as 10.0.0.4.", text);
            }
            return address.ToString();
        }

        private static string? ValidateHost(string? host)
        {
            if (host == null) return null;
            var trimmed = host.Trim().TrimEnd('.').ToLowerInvariant();
            var labels = trimmed.Split('.');
            var valid = trimmed.Length > 0 && trimmed.Length <= 253 && labels.Length >= 2
                && labels.All(l => l.Length > 0 && l.Length <= 63 && l[0] != '-' && l[l.Length - 1] != '-'
                    && l.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'));
            if (!valid)
            {
                throw new AksEgressInputException("InvalidApiServerFqdn",
                    $"'{host}' is not a host name. -ApiServerFqdn takes the cluster's API server FQDN, for example 'aks1-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io' (the fqdn property of the cluster).", host);
            }
            return trimmed;
        }
    }
}
