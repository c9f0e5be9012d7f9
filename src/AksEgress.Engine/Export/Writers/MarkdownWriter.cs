using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AksEgress.Export
{
    /// <summary>
    /// A review document: what the rules are for, what the firewall needs beyond them (DNS proxy, placeholders
    /// to fill), then one table per feature. Within a feature, identical rules of several clusters (same kind,
    /// destination, protocol and port) are one row that names the clusters. Every cell is escaped
    /// (<see cref="MarkdownText"/>), so no value can break the table.
    /// </summary>
    public sealed class MarkdownWriter : IRuleWriter
    {
        public const string Title = "# AKS egress rules";

        private static readonly string[] Columns = { "Kind", "Destination", "Protocol", "Port", "Requirement", "Condition", "Purpose", "Clusters" };

        public string Write(ExportPlan plan)
        {
            var rules = plan.Rules;
            var md = new StringBuilder();
            md.Append(Title).Append("\n\n");
            md.Append(Summary(rules)).Append("\n");

            if (rules.Any(r => ExportPlan.NeedsDnsProxy(r.Kind, r.DestinationType)))
            {
                md.Append('\n').Append("> ").Append(MarkdownText.Escape(ExportPlan.DnsProxyNote)).Append('\n');
            }

            var placeholders = rules.Where(r => r.DestinationType == DestinationType.Placeholder)
                .Select(r => r.Destination).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (placeholders.Count > 0)
            {
                md.Append('\n').Append("> ")
                  .Append(placeholders.Count == 1
                      ? "One destination is a placeholder, not an address; fill it in before the rules are deployed:"
                      : "Some destinations are placeholders, not addresses; fill them in before the rules are deployed:")
                  .Append("\n>\n");
                foreach (var placeholder in placeholders)
                {
                    md.Append("> - ").Append(MarkdownText.Code(placeholder)).Append(": ")
                      .Append(MarkdownText.Escape(Planning.Placeholders.HowToFill(placeholder))).Append('\n');
                }
            }

            foreach (var section in rules.GroupBy(r => r.Feature).OrderBy(g => g.Key))
            {
                md.Append('\n').Append("## ").Append(MarkdownText.Escape(section.Key.ToString())).Append("\n\n");
                md.Append("| ").Append(string.Join(" | ", Columns)).Append(" |\n");
                md.Append("| --- | --- | --- | ---: | --- | --- | --- | --- |\n");
                foreach (var row in Rows(section))
                {
                    md.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
                }
            }
            return md.ToString();
        }

        /// <summary>"12 rules for cloud AzureCloud, location eastus, cluster aks-1."</summary>
        private static string Summary(IReadOnlyList<AksEgressRule> rules)
        {
            var clouds = rules.Select(r => r.Cloud).Distinct().OrderBy(c => c).Select(c => c.ToString()).ToList();
            var locations = Distinct(rules.Select(r => r.Location));
            var clusters = Distinct(rules.Select(r => r.ClusterName));

            var text = new StringBuilder();
            text.Append(rules.Count).Append(rules.Count == 1 ? " rule" : " rules");
            if (rules.Count == 0) return text.Append('.').ToString();

            text.Append(" for ").Append(Plural("cloud", clouds));
            if (locations.Count > 0) text.Append(", ").Append(Plural("location", locations));
            text.Append(", ").Append(clusters.Count == 0 ? "no named cluster (a planning set)" : Plural("cluster", clusters));
            return text.Append('.').ToString();
        }

        private static List<string> Distinct(IEnumerable<string?> values) =>
            values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToList();

        private static string Plural(string noun, IReadOnlyList<string> values) =>
            (values.Count == 1 ? noun : noun + "s") + " " + string.Join(", ", values.Select(MarkdownText.Escape));

        /// <summary>The rows of one feature, identical rules merged, in the order the rules first appear.</summary>
        private static IEnumerable<string[]> Rows(IEnumerable<AksEgressRule> section)
        {
            var groups = new List<List<AksEgressRule>>();
            var index = new Dictionary<(RuleKind, string, RuleProtocol, int), List<AksEgressRule>>();
            foreach (var rule in section)
            {
                var key = (rule.Kind, rule.Destination.ToLowerInvariant(), rule.Protocol, rule.Port);
                if (!index.TryGetValue(key, out var group))
                {
                    group = new List<AksEgressRule>();
                    index.Add(key, group);
                    groups.Add(group);
                }
                group.Add(rule);
            }

            foreach (var group in groups)
            {
                var first = group[0];
                yield return new[]
                {
                    first.Kind.ToString(),
                    MarkdownText.Code(first.Destination),
                    first.Protocol.ToString(),
                    first.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    group.Min(r => r.Requirement).ToString(),
                    MarkdownText.Escape(JoinDistinct(group.Select(r => r.Condition), "; ")),
                    MarkdownText.Escape(JoinDistinct(group.Select(r => r.Purpose), "; ")),
                    string.Join(", ", Distinct(group.Select(r => r.ClusterName)).Select(MarkdownText.Escape)),
                };
            }
        }

        /// <summary>The different non-empty texts of merged rules, in order of first appearance.</summary>
        private static string JoinDistinct(IEnumerable<string?> values, string separator) =>
            string.Join(separator, values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal));
    }
}
