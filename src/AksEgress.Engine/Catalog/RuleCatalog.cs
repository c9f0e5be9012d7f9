using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;

namespace AksEgress.Catalog
{
    /// <summary>
    /// The rule catalog: rules.json, embedded in this assembly, parsed once per process and validated row by row.
    /// </summary>
    public sealed class RuleCatalog
    {
        private const string ResourceName = "AksEgress.rules.json";
        private static readonly Lazy<RuleCatalog> DefaultCatalog = new Lazy<RuleCatalog>(LoadEmbedded);

        private RuleCatalog(IReadOnlyList<CatalogEntry> entries, IReadOnlyDictionary<string, SourceTable> tables)
        {
            Entries = entries;
            Tables = tables;
        }

        /// <summary>The catalog shipped with the module.</summary>
        public static RuleCatalog Default => DefaultCatalog.Value;

        public IReadOnlyList<CatalogEntry> Entries { get; }
        public IReadOnlyDictionary<string, SourceTable> Tables { get; }

        /// <summary>The embedded rules.json bytes, for tests and benchmarks that compare against a plain parse.</summary>
        public static byte[] ReadEmbeddedJson()
        {
            using (var stream = typeof(RuleCatalog).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new CatalogFormatException($"The assembly lacks the embedded resource {ResourceName}; the build is broken."))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                return copy.ToArray();
            }
        }

        /// <summary>Parses and validates catalog JSON. Throws CatalogFormatException naming the first bad row.</summary>
        public static RuleCatalog Load(byte[] utf8Json)
        {
            CatalogDocument? document;
            try
            {
                document = JsonSerializer.Deserialize(utf8Json, CatalogJsonContext.Default.CatalogDocument);
            }
            catch (JsonException ex)
            {
                throw new CatalogFormatException($"The rule catalog is not valid JSON: {ex.Message}", ex);
            }

            if (document?.Rules == null || document.Tables == null || document.Purposes == null)
            {
                throw new CatalogFormatException("The rule catalog must have 'tables', 'purposes' and 'rules'.");
            }

            var tables = new Dictionary<string, SourceTable>(StringComparer.Ordinal);
            foreach (var pair in document.Tables)
            {
                if (string.IsNullOrWhiteSpace(pair.Value.Document) || string.IsNullOrWhiteSpace(pair.Value.Section))
                {
                    throw new CatalogFormatException($"Source table '{pair.Key}' needs a document and a section.");
                }
                tables.Add(pair.Key, new SourceTable(pair.Key, pair.Value.Document!, pair.Value.Section!));
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            var entries = new List<CatalogEntry>(document.Rules.Count);
            for (var i = 0; i < document.Rules.Count; i++)
            {
                var entry = ToEntry(document.Rules[i], i, tables, document.Purposes);
                if (!ids.Add(entry.Id)) throw new CatalogFormatException($"Rule id '{entry.Id}' appears twice.");
                entries.Add(entry);
            }

            return new RuleCatalog(entries, tables);
        }

        private static RuleCatalog LoadEmbedded() => Load(ReadEmbeddedJson());

        private static CatalogEntry ToEntry(RuleDocument row, int order, IReadOnlyDictionary<string, SourceTable> tables,
            IReadOnlyDictionary<string, PurposeDocument> purposes)
        {
            var id = row.Id;
            if (string.IsNullOrWhiteSpace(id)) throw new CatalogFormatException($"Rule #{order + 1} has no id.");

            var entry = new CatalogEntry(order)
            {
                Id = id!,
                Edition = row.Edition == null ? CatalogEdition.Current : Parse<CatalogEdition>(row.Edition, id!, "edition"),
                Clouds = (row.Clouds ?? new List<string>()).Select(c => Parse<AzureCloudName>(c, id!, "clouds")).ToArray(),
                Feature = Parse<AksFeature>(row.Feature, id!, "feature"),
                Kind = Parse<RuleKind>(row.Kind, id!, "kind"),
                DestinationTemplate = Required(row.Destination, id!, "destination"),
                Protocol = Parse<RuleProtocol>(row.Protocol, id!, "protocol"),
                Port = row.Port,
                Requirement = row.Requirement == null ? RuleRequirement.Required : Parse<RuleRequirement>(row.Requirement, id!, "requirement"),
                Conditions = (row.Conditions ?? new List<string>()).Select(c => Parse<RuleCondition>(c, id!, "conditions")).ToArray(),
                Alternatives = row.Alternatives ?? "",
                IsApiServerHost = row.ApiServerHost,
                PrefersApiServerAddress = row.PrefersApiServerAddress,
                SourceTables = (row.Sources ?? new List<string>()).ToArray(),
                Note = row.Note ?? "",
            };
            entry.DestinationType = row.Type == null ? InferType(entry.DestinationTemplate) : Parse<DestinationType>(row.Type, id!, "type");

            if (entry.Clouds.Count == 0) throw new CatalogFormatException($"Rule '{id}' names no cloud.");
            if (entry.Port < 1 || entry.Port > 65535) throw new CatalogFormatException($"Rule '{id}' has port {entry.Port}, outside 1-65535.");
            var networkProtocol = entry.Protocol == RuleProtocol.TCP || entry.Protocol == RuleProtocol.UDP;
            if (networkProtocol != (entry.Kind == RuleKind.Network))
            {
                throw new CatalogFormatException($"Rule '{id}' is a {entry.Kind} rule with protocol {entry.Protocol}; network rules use TCP/UDP, application rules HTTP/HTTPS.");
            }

            if (row.Purpose == null || !purposes.TryGetValue(row.Purpose, out var purpose)
                || string.IsNullOrWhiteSpace(purpose.En) || string.IsNullOrWhiteSpace(purpose.Ko))
            {
                throw new CatalogFormatException($"Rule '{id}' needs a purpose key with English and Korean text; '{row.Purpose}' has none.");
            }
            entry.PurposeEn = purpose.En!;
            entry.PurposeKo = purpose.Ko!;

            if (entry.SourceTables.Count == 0) throw new CatalogFormatException($"Rule '{id}' cites no source.");
            var sourceTexts = new List<string>();
            foreach (var source in entry.SourceTables)
            {
                if (!tables.TryGetValue(source, out var table)) throw new CatalogFormatException($"Rule '{id}' cites unknown source table '{source}'.");
                sourceTexts.Add(table.ToString());
            }
            entry.SourceText = string.Join("; ", sourceTexts);
            return entry;
        }

        private static DestinationType InferType(string destination)
        {
            if (destination == "*") return DestinationType.Any;
            if (IPAddress.TryParse(destination, out _)) return DestinationType.IpAddress;
            return destination.IndexOf('*') >= 0 ? DestinationType.WildcardFqdn : DestinationType.Fqdn;
        }

        private static T Parse<T>(string? text, string id, string field) where T : struct
        {
            if (EnumText.TryParse<T>(text, ignoreCase: false, out var value)) return value;
            throw new CatalogFormatException($"Rule '{id}' has {field} '{text}', which is not one of: {string.Join(", ", Enum.GetNames(typeof(T)))}.");
        }

        private static string Required(string? text, string id, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) throw new CatalogFormatException($"Rule '{id}' has no {field}.");
            return text!.Trim();
        }
    }
}
