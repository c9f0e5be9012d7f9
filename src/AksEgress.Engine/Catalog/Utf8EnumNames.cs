using System;
using System.Text;
using System.Text.Json;

namespace AksEgress.Catalog
{
    /// <summary>
    /// The names of an enum as UTF-8 bytes, so the catalog reader can match a JSON string against them in
    /// place instead of allocating a string and calling Enum.TryParse for every field of every row.
    /// </summary>
    internal sealed class Utf8EnumNames<T> where T : struct
    {
        public static readonly Utf8EnumNames<T> Instance = new Utf8EnumNames<T>();

        private readonly byte[][] _names;
        private readonly T[] _values;

        private Utf8EnumNames()
        {
            _values = (T[])Enum.GetValues(typeof(T));
            _names = Array.ConvertAll(_values, v => Encoding.UTF8.GetBytes(v.ToString()!));
        }

        public bool TryMatch(ref Utf8JsonReader reader, out T value)
        {
            if (reader.ValueIsEscaped || reader.HasValueSequence) return TryMatchSlowly(ref reader, out value);
            var span = reader.ValueSpan;
            for (var i = 0; i < _names.Length; i++)
            {
                // Length and first byte rule out almost every other name before a full comparison.
                var name = _names[i];
                if (name.Length == span.Length && name[0] == span[0] && span.SequenceEqual(name))
                {
                    value = _values[i];
                    return true;
                }
            }
            value = default;
            return false;
        }

        private bool TryMatchSlowly(ref Utf8JsonReader reader, out T value)
        {
            for (var i = 0; i < _names.Length; i++)
            {
                if (reader.ValueTextEquals(_names[i]))
                {
                    value = _values[i];
                    return true;
                }
            }
            value = default;
            return false;
        }

        public string List => string.Join(", ", Enum.GetNames(typeof(T)));
    }
}
