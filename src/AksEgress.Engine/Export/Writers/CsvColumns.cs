using System.Collections.Generic;
using System.Globalization;

namespace AksEgress.Export
{
    /// <summary>
    /// The columns of a rule list (CSV, and the property order of the JSON list): every public property of
    /// <see cref="AksEgressRule"/> in declaration order, then <see cref="ExportNote"/>.
    /// </summary>
    internal static class CsvColumns
    {
        public const string ExportNote = "ExportNote";

        public static readonly IReadOnlyList<string> Names = new[]
        {
            nameof(AksEgressRule.RuleId), nameof(AksEgressRule.Edition), nameof(AksEgressRule.Cloud), nameof(AksEgressRule.Location),
            nameof(AksEgressRule.ClusterName), nameof(AksEgressRule.ClusterId), nameof(AksEgressRule.Feature), nameof(AksEgressRule.Kind),
            nameof(AksEgressRule.Destination), nameof(AksEgressRule.DestinationType), nameof(AksEgressRule.Protocol), nameof(AksEgressRule.Port),
            nameof(AksEgressRule.Requirement), nameof(AksEgressRule.Condition), nameof(AksEgressRule.Alternatives), nameof(AksEgressRule.Purpose),
            nameof(AksEgressRule.PurposeKo), nameof(AksEgressRule.DestinationTemplate), nameof(AksEgressRule.Source), nameof(AksEgressRule.Origin),
            nameof(AksEgressRule.ClusterHttpProxy), nameof(AksEgressRule.ClusterHttpsProxy), nameof(AksEgressRule.ClusterNoProxy), ExportNote,
        };

        /// <summary>The cell texts of one rule, in the order of <see cref="Names"/>: enums by name, Port as digits, null as empty.</summary>
        public static string[] Values(AksEgressRule rule) => new[]
        {
            rule.RuleId ?? "", rule.Edition.ToString(), rule.Cloud.ToString(), rule.Location ?? "",
            rule.ClusterName ?? "", rule.ClusterId ?? "", rule.Feature.ToString(), rule.Kind.ToString(),
            rule.Destination ?? "", rule.DestinationType.ToString(), rule.Protocol.ToString(), rule.Port.ToString(CultureInfo.InvariantCulture),
            rule.Requirement.ToString(), rule.Condition ?? "", rule.Alternatives ?? "", rule.Purpose ?? "",
            rule.PurposeKo ?? "", rule.DestinationTemplate ?? "", rule.Source ?? "", rule.Origin.ToString(),
            rule.ClusterHttpProxy ?? "", rule.ClusterHttpsProxy ?? "", rule.ClusterNoProxy ?? "", NoteFor(rule),
        };

        /// <summary>
        /// What a reader of the list must know beyond the rule: a network rule whose destination is an FQDN works
        /// only with DNS proxy on the firewall. Empty for every other rule.
        /// </summary>
        public static string NoteFor(AksEgressRule rule) =>
            ExportPlan.NeedsDnsProxy(rule.Kind, rule.DestinationType) ? ExportPlan.DnsProxyNote : "";
    }
}
