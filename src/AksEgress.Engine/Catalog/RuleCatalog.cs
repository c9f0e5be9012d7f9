using System;
using System.Collections.Generic;
using System.IO;
using System.Net;

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

        /// <summary>Parses and validates catalog JSON in one pass. Throws CatalogFormatException naming the first bad row.</summary>
        public static RuleCatalog Load(byte[] utf8Json)
        {
            var (rows, tables, purposes) = CatalogReader.Read(utf8Json);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var entries = new CatalogEntry[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var entry = Complete(rows[i], tables, purposes);
                if (!ids.Add(entry.Id)) throw new CatalogFormatException($"Rule id '{entry.Id}' appears twice.");
                entries[i] = entry;
            }
            return new RuleCatalog(entries, tables);
        }

        private static RuleCatalog LoadEmbedded() => Load(ReadEmbeddedJson());

        /// <summary>Resolves a row's purpose and sources and checks what one row can get wrong.</summary>
        private static CatalogEntry Complete(RuleRow row, IReadOnlyDictionary<string, SourceTable> tables,
            IReadOnlyDictionary<string, (string En, string Ko)> purposes)
        {
            var entry = row.Entry;
            var id = entry.Id;
            if (id.Length == 0) throw new CatalogFormatException($"Rule #{entry.Order + 1} has no id.");
            if (entry.DestinationTemplate.Length == 0) throw new CatalogFormatException($"Rule '{id}' has no destination.");
            if (!row.HasType) entry.DestinationType = InferType(entry.DestinationTemplate);
            if (entry.Clouds.Count == 0) throw new CatalogFormatException($"Rule '{id}' names no cloud.");
            if (entry.Port < 1 || entry.Port > 65535) throw new CatalogFormatException($"Rule '{id}' has port {entry.Port}, outside 1-65535.");
            var networkProtocol = entry.Protocol == RuleProtocol.TCP || entry.Protocol == RuleProtocol.UDP;
            if (networkProtocol != (entry.Kind == RuleKind.Network))
            {
                throw new CatalogFormatException($"Rule '{id}' is a {entry.Kind} rule with protocol {entry.Protocol}; network rules use TCP/UDP, application rules HTTP/HTTPS.");
            }

            if (row.PurposeKey == null || !purposes.TryGetValue(row.PurposeKey, out var purpose))
            {
                throw new CatalogFormatException($"Rule '{id}' needs a purpose key with English and Korean text; '{row.PurposeKey}' has none.");
            }
            entry.PurposeEn = purpose.En;
            entry.PurposeKo = purpose.Ko;

            if (entry.SourceTables.Count == 0) throw new CatalogFormatException($"Rule '{id}' cites no source.");
            var sources = new SourceTable[entry.SourceTables.Count];
            for (var i = 0; i < sources.Length; i++)
            {
                if (!tables.TryGetValue(entry.SourceTables[i], out var table))
                {
                    throw new CatalogFormatException($"Rule '{id}' cites unknown source table '{entry.SourceTables[i]}'.");
                }
                sources[i] = table;
            }
            entry.SourceTableObjects = sources;
            return entry;
        }

        private static DestinationType InferType(string destination)
        {
            if (destination == "*") return DestinationType.Any;
            if (IPAddress.TryParse(destination, out _)) return DestinationType.IpAddress;
            return destination.IndexOf('*') >= 0 ? DestinationType.WildcardFqdn : DestinationType.Fqdn;
        }
    }
}
