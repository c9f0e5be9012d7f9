namespace AksEgress.Catalog
{
    /// <summary>A table (or bullet list) of a source document that catalog rows cite.</summary>
    public sealed class SourceTable
    {
        internal SourceTable(string id, string document, string section)
        {
            Id = id;
            Document = document;
            Section = section;
        }

        /// <summary>"000/public-network", "001/gpu", "2026/monitor-public", ...</summary>
        public string Id { get; }
        /// <summary>The seed file name, or the newer edition that added the rows.</summary>
        public string Document { get; }
        /// <summary>The table's heading as the document writes it.</summary>
        public string Section { get; }

        public override string ToString() => $"{Document} > {Section}";
    }
}
