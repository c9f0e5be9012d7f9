using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AksEgress.Catalog
{
    /// <summary>
    /// The rule catalog: rules.json, embedded in this assembly, parsed once per process and validated row by row.
    /// </summary>
    public sealed class RuleCatalog
    {
        private const string ResourceName = "AksEgress.rules.json";
        private static readonly Lazy<RuleCatalog> DefaultCatalog = new Lazy<RuleCatalog>(LoadEmbedded);

        private readonly List<SourceTable> _tables;
        private IReadOnlyDictionary<string, SourceTable>? _tablesById;

        private RuleCatalog(IReadOnlyList<CatalogEntry> entries, List<SourceTable> tables)
        {
            Entries = entries;
            _tables = tables;
        }

        /// <summary>The catalog shipped with the module.</summary>
        public static RuleCatalog Default => DefaultCatalog.Value;

        public IReadOnlyList<CatalogEntry> Entries { get; }
        /// <summary>The source tables by id; built on first use (derivation never needs it).</summary>
        public IReadOnlyDictionary<string, SourceTable> Tables =>
            _tablesById ?? (_tablesById = _tables.ToDictionary(t => t.Id, StringComparer.Ordinal));

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
            var (rows, tables) = CatalogReader.Read(utf8Json);
            // Ids are compared by a hash of their bytes; only rows whose hashes collide are decoded and compared.
            var ids = new HashSet<uint>();
            var entries = new CatalogEntry[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var entry = Check(rows[i]);
                if (!ids.Add(entry.IdText.Hash())) RejectDuplicateId(entries, i, entry);
                entries[i] = entry;
            }
            return new RuleCatalog(entries, tables);
        }

        private static RuleCatalog LoadEmbedded() => Load(ReadEmbeddedJson());

        /// <summary>Two ids hashed alike: decode and compare against the rows before this one.</summary>
        private static void RejectDuplicateId(CatalogEntry[] earlier, int count, CatalogEntry entry)
        {
            for (var i = 0; i < count; i++)
            {
                if (earlier[i].Id == entry.Id) throw new CatalogFormatException($"Rule id '{entry.Id}' appears twice.");
            }
        }

        /// <summary>Checks what one row can get wrong that reading it could not.</summary>
        private static CatalogEntry Check(CatalogEntry entry)
        {
            if (entry.IdText.Utf8Length == 0) throw new CatalogFormatException($"Rule #{entry.Order + 1} has no id.");
            if (!entry.DestinationText.HasContent) throw new CatalogFormatException($"Rule '{entry.Id}' has no destination.");
            if (!entry.HasExplicitType)
            {
                if (entry.DestinationText.LooksLikeAddress)
                {
                    throw new CatalogFormatException($"Rule '{entry.Id}' has an IP address as destination; give it \"type\": \"IpAddress\".");
                }
                entry.DestinationType = InferType(entry.DestinationText);
            }
            if (entry.Clouds.Count == 0) throw new CatalogFormatException($"Rule '{entry.Id}' names no cloud.");
            if (entry.Port < 1 || entry.Port > 65535) throw new CatalogFormatException($"Rule '{entry.Id}' has port {entry.Port}, outside 1-65535.");
            var networkProtocol = entry.Protocol == RuleProtocol.TCP || entry.Protocol == RuleProtocol.UDP;
            if (networkProtocol != (entry.Kind == RuleKind.Network))
            {
                throw new CatalogFormatException($"Rule '{entry.Id}' is a {entry.Kind} rule with protocol {entry.Protocol}; network rules use TCP/UDP, application rules HTTP/HTTPS.");
            }
            if (entry.PurposeText == Purpose.None) throw new CatalogFormatException($"Rule '{entry.Id}' has no purpose.");
            if (entry.SourceTableObjects.Length == 0) throw new CatalogFormatException($"Rule '{entry.Id}' cites no source.");
            return entry;
        }

        private static DestinationType InferType(LazyUtf8Text destination)
        {
            if (destination.Utf8Length == 1 && destination.FirstByte == (byte)'*') return DestinationType.Any;
            // Literal addresses and service tags must say so with "type"; anything else is a host name.
            return destination.Contains((byte)'*') ? DestinationType.WildcardFqdn : DestinationType.Fqdn;
        }
    }
}
