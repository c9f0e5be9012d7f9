using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using AksEgress.Catalog;
using AksEgress.Regions;

namespace AksEgress.Planning
{
    /// <summary>Picks the catalog rows a cluster needs and fills them in for its region, API server and DNS.</summary>
    public sealed class RuleDeriver
    {
        /// <summary>Shapes kept at most; the default deriver lives as long as the PowerShell session.</summary>
        private const int MaxShapes = 4096;

        private readonly RuleCatalog _catalog;
        private readonly RegionDirectory _regions;
        private readonly ConcurrentDictionary<PlanShape, ShapeRules>? _shapes;

        /// <param name="memoize">
        /// Keep each plan shape's rules (everything but the cluster's name, id and exact API-server host) and copy
        /// them for the next cluster of that shape: a fleet of thousands has a few hundred shapes.
        /// </param>
        public RuleDeriver(RuleCatalog catalog, RegionDirectory regions, bool memoize = true)
        {
            _catalog = catalog;
            _regions = regions;
            if (memoize) _shapes = new ConcurrentDictionary<PlanShape, ShapeRules>();
        }

        /// <summary>A deriver over the shipped catalog and region list.</summary>
        public static RuleDeriver Default { get; } = new RuleDeriver(RuleCatalog.Default, RegionDirectory.Default);

        /// <summary>
        /// The rules of one cluster, in a stable order: current edition before legacy, then by feature, kind and
        /// catalog order. Throws AksEgressInputException when the plan itself is unusable.
        /// </summary>
        public DerivationResult Derive(RulePlan plan)
        {
            // Validation stays per cluster: it checks and canonicalises this cluster's own values.
            var validated = ValidatedPlan.From(plan, _regions);
            ShapeRules shape;
            if (_shapes == null)
            {
                shape = DeriveShape(validated);
            }
            else
            {
                var key = PlanShape.Of(validated);
                if (!_shapes.TryGetValue(key, out shape!))
                {
                    if (_shapes.Count >= MaxShapes) _shapes.Clear();
                    shape = _shapes.GetOrAdd(key, DeriveShape(validated));
                }
            }

            var rules = new List<AksEgressRule>(shape.Rules.Count);
            foreach (var (entry, template) in shape.Rules)
            {
                var rule = template.Copy();
                rule.ClusterName = plan.ClusterName;
                rule.ClusterId = plan.ClusterId;
                plan.ClusterProxy?.StampOn(rule);
                // The one value a shape does not fix: this cluster's exact API server host.
                if (entry.IsApiServerHost && validated.ApiServerFqdn != null) rule.Destination = validated.ApiServerFqdn;
                rules.Add(rule);
            }
            var warnings = new List<string>(shape.Warnings);
            WarnAboutIgnoredInputs(validated, warnings);
            return new DerivationResult(rules, warnings);
        }

        /// <summary>The rules and warnings of a plan shape, without cluster name and id.</summary>
        private ShapeRules DeriveShape(ValidatedPlan validated)
        {
            var warnings = new List<string>();
            var rules = _catalog.Entries.Where(e => Applies(e, validated))
                .OrderBy(e => e.Edition).ThenBy(e => e.Feature).ThenBy(e => e.Kind).ThenBy(e => e.Order)
                .SelectMany(e => DestinationExpander.Expand(e, validated).Select(d => (e, ToRule(e, d.Destination, d.Type, validated))))
                .ToList();

            NameTheOtherOption(rules);
            WarnAboutPlaceholders(rules.Select(r => r.Item2), warnings);
            WarnAboutUncoveredFeatures(validated, warnings);
            return new ShapeRules(rules, warnings);
        }

        /// <summary>
        /// Azure Monitor's either/or: the service-tag rule's Alternatives name the FQDN rules of this very derivation
        /// (region filled in, this cloud's hosts), so the other option can be read off the row itself.
        /// </summary>
        private static void NameTheOtherOption(IReadOnlyList<(CatalogEntry Entry, AksEgressRule Rule)> rules)
        {
            var fqdnOption = rules.Where(r => r.Entry.Has(RuleCondition.AzureMonitorFqdnOption))
                .Select(r => r.Rule.Destination).Distinct(StringComparer.Ordinal).ToList();
            if (fqdnOption.Count == 0) return;
            foreach (var (entry, rule) in rules)
            {
                if (entry.Has(RuleCondition.AzureMonitorServiceTagOption))
                {
                    rule.Alternatives = "All of these FQDN rules (HTTPS 443) in place of the tag: " + string.Join(", ", fqdnOption);
                }
            }
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
                    warnings.Add(source.FromClusterDocument
                        ? $"Its API server host '{plan.ApiServerFqdn}' does not end in '{expected}', the API server domain of its location {plan.Location} in {source.Cloud}; it is used as given. Check the document's fqdn and location: one of them was changed or comes from another cluster."
                        : $"-ApiServerFqdn '{plan.ApiServerFqdn}' does not end in '{expected}', the API server domain of {source.Cloud} {plan.Location}; it is used as given. Check -Cloud and -Location.");
                }
            }
        }
    }
}
