using System;

namespace AksEgress.Catalog
{
    /// <summary>The catalog data is malformed. Only a broken build can cause this; the message names the row.</summary>
    public sealed class CatalogFormatException : FormatException
    {
        public CatalogFormatException(string message) : base(message) { }
        public CatalogFormatException(string message, Exception inner) : base(message, inner) { }
    }
}
