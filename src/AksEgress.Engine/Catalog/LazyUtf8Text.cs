using System;
using System.Text;
using System.Text.Json;

namespace AksEgress.Catalog
{
    /// <summary>
    /// A JSON string value kept as its UTF-8 bytes in the catalog file and decoded on first use. Loading the
    /// catalog then costs no more than parsing it: long texts (purposes, notes, headings) that a run never
    /// shows are never decoded.
    /// </summary>
    internal sealed class LazyUtf8Text
    {
        private readonly byte[]? _utf8;
        private readonly int _start;
        private readonly int _length;
        private string? _text;

        private LazyUtf8Text(string text) => _text = text;

        private LazyUtf8Text(byte[] utf8, int start, int length)
        {
            _utf8 = utf8;
            _start = start;
            _length = length;
        }

        public static readonly LazyUtf8Text Empty = new LazyUtf8Text("");

        /// <summary>The current string token of <paramref name="reader"/>, which reads <paramref name="json"/>.</summary>
        public static LazyUtf8Text Read(ref Utf8JsonReader reader, byte[] json)
        {
            if (reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.PropertyName) throw new CatalogFormatException($"Expected a JSON string, found {reader.TokenType}.");
            // Escaped text must be unescaped now; a plain value is a slice just after the opening quote.
            return reader.ValueIsEscaped || reader.HasValueSequence
                ? new LazyUtf8Text(reader.GetString() ?? "")
                : new LazyUtf8Text(json, checked((int)reader.TokenStartIndex + 1), reader.ValueSpan.Length);
        }

        /// <summary>True when the text has at least one character that is not white space.</summary>
        public bool HasContent
        {
            get
            {
                if (_utf8 == null) return !string.IsNullOrWhiteSpace(_text);
                for (var i = _start; i < _start + _length; i++)
                {
                    if (_utf8[i] != (byte)' ' && _utf8[i] != (byte)'\t') return true;
                }
                return false;
            }
        }

        public int Utf8Length => _utf8 == null ? Encoding.UTF8.GetByteCount(_text!) : _length;

        /// <summary>The first byte of the text (0 when empty), for checks that need not decode it.</summary>
        public byte FirstByte => _utf8 != null ? (_length == 0 ? (byte)0 : _utf8[_start]) : (_text!.Length == 0 ? (byte)0 : (byte)_text[0]);

        /// <summary>True when the text contains <paramref name="value"/> (an ASCII byte), without decoding it.</summary>
        public bool Contains(byte value)
        {
            if (_utf8 == null) return _text!.IndexOf((char)value) >= 0;
            return System.Array.IndexOf(_utf8, value, _start, _length) >= 0;
        }

        /// <summary>True when every byte is a digit, '.', ':' or '/': an IP address or CIDR, not a host name.</summary>
        public bool LooksLikeAddress
        {
            get
            {
                var bytes = Utf8();
                if (bytes.Length == 0) return false;
                foreach (var b in bytes)
                {
                    if (!((b >= (byte)'0' && b <= (byte)'9') || b == (byte)'.' || b == (byte)':' || b == (byte)'/')) return false;
                }
                return true;
            }
        }

        /// <summary>FNV-1a hash of the UTF-8 bytes, for duplicate detection without decoding.</summary>
        public uint Hash() => Fnv1a.Hash(Utf8());

        // Only text that was unescaped at read time has no slice of the file, and is encoded again here.
        private ReadOnlySpan<byte> Utf8() => _utf8 == null ? Encoding.UTF8.GetBytes(_text!) : new ReadOnlySpan<byte>(_utf8, _start, _length);

        public override string ToString() => _text ?? (_text = Encoding.UTF8.GetString(_utf8!, _start, _length));
    }
}
