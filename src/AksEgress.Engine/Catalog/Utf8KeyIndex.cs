using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace AksEgress.Catalog
{
    /// <summary>
    /// Looks values up by the UTF-8 bytes of a JSON string token, so a row's reference to a table or purpose
    /// is resolved where it is read, without decoding it to a string first.
    /// </summary>
    internal sealed class Utf8KeyIndex<T> where T : class
    {
        private readonly Dictionary<uint, List<KeyValuePair<byte[], T>>> _buckets = new Dictionary<uint, List<KeyValuePair<byte[], T>>>();

        public int Count { get; private set; }

        public void Add(string key, T value)
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            var hash = Hash(bytes);
            if (!_buckets.TryGetValue(hash, out var bucket)) _buckets[hash] = bucket = new List<KeyValuePair<byte[], T>>(1);
            bucket.Add(new KeyValuePair<byte[], T>(bytes, value));
            Count++;
        }

        /// <summary>The value whose key equals the reader's current string token, or null.</summary>
        public T? Find(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence) return FindDecoded(reader.GetString() ?? "");
            if (!_buckets.TryGetValue(Hash(reader.ValueSpan), out var bucket)) return null;
            foreach (var pair in bucket)
            {
                if (reader.ValueTextEquals(pair.Key)) return pair.Value;
            }
            return null;
        }

        private T? FindDecoded(string key)
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            if (!_buckets.TryGetValue(Hash(bytes), out var bucket)) return null;
            foreach (var pair in bucket)
            {
                if (System.MemoryExtensions.SequenceEqual<byte>(pair.Key, bytes)) return pair.Value;
            }
            return null;
        }

        // FNV-1a: keys are short ASCII ids, so a simple byte hash spreads them well.
        private static uint Hash(System.ReadOnlySpan<byte> bytes)
        {
            var hash = 2166136261u;
            foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
            return hash;
        }
    }
}
