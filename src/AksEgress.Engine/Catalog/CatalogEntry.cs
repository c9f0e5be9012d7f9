using System;
using System.Collections.Generic;

namespace AksEgress.Catalog
{
    /// <summary>One row of the catalog: one destination, protocol and port, validated at load.</summary>
    public sealed class CatalogEntry
    {
        private static readonly AzureCloudName[] NoClouds = new AzureCloudName[0];
        private static readonly RuleCondition[] NoConditions = new RuleCondition[0];
        private static readonly SourceTable[] NoSourceTables = new SourceTable[0];

        internal CatalogEntry(int order) { Order = order; }

        /// <summary>Position in the data file; the tie-breaker that keeps output order stable.</summary>
        internal int Order { get; }
        public string Id => IdText.ToString();
        internal LazyUtf8Text IdText { get; set; } = LazyUtf8Text.Empty;
        public CatalogEdition Edition { get; internal set; }
        public IReadOnlyList<AzureCloudName> Clouds { get; internal set; } = NoClouds;
        public AksFeature Feature { get; internal set; }
        public RuleKind Kind { get; internal set; }
        /// <summary>Destination with {location} still in it, e.g. "*.hcp.{location}.azmk8s.io".</summary>
        public string DestinationTemplate => DestinationText.ToString();
        internal LazyUtf8Text DestinationText { get; set; } = LazyUtf8Text.Empty;
        public DestinationType DestinationType { get; internal set; }
        /// <summary>The row said what its destination is rather than leaving it to be inferred.</summary>
        internal bool HasExplicitType { get; set; }
        public RuleProtocol Protocol { get; internal set; }
        public int Port { get; internal set; }
        public RuleRequirement Requirement { get; internal set; }
        public IReadOnlyList<RuleCondition> Conditions { get; internal set; } = NoConditions;
        public string Alternatives => AlternativesText.ToString();
        internal LazyUtf8Text AlternativesText { get; set; } = LazyUtf8Text.Empty;
        /// <summary>The destination is the API server's wildcard; an exact API server host replaces it.</summary>
        public bool IsApiServerHost { get; internal set; }
        /// <summary>The page lists APIServerPublicIP as the tightest alternative; a known address replaces the destination.</summary>
        public bool PrefersApiServerAddress { get; internal set; }
        public string PurposeEn => PurposeText.En.ToString();
        public string PurposeKo => PurposeText.Ko.ToString();
        internal Purpose PurposeText { get; set; } = Purpose.None;
        /// <summary>Ids of the source tables (see <see cref="RuleCatalog.Tables"/>) that list this row.</summary>
        public IReadOnlyList<string> SourceTables => _sourceIds ?? (_sourceIds = Array.ConvertAll(SourceTableObjects, t => t.Id));
        private string[]? _sourceIds;
        /// <summary>The sources as one readable string, built on first use (most rows are never shown).</summary>
        public string SourceText => _sourceText ?? (_sourceText = string.Join("; ", (IEnumerable<SourceTable>)SourceTableObjects));

        internal SourceTable[] SourceTableObjects { get; set; } = NoSourceTables;
        private string? _sourceText;
        /// <summary>How the row was read where the page's text needed interpreting; empty otherwise.</summary>
        public string Note => NoteText.ToString();
        internal LazyUtf8Text NoteText { get; set; } = LazyUtf8Text.Empty;
        /// <summary>
        /// For a wildcard row: a concrete, documented host the wildcard covers, probed in its place ({location} may
        /// appear in it). Null when the catalog knows none (the wildcard is then skipped when probing, with the reason).
        /// </summary>
        public string? ProbeHostTemplate => ProbeHostText?.ToString();
        internal LazyUtf8Text? ProbeHostText { get; set; }
        /// <summary>Why <see cref="ProbeHostTemplate"/> stands for the wildcard; empty when there is none.</summary>
        public string ProbeHostNote => ProbeHostNoteText.ToString();
        internal LazyUtf8Text ProbeHostNoteText { get; set; } = LazyUtf8Text.Empty;

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
