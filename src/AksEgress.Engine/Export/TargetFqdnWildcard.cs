using System.Text.RegularExpressions;

namespace AksEgress.Export
{
    /// <summary>
    /// Application-rule destinations whose wildcard Azure Firewall cannot match. The Azure Firewall FAQ ("How do
    /// wildcards work in target URLs and target FQDNs in application rules?") says an asterisk in a target FQDN works
    /// only on its left-most side (*.contoso.com, *contoso.com) and lists www.contoso.* and *.contoso.* as not
    /// supported; so md-*.blob.storage.azure.net, with its asterisk inside, would never match anything.
    /// </summary>
    internal static class TargetFqdnWildcard
    {
        private static readonly Regex ServiceTagAlternative = new Regex(@"^\s*([A-Za-z][A-Za-z0-9]*) service tag\b", RegexOptions.CultureInvariant);

        public static bool IsUnmatchable(AksEgressRule rule) =>
            rule.Kind == RuleKind.Application && rule.Destination.Length > 1 && rule.Destination.IndexOf('*', 1) > 0;

        /// <summary>
        /// The network rule that does the work in its place when the rule's Alternatives name a service tag (the
        /// catalog's core-managed-disks row: "Storage service tag"): TCP on the same port to that tag, for the rule's
        /// region when it has one (as the catalog writes AzureCloud.{location}). Null when the Alternatives name none.
        /// </summary>
        public static AksEgressRule? ServiceTagInstead(AksEgressRule rule)
        {
            var match = ServiceTagAlternative.Match(rule.Alternatives ?? "");
            if (!match.Success) return null;
            var copy = rule.Copy();
            copy.Kind = RuleKind.Network;
            copy.Protocol = RuleProtocol.TCP;
            copy.Destination = rule.Location.Length == 0 ? match.Groups[1].Value : match.Groups[1].Value + "." + rule.Location;
            copy.DestinationType = DestinationType.ServiceTag;
            return copy;
        }

        /// <summary>The nearest destination an application rule can match: "*.blob.storage.azure.net" for "md-*.blob.storage.azure.net"; null when there is none.</summary>
        public static string? Widened(string destination)
        {
            var dot = destination.IndexOf('.', destination.LastIndexOf('*'));
            return dot < 0 || dot == destination.Length - 1 ? null : "*" + destination.Substring(dot);
        }

        /// <summary>Why the rule is not an application rule, for its warning and for the description of the rule in its place.</summary>
        public static string Reason =>
            "Azure Firewall matches a wildcard in an application rule's FQDN only at its start (*.contoso.com)";
    }
}
