namespace AksEgress.Catalog
{
    /// <summary>A rule's purpose in English and Korean, shared by every row that cites the same purpose key.</summary>
    internal sealed class Purpose
    {
        public Purpose(LazyUtf8Text en, LazyUtf8Text ko)
        {
            En = en;
            Ko = ko;
        }

        public static readonly Purpose None = new Purpose(LazyUtf8Text.Empty, LazyUtf8Text.Empty);

        public LazyUtf8Text En { get; }
        public LazyUtf8Text Ko { get; }
    }
}
