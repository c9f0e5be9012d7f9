using System;

namespace AksEgress.Catalog
{
    /// <summary>
    /// FNV-1a over UTF-8 bytes: the catalog's ids and keys are short ASCII, which this simple hash spreads well,
    /// and both the key index and the duplicate-id check must hash a key the same way.
    /// </summary>
    internal static class Fnv1a
    {
        public static uint Hash(ReadOnlySpan<byte> bytes)
        {
            var hash = 2166136261u;
            foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
            return hash;
        }
    }
}
