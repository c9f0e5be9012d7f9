using AksEgress.Planning;
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using AksEgress.Catalog;

namespace AksEgress.Probing
{
    /// <summary>
    /// What the planner reads from a catalog, indexed once per catalog: rows by id, the rows that name a probe host,
    /// and the API server wildcards. Built on first use and kept as long as the catalog lives.
    /// </summary>
    internal sealed class ProbeCatalogIndex
    {
        private static readonly ConditionalWeakTable<RuleCatalog, ProbeCatalogIndex> Indexes = new ConditionalWeakTable<RuleCatalog, ProbeCatalogIndex>();

        private readonly Dictionary<string, CatalogEntry> _byId = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);

        private ProbeCatalogIndex(RuleCatalog catalog)
        {
            var withProbeHost = new List<CatalogEntry>();
            var apiServerTemplates = new List<string>();
            foreach (var entry in catalog.Entries)
            {
                if (!_byId.ContainsKey(entry.Id)) _byId.Add(entry.Id, entry);
                if (entry.ProbeHostTemplate != null) withProbeHost.Add(entry);
                if (entry.IsApiServerHost && !apiServerTemplates.Contains(entry.DestinationTemplate)) apiServerTemplates.Add(entry.DestinationTemplate);
            }
            WithProbeHost = withProbeHost;
            ApiServerTemplates = apiServerTemplates;
        }

        public static ProbeCatalogIndex Of(RuleCatalog catalog) => Indexes.GetValue(catalog, c => new ProbeCatalogIndex(c));

        /// <summary>Rows that name a representative host, in catalog order.</summary>
        public IReadOnlyList<CatalogEntry> WithProbeHost { get; }

        /// <summary>Destination templates of the rows whose wildcard is the API server's (*.hcp.{location}.azmk8s.io and its sovereign forms).</summary>
        public IReadOnlyList<string> ApiServerTemplates { get; }

        public CatalogEntry? Find(string? ruleId) =>
            ruleId != null && _byId.TryGetValue(ruleId.Trim(), out var entry) ? entry : null;
    }
}
