using System.Net;
using System.Net.Sockets;

namespace AksEgress.Planning
{
    /// <summary>IP addresses and CIDRs as an operator types them into a firewall rule.</summary>
    public static class IpAddressText
    {
        /// <summary>
        /// Parses an IPv4 or IPv6 address. IPAddress.TryParse also takes shorthand such as "10.1" (= 10.0.0.1);
        /// a firewall rule wants the full form, so an IPv4 address must have all four parts.
        /// </summary>
        public static bool TryParse(string? text, out IPAddress address)
        {
            var trimmed = (text ?? "").Trim();
            if (IPAddress.TryParse(trimmed, out var parsed)
                && (parsed.AddressFamily != AddressFamily.InterNetwork || trimmed.Split('.').Length == 4))
            {
                address = parsed;
                return true;
            }
            address = IPAddress.None;
            return false;
        }

        /// <summary>An address, an address/prefix CIDR, or "*".</summary>
        public static bool IsAddressOrCidr(string? text) => text == "*" || TryParseNetwork(text, out _, out _);

        /// <summary>
        /// Whether the address or CIDR <paramref name="inner"/> lies inside the address or CIDR <paramref name="outer"/>
        /// (an address is its own /32 or /128). False when either is not an address or CIDR, or the families differ.
        /// </summary>
        public static bool Within(string? inner, string? outer)
        {
            if (!TryParseNetwork(inner?.Trim(), out var innerBytes, out var innerPrefix) || !TryParseNetwork(outer?.Trim(), out var outerBytes, out var outerPrefix)) return false;
            if (innerBytes.Length != outerBytes.Length || innerPrefix < outerPrefix) return false;
            for (var bit = 0; bit < outerPrefix; bit++)
            {
                var mask = (byte)(0x80 >> (bit % 8));
                if ((innerBytes[bit / 8] & mask) != (outerBytes[bit / 8] & mask)) return false;
            }
            return true;
        }

        /// <summary>An address (prefix: all its bits) or address/prefix, parsed once for both checks above.</summary>
        private static bool TryParseNetwork(string? text, out byte[] bytes, out int prefix)
        {
            bytes = new byte[0];
            prefix = 0;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var parts = text!.Split('/');
            if (parts.Length > 2 || !TryParse(parts[0], out var address)) return false;
            bytes = address.GetAddressBytes();
            var bits = bytes.Length * 8;
            if (parts.Length == 1)
            {
                prefix = bits;
                return true;
            }
            return int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefix) && prefix <= bits;
        }
    }
}
