using System;
using System.Collections.Generic;
using System.Linq;
using AksEgress.Catalog;
using AksEgress.Regions;

namespace AksEgress.Planning
{
    /// <summary>Picks the catalog rows a cluster needs and fills them in for its region, API server and DNS.</summary>
    public sealed class RuleDeriver
    {
        private readonly RuleCatalog _catalog;
        private readonly RegionDirectory _regions;

        public RuleDeriver(RuleCatalog catalog, RegionDirectory regions)
        {
            _catalog = catalog;
            _regions = regions;
        }

        /// <summary>A deriver over the shipped catalog and region list.</summary>
        public static RuleDeriver Default { get; } = new RuleDeriver(RuleCatalog.Default, RegionDirectory.Default);

        /// <summary>
        /// The rules of one cluster, in a stable order: current edition before legacy, then by feature, kind and
        /// catalog order. Throws AksEgressInputException when the plan itself is unusable.
        /// </summary>
        public DerivationResult Derive(RulePlan plan)
        {
            var validated = ValidatedPlan.From(plan, _regions);
            var warnings = new List<string>();
            var selected = _catalog.Entries.Where(e => Applies(e, validated)).ToList();

            var rules = selected
                .OrderBy(e => e.Edition).ThenBy(e => e.Feature).ThenBy(e => e.Kind).ThenBy(e => e.Order)
                .SelectMany(e => DestinationExpander.Expand(e, validated).Select(d => ToRule(e, d.Destination, d.Type, validated)))
                .ToList();

            WarnAboutPlaceholders(rules, warnings);
            WarnAboutUncoveredFeatures(validated, warnings);
            WarnAboutIgnoredInputs(validated, warnings);
            return new DerivationResult(rules, warnings);
        }

        private static bool Applies(CatalogEntry entry, ValidatedPlan plan)
        {
            var source = plan.Source;
            return entry.AppliesTo(source.Cloud)
                && plan.Features.Contains(entry.Feature)
                && plan.Requirements.Contains(entry.Requirement)
                && (source.IncludeLegacy || entry.Edition == CatalogEdition.Current)
                && !(source.PrivateCluster && entry.Has(RuleCondition.NotPrivateCluster))
                && (source.LegacyTunnel || !entry.Has(RuleCondition.TunnelOnly));
        }

        private static AksEgressRule ToRule(CatalogEntry entry, string destination, DestinationType type, ValidatedPlan plan) =>
            new AksEgressRule
            {
                RuleId = entry.Id,
                Edition = entry.Edition,
                Cloud = plan.Source.Cloud,
                Location = plan.Location,
                ClusterName = plan.Source.ClusterName,
                ClusterId = plan.Source.ClusterId,
                Feature = entry.Feature,
                Kind = entry.Kind,
                Destination = destination,
                DestinationType = type,
                Protocol = entry.Protocol,
                Port = entry.Port,
                Requirement = entry.Requirement,
                Condition = ConditionText.Describe(entry.Conditions),
                Alternatives = entry.Alternatives,
                Purpose = entry.PurposeEn,
                PurposeKo = entry.PurposeKo,
                DestinationTemplate = entry.DestinationTemplate,
                Source = entry.SourceText,
            };

        private static void WarnAboutPlaceholders(IEnumerable<AksEgressRule> rules, List<string> warnings)
        {
            foreach (var group in rules.Where(r => r.DestinationType == DestinationType.Placeholder).GroupBy(r => r.Destination))
            {
                var ids = string.Join(", ", group.Select(r => r.RuleId).Distinct());
                warnings.Add($"Rule {ids} keeps the placeholder destination {group.Key}: {Placeholders.HowToFill(group.Key)}");
            }
        }

        private void WarnAboutUncoveredFeatures(ValidatedPlan plan, List<string> warnings)
        {
            var cloud = plan.Source.Cloud;
            foreach (var feature in plan.Features.Where(f => f != AksFeature.Core).OrderBy(f => f))
            {
                var rows = _catalog.Entries.Where(e => e.Feature == feature && e.AppliesTo(cloud)).ToList();
                if (rows.Count == 0)
                {
                    warnings.Add($"The source page lists no {feature} rules for {cloud}; the page says the core rules cover add-ons it does not name.");
                }
                else if (!plan.Source.IncludeLegacy && rows.All(e => e.Edition == CatalogEdition.Legacy2020))
                {
                    warnings.Add($"{feature} rules exist only in the 2020 edition of the page; add -IncludeLegacy to list them.");
                }
            }
        }

        private void WarnAboutIgnoredInputs(ValidatedPlan plan, List<string> warnings)
        {
            var source = plan.Source;
            if (source.PrivateCluster && plan.ApiServerFqdn != null)
            {
                warnings.Add("-ApiServerFqdn is not used for a private cluster: its API server is reached through the private endpoint, so no firewall rule names it.");
            }
            if (source.PrivateCluster && plan.ApiServerAddress != null)
            {
                warnings.Add("-ApiServerAddress is not used for a private cluster: the rules that name the API server's public IP do not apply.");
            }
            if (!source.PrivateCluster && plan.ApiServerFqdn != null)
            {
                // The API server's domain is the catalog's own *.hcp row for this cloud, without the leading '*'.
                var hostRow = _catalog.Entries.FirstOrDefault(e => e.IsApiServerHost && e.AppliesTo(source.Cloud));
                var expected = hostRow?.DestinationTemplate.TrimStart('*').Replace("{location}", plan.Location);
                if (expected != null && !plan.ApiServerFqdn.EndsWith(expected, StringComparison.Ordinal))
                {
                    warnings.Add($"-ApiServerFqdn '{plan.ApiServerFqdn}' does not end in '{expected}', the API server domain of {source.Cloud} {plan.Location}; it is used as given. Check -Cloud and -Location.");
                }
            }
        }
    }
}
