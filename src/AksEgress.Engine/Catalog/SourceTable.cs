namespace AksEgress.Catalog
{
    /// <summary>A table (or bullet list) of a source document that catalog rows cite.</summary>
    public sealed class SourceTable
    {
        internal SourceTable(LazyUtf8Text id, LazyUtf8Text document, LazyUtf8Text section)
        {
            _id = id;
            _document = document;
            _section = section;
        }

        private readonly LazyUtf8Text _id;
        private readonly LazyUtf8Text _document;
        private readonly LazyUtf8Text _section;

        /// <summary>"000/public-network", "001/gpu", "2026/monitor-public", ...</summary>
        public string Id => _id.ToString();
        /// <summary>The seed file name, or the newer edition that added the rows.</summary>
        public string Document => _document.ToString();
        /// <summary>The table's heading as the document writes it.</summary>
        public string Section => _section.ToString();

        public override string ToString() => $"{Document} > {Section}";
    }
}
