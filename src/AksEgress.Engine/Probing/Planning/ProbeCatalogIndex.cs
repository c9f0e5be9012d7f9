using AksEgress.Planning;
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using AksEgress.Catalog;

namespace AksEgress.Probing
{
    /// <summary>
    /// What the planner reads from a catalog, indexed once per catalog: rows by id, the rows that name a probe host,
    /// the API server rows and wildcards. Built on first use and kept as long as the catalog lives.
    /// </summary>
    internal sealed class ProbeCatalogIndex
    {
        private static readonly ConditionalWeakTable<RuleCatalog, ProbeCatalogIndex> Indexes = new ConditionalWeakTable<RuleCatalog, ProbeCatalogIndex>();

        private readonly Dictionary<string, CatalogEntry> _byId = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        // Piped rules may be hand-made or re-imported objects, so their ids match in any case; the last row of an id decides.
        private readonly Dictionary<string, bool> _isApiServerHost = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        private ProbeCatalogIndex(RuleCatalog catalog)
        {
            var withProbeHost = new List<CatalogEntry>();
            var apiServerTemplates = new List<string>();
            foreach (var entry in catalog.Entries)
            {
                if (!_byId.ContainsKey(entry.Id)) _byId.Add(entry.Id, entry);
                _isApiServerHost[entry.Id] = entry.IsApiServerHost;
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

        /// <summary>Whether the rule with this id is the API server's own row (its destination the API server host).</summary>
        public bool IsApiServerRule(string ruleId) => _isApiServerHost.TryGetValue(ruleId, out var isApiServer) && isApiServer;

        public CatalogEntry? Find(string? ruleId) =>
            ruleId != null && _byId.TryGetValue(ruleId.Trim(), out var entry) ? entry : null;
    }
}
