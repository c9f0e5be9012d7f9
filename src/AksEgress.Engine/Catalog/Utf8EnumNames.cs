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
