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
        // One key per hash; the rare colliding keys go to a short overflow list.
        private readonly Dictionary<uint, KeyValuePair<byte[], T>> _first = new Dictionary<uint, KeyValuePair<byte[], T>>();
        private readonly List<KeyValuePair<byte[], T>> _collisions = new List<KeyValuePair<byte[], T>>();

        /// <summary>Adds under the reader's current property name or string, taken as raw bytes.</summary>
        public void Add(ref Utf8JsonReader reader, T value) =>
            Add(reader.ValueIsEscaped || reader.HasValueSequence ? Encoding.UTF8.GetBytes(reader.GetString() ?? "") : reader.ValueSpan.ToArray(), value);

        /// <summary>True when the reader's current token is already a key.</summary>
        public bool Contains(ref Utf8JsonReader reader) => Find(ref reader) != null;

        private void Add(byte[] bytes, T value)
        {
            var pair = new KeyValuePair<byte[], T>(bytes, value);
            var hash = Fnv1a.Hash(bytes);
            if (_first.ContainsKey(hash)) _collisions.Add(pair);
            else _first.Add(hash, pair);
        }

        /// <summary>The value whose key equals the reader's current string token, or null.</summary>
        public T? Find(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence) return FindDecoded(reader.GetString() ?? "");
            if (!_first.TryGetValue(Fnv1a.Hash(reader.ValueSpan), out var first)) return null;
            if (reader.ValueTextEquals(first.Key)) return first.Value;
            foreach (var pair in _collisions)
            {
                if (reader.ValueTextEquals(pair.Key)) return pair.Value;
            }
            return null;
        }

        private T? FindDecoded(string key)
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            if (_first.TryGetValue(Fnv1a.Hash(bytes), out var first) && System.MemoryExtensions.SequenceEqual<byte>(first.Key, bytes)) return first.Value;
            foreach (var pair in _collisions)
            {
                if (System.MemoryExtensions.SequenceEqual<byte>(pair.Key, bytes)) return pair.Value;
            }
            return null;
        }
    }
}
