using System.Globalization;
using System.Text;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// The Resource Graph $skipToken: opaque to clients (base64 of a tagged offset) so a client that builds its own
    /// offsets instead of echoing the token fails here as it would against the real service.
    /// </summary>
    internal static class SkipToken
    {
        private const string Tag = "fake-arg-offset:";

        public static string Encode(int offset) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Tag + offset.ToString(CultureInfo.InvariantCulture)));

        public static bool TryDecode(string token, out int offset)
        {
            offset = 0;
            var bytes = new byte[token.Length];
            if (!Convert.TryFromBase64String(token, bytes, out var length))
                return false;
            var text = Encoding.UTF8.GetString(bytes, 0, length);
            return text.StartsWith(Tag, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Tag.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
    }
}
