using System;
using System.Collections.Generic;
using System.Globalization;
using AksEgress.Catalog;
using AksEgress.Errors;
using AksEgress.Planning;

namespace AksEgress.Export
{
    /// <summary>
    /// Reads a rule back from a property bag: a row of Import-Csv, an object of ConvertFrom-Json, or any object
    /// with the rule's property names. Values may be strings (CSV) or typed.
    /// <para>
    /// Every text property is trimmed and then un-neutralised: the CSV export writes a cell that a spreadsheet
    /// would evaluate as a formula (one starting with '=', '+', '-', '@', tab or carriage return) with a leading
    /// apostrophe, so one leading apostrophe is removed again when it is followed by one of those six characters
    /// (or by further apostrophes and then one of them, which the export writes for a text that itself began
    /// that way). Any other text, such as "'hello" or a lone "'", is kept as it is. See <see cref="CsvFormulaGuard"/>.
    /// </para>
    /// </summary>
    public static class RuleRecord
    {
        /// <summary>
        /// Builds a rule from a property tree (the host's copy of a piped object); property names are matched
        /// case-insensitively, as PowerShell does.
        /// </summary>
        public static AksEgressRule FromTree(IReadOnlyDictionary<string, object?> record) =>
            FromProperties(name => Clusters.PropertyTree.Get(record, name));

        /// <summary>
        /// A first look at a piped object before any of it is copied: an object without a Destination property (a
        /// string, a file, a type) cannot be a rule, and is refused at once without walking it.
        /// </summary>
        public static void RefuseByNames(IReadOnlyCollection<string> names, string objectText)
        {
            foreach (var name in names)
            {
                if (string.Equals(name, "Destination", StringComparison.OrdinalIgnoreCase)) return;
            }
            throw new AksEgressInputException("InvalidRuleRecord",
                $"The input object is {objectText}, not an egress rule: it has no Destination property. Pipe objects from Get-AksEgressRule, or Import-Csv / ConvertFrom-Json of an Export-AksEgressRule file.",
                null, AksEgressErrorKind.InvalidData);
        }

        /// <summary>Builds a rule; throws AksEgressInputException naming the property that is missing or wrong.</summary>
        public static AksEgressRule FromProperties(Func<string, object?> property)
        {
            var destination = Text(property, "Destination", required: true);
            // An address that tools read differently (010.0.0.4, 2130706433) would become another rule than meant.
            var addressProblem = IpAddressText.Problem(destination);
            if (addressProblem != null) throw Invalid("Destination", destination, addressProblem);
            var rule = new AksEgressRule
            {
                RuleId = Text(property, "RuleId", required: false).Length > 0 ? Text(property, "RuleId", false) : "custom",
                Edition = Enum(property, "Edition", CatalogEdition.Current),
                Cloud = Enum(property, "Cloud", AzureCloudName.AzureCloud),
                Location = Text(property, "Location", false),
                ClusterName = NullIfEmpty(Text(property, "ClusterName", false)),
                ClusterId = NullIfEmpty(Text(property, "ClusterId", false)),
                Feature = Enum(property, "Feature", AksFeature.Core),
                Kind = RequiredEnum<RuleKind>(property, "Kind"),
                Destination = destination,
                Protocol = RequiredEnum<RuleProtocol>(property, "Protocol"),
                Port = Port(property),
                Requirement = Enum(property, "Requirement", RuleRequirement.Required),
                Condition = Text(property, "Condition", false),
                Alternatives = Text(property, "Alternatives", false),
                Purpose = Text(property, "Purpose", false),
                PurposeKo = Text(property, "PurposeKo", false),
                DestinationTemplate = Text(property, "DestinationTemplate", false),
                Source = Text(property, "Source", false),
                // A file written before rules carried an origin has no Origin column: its rules are the catalog's.
                Origin = Enum(property, "Origin", RuleOrigin.Catalog),
                // Credentials are removed again, should a hand-edited file hold them: they must not reach a probe's output.
                ClusterHttpProxy = ClusterProxyColumns.WithoutCredentials(Text(property, "ClusterHttpProxy", false)),
                ClusterHttpsProxy = ClusterProxyColumns.WithoutCredentials(Text(property, "ClusterHttpsProxy", false)),
                ClusterNoProxy = NullIfEmpty(Text(property, "ClusterNoProxy", false)),
            };
            rule.DestinationType = Enum(property, "DestinationType", DestinationTypeText.Infer(destination));
            if (rule.DestinationTemplate.Length == 0) rule.DestinationTemplate = destination;

            var network = rule.Protocol == RuleProtocol.TCP || rule.Protocol == RuleProtocol.UDP;
            if (network != (rule.Kind == RuleKind.Network))
            {
                throw Invalid("Protocol", rule.Protocol, $"a {rule.Kind} rule cannot use {rule.Protocol}: network rules use TCP or UDP, application rules HTTP or HTTPS.");
            }
            return rule;
        }

        /// <summary>
        /// The value of a property that must be one scalar. A list or an object there (Destination = @('a','b'), a
        /// hashtable) would otherwise be written out as its .NET type name, a rule to "System.Collections..."; it is
        /// refused for that object instead.
        /// </summary>
        private static object? Scalar(Func<string, object?> property, string name)
        {
            var value = property(name);
            if (value is IReadOnlyDictionary<string, object?> || value is IReadOnlyList<object?> || value is System.Collections.ICollection)
            {
                var what = value is IReadOnlyDictionary<string, object?> ? "an object with properties" : "a list of values";
                throw new AksEgressInputException("InvalidRuleRecord",
                    $"The input object is not a usable egress rule: {name} is {what}, not one value. Give each rule one {name} (pipe one object per destination).",
                    name, AksEgressErrorKind.InvalidData);
            }
            return value;
        }

        private static int Port(Func<string, object?> property)
        {
            var value = Scalar(property, "Port");
            if (value is int i && i >= 1 && i <= 65535) return i;
            var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port >= 1 && port <= 65535) return port;
            throw Invalid("Port", value, "a port is a whole number from 1 to 65535.");
        }

        private static string Text(Func<string, object?> property, string name, bool required)
        {
            var text = Convert.ToString(Scalar(property, name), CultureInfo.InvariantCulture)?.Trim() ?? "";
            // Undo the CSV export's formula guard ("'=x" -> "=x"); trimming first, so the guard is the first character.
            text = CsvFormulaGuard.Restore(text);
            if (required && text.Length == 0) throw Invalid(name, null, $"the rule has no {name}.");
            return text;
        }

        private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

        private static T Enum<T>(Func<string, object?> property, string name, T fallback) where T : struct
        {
            var value = Scalar(property, name);
            if (value is T typed) return typed;
            var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(text)) return fallback;
            if (EnumText.TryParse<T>(text, ignoreCase: true, out var parsed)) return parsed;
            throw Invalid(name, value, $"use one of: {string.Join(", ", System.Enum.GetNames(typeof(T)))}.");
        }

        private static T RequiredEnum<T>(Func<string, object?> property, string name) where T : struct
        {
            var value = Scalar(property, name);
            if (value == null || Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim().Length == 0) throw Invalid(name, null, $"the rule has no {name}.");
            return Enum(property, name, default(T));
        }

        private static AksEgressInputException Invalid(string property, object? value, string why) =>
            new AksEgressInputException("InvalidRuleRecord",
                $"The input object is not a usable egress rule: {property} {(value == null ? "is missing" : $"'{value}' is not valid")}; {why} Pipe objects from Get-AksEgressRule, or Import-Csv / ConvertFrom-Json of an Export-AksEgressRule file.",
                value, AksEgressErrorKind.InvalidData);
    }
}
