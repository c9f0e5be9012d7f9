using System.Collections.Generic;

namespace AksEgress.Catalog
{
    /// <summary>One row of the catalog: one destination, protocol and port, validated at load.</summary>
    public sealed class CatalogEntry
    {
        internal CatalogEntry(int order) { Order = order; }

        /// <summary>Position in the data file; the tie-breaker that keeps output order stable.</summary>
        internal int Order { get; }
        public string Id { get; internal set; } = "";
        public CatalogEdition Edition { get; internal set; }
        public IReadOnlyList<AzureCloudName> Clouds { get; internal set; } = new AzureCloudName[0];
        public AksFeature Feature { get; internal set; }
        public RuleKind Kind { get; internal set; }
        /// <summary>Destination with {location} still in it, e.g. "*.hcp.{location}.azmk8s.io".</summary>
        public string DestinationTemplate { get; internal set; } = "";
        public DestinationType DestinationType { get; internal set; }
        public RuleProtocol Protocol { get; internal set; }
        public int Port { get; internal set; }
        public RuleRequirement Requirement { get; internal set; }
        public IReadOnlyList<RuleCondition> Conditions { get; internal set; } = new RuleCondition[0];
        public string Alternatives { get; internal set; } = "";
        /// <summary>The destination is the API server's wildcard; an exact API server host replaces it.</summary>
        public bool IsApiServerHost { get; internal set; }
        /// <summary>The page lists APIServerPublicIP as the tightest alternative; a known address replaces the destination.</summary>
        public bool PrefersApiServerAddress { get; internal set; }
        public string PurposeEn { get; internal set; } = "";
        public string PurposeKo { get; internal set; } = "";
        /// <summary>Ids of the source tables (see <see cref="RuleCatalog.Tables"/>) that list this row.</summary>
        public IReadOnlyList<string> SourceTables { get; internal set; } = new string[0];
        /// <summary>The sources as one readable string, built on first use (most rows are never shown).</summary>
        public string SourceText => _sourceText ?? (_sourceText = string.Join("; ", (IEnumerable<SourceTable>)SourceTableObjects));

        internal SourceTable[] SourceTableObjects { get; set; } = new SourceTable[0];
        private string? _sourceText;
        /// <summary>How the row was read where the page's text needed interpreting; empty otherwise.</summary>
        public string Note { get; internal set; } = "";

        public bool AppliesTo(AzureCloudName cloud)
        {
            foreach (var c in Clouds)
            {
                if (c == cloud) return true;
            }
            return false;
        }

        public bool Has(RuleCondition condition)
        {
            foreach (var c in Conditions)
            {
                if (c == condition) return true;
            }
            return false;
        }

        public override string ToString() => $"{Id}: {DestinationTemplate} {Protocol}/{Port}";
    }
}
