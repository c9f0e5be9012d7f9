using System;
using System.Globalization;
using System.Text;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// Checks and normalizes the names we put in queries, and escapes the labels we read from the wire.
    /// Validation happens before anything is sent, so a typo is reported as such rather than as a server's FORMERR.
    /// </summary>
    internal static class DnsName
    {
        /// <summary>RFC 1035 2.3.4: 63 octets per label, 255 octets on the wire (253 characters of text).</summary>
        internal const int MaxLabelLength = 63;
        internal const int MaxTextLength = 253;

        private static readonly IdnMapping Idn = new IdnMapping();

        /// <summary>
        /// Trims, drops one trailing dot, turns an internationalized name into its xn-- form, and checks labels.
        /// Letters, digits, '-' and '_' are allowed ('_' for service names such as _ldap._tcp).
        /// </summary>
        /// <exception cref="ArgumentException">The text is not a usable DNS name; the message says why.</exception>
        public static string Normalize(string name)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            var text = name.Trim();
            if (text.EndsWith(".", StringComparison.Ordinal)) text = text.Substring(0, text.Length - 1);
            if (text.Length == 0) throw new ArgumentException("the name is empty", nameof(name));

            if (!IsAscii(text))
            {
                try
                {
                    text = Idn.GetAscii(text);
                }
                catch (ArgumentException e)
                {
                    throw new ArgumentException($"'{name}' is not a valid internationalized name: {e.Message}", nameof(name), e);
                }
            }

            if (text.Length > MaxTextLength) throw new ArgumentException($"'{Shorten(text)}' is longer than {MaxTextLength} characters", nameof(name));
            var labelStart = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '.')
                {
                    var length = i - labelStart;
                    if (length == 0) throw new ArgumentException($"'{text}' has an empty label", nameof(name));
                    if (length > MaxLabelLength) throw new ArgumentException($"'{Shorten(text)}' has a label longer than {MaxLabelLength} characters", nameof(name));
                    labelStart = i + 1;
                    continue;
                }

                var c = text[i];
                if (!IsLetterOrDigit(c) && c != '-' && c != '_')
                {
                    throw new ArgumentException($"'{text}' contains '{c}', which is not allowed in a DNS name", nameof(name));
                }
            }

            return text;
        }

        /// <summary>DNS compares names case-insensitively (RFC 4343); our names are ASCII, escaped if not.</summary>
        public static bool AreEqual(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Appends one label read from the wire. Any octet may appear in a label, so anything outside printable
        /// ASCII (and the dot and backslash themselves) is written as \DDD, as dig does; reading never fails on content.
        /// </summary>
        public static void AppendLabel(StringBuilder text, byte[] data, int offset, int length)
        {
            for (var i = offset; i < offset + length; i++)
            {
                var b = data[i];
                if (b == (byte)'.' || b == (byte)'\\') text.Append('\\').Append((char)b);
                else if (b > 0x20 && b < 0x7F) text.Append((char)b);
                else text.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            }
        }

        private static bool IsAscii(string text)
        {
            foreach (var c in text)
            {
                if (c > 0x7F) return false;
            }

            return true;
        }

        private static bool IsLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
