using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AksEgress.Export
{
    /// <summary>
    /// Names Azure Firewall accepts, made from any text, and unique names for the rules of one plan. Every format
    /// uses the same names, so the ARM, Bicep, Terraform and az outputs describe the same firewall.
    /// </summary>
    /// <remarks>
    /// ARM's naming rules (resource-name-rules, Microsoft.Network, firewall policy children): 1-80 characters,
    /// letters, digits, '_', '.' and '-', starting with a letter or digit and ending with a letter, digit or '_'.
    /// azurerm validates a rule collection group name with ^[^\W_][\w-.]*[\w]$ (validate/firewall_policy_rule_collection_group_name.go),
    /// which also asks for at least two characters. <see cref="Sanitize"/> gives the first; a group name must also
    /// have <see cref="MinGroupNameLength"/>.
    /// </remarks>
    public static class FirewallNames
    {
        public const int MaxLength = 80;
        public const int MinGroupNameLength = 2;

        /// <summary>The group name rule in words, for messages.</summary>
        public const string GroupNameRule =
            "Azure wants 2 to 80 letters, digits, '_', '.' and '-', starting with a letter or digit and ending with a letter, digit or '_'.";

        public static string Sanitize(string? text)
        {
            var builder = new StringBuilder();
            foreach (var c in text ?? "")
            {
                var allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                var next = allowed ? c : '-';
                if (next == '-' && builder.Length > 0 && builder[builder.Length - 1] == '-') continue;
                builder.Append(next);
            }
            var name = builder.ToString().TrimStart('.', '_', '-');
            if (name.Length > MaxLength) name = name.Substring(0, MaxLength);
            return name.TrimEnd('.', '-');
        }

        /// <summary>A unique name per merged rule, e.g. "https-443-mcr.microsoft.com", in the plan's order.</summary>
        public static IReadOnlyDictionary<MergedRule, string> ForRules(ExportPlan plan)
        {
            var names = new Dictionary<MergedRule, string>();
            var used = new UniqueNames(new[] { FqdnTagRuleName });
            foreach (var rule in plan.ApplicationRules.Concat(plan.NetworkRules))
            {
                var stem = Sanitize($"{rule.Protocol.ToString().ToLowerInvariant()}-{rule.Port}-{rule.Destination.Replace("*", "wildcard")}");
                if (stem.Length == 0) stem = "rule";
                names[rule] = used.Take(n => n == 1 ? stem : Numbered(stem, n));
            }
            return names;
        }

        /// <summary>The stem with "-n", shortened so the name stays within <see cref="MaxLength"/>.</summary>
        private static string Numbered(string stem, int n)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (stem.Length + suffix.Length > MaxLength ? stem.Substring(0, MaxLength - suffix.Length) : stem) + suffix;
        }

        /// <summary>The name of the single rule that carries the AzureKubernetesService FQDN tag.</summary>
        public const string FqdnTagRuleName = "aks-fqdn-tag";
        public const string ApplicationCollectionName = "aks-egress-application";
        public const string NetworkCollectionName = "aks-egress-network";
        public const int NetworkCollectionPriority = 100;
        public const int ApplicationCollectionPriority = 200;
    }
}
