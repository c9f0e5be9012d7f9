using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AksEgress.Planning
{
    /// <summary>
    /// IP addresses, CIDRs and IPv4 ranges as an operator types them into a firewall rule: the one parser every address
    /// input goes through (plans, exports, piped rules, probes, -DnsServer, -NoProxy).
    /// </summary>
    /// <remarks>
    /// IPAddress.TryParse follows inet_aton: "10.1" is 10.0.0.1, "2130706433" is 127.0.0.1, "0x0a.0.0.1" is hex and
    /// "010.0.0.4" is octal 8.0.0.4, while Azure Firewall, azurerm and people read the last one as 10.0.0.4. So IPv4 is
    /// accepted only as four dotted decimal parts without leading zeros; anything else that some parser would still take
    /// for an address is refused with the reason (<see cref="Problem"/>), never guessed.
    /// </remarks>
    public static class IpAddressText
    {
        /// <summary>An IPv4 address in strict dotted decimal, or an IPv6 address (no brackets, zone or port).</summary>
        public static bool TryParse(string? text, out IPAddress address)
        {
            address = IPAddress.None;
            var trimmed = (text ?? "").Trim();
            if (trimmed.IndexOf(':') >= 0)
            {
                if (trimmed.IndexOf('%') >= 0 || trimmed.IndexOf('[') >= 0 || trimmed.IndexOf('/') >= 0
                    || !IPAddress.TryParse(trimmed, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                {
                    return false;
                }
                // An IPv4 tail inside IPv6 (::ffff:010.0.0.1) follows the IPv4 rules.
                var lastColon = trimmed.LastIndexOf(':');
                if (trimmed.IndexOf('.', lastColon) >= 0 && !IsDottedDecimal(trimmed.Substring(lastColon + 1))) return false;
                address = v6;
                return true;
            }
            if (!IsDottedDecimal(trimmed)) return false;
            address = IPAddress.Parse(trimmed);
            return true;
        }

        /// <summary>A host that is an address literal: as <see cref="TryParse"/>, and IPv6 also in brackets ("[::1]").</summary>
        public static bool TryParseHostLiteral(string? host, out IPAddress address)
        {
            var text = (host ?? "").Trim();
            if (text.Length > 2 && text[0] == '[' && text[text.Length - 1] == ']')
            {
                return TryParse(text.Substring(1, text.Length - 2), out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
            }
            return TryParse(text, out address);
        }

        /// <summary>
        /// Why <paramref name="text"/> is not an address, when it looks like one that another parser would read
        /// differently (zero-padded, fewer than four parts, a single number, hex); null when it is an address or does not
        /// look like one at all (a host name).
        /// </summary>
        public static string? Problem(string? text)
        {
            var trimmed = (text ?? "").Trim();
            if (trimmed.Length == 0 || TryParse(trimmed, out _)) return null;
            var slash = trimmed.IndexOf('/');
            if (slash > 0)
            {
                var network = trimmed.Substring(0, slash);
                if (!TryParse(network, out var address)) return Problem(network) ?? (LooksNumeric(network) || network.IndexOf(':') >= 0 ? $"'{network}' is not an IP address." : null);
                return IsAddressOrCidr(trimmed) ? null
                    : $"'{trimmed}' has the prefix length '{trimmed.Substring(slash + 1)}'; a CIDR takes 0-{(address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)}, e.g. {network}/{(address.AddressFamily == AddressFamily.InterNetwork ? 24 : 64)}.";
            }
            var dash = trimmed.IndexOf('-');
            if (dash > 0 && LooksNumeric(trimmed.Substring(0, dash)))
            {
                return Problem(trimmed.Substring(0, dash)) ?? Problem(trimmed.Substring(dash + 1))
                    ?? (IsIPv4Range(trimmed) ? null : $"'{trimmed}' is not a range of two IPv4 addresses, the first not above the last (e.g. 10.0.0.1-10.0.0.5).");
            }
            if (!LooksNumeric(trimmed)) return null;
            var parts = trimmed.Split('.');
            foreach (var part in parts)
            {
                if (part.Length > 1 && part[0] == '0')
                {
                    return part[1] == 'x' || part[1] == 'X'
                        ? $"'{trimmed}' has a hexadecimal part ({part}); write the address in dotted decimal."
                        : $"'{trimmed}' has a zero-padded part ({part}), which some tools read as octal; write it without leading zeros (e.g. {StripZeros(trimmed)}).";
                }
            }
            if (parts.Length != 4) return $"'{trimmed}' is not four dotted decimal numbers; write the full address, e.g. 10.0.0.4.";
            return $"'{trimmed}' has a part above 255.";
        }

        /// <summary>An address, an address/prefix CIDR, or "*".</summary>
        public static bool IsAddressOrCidr(string? text) => text == "*" || TryParseNetwork(text, out _, out _);

        /// <summary>What Azure Firewall takes as a source or destination address: an address, a CIDR, an IPv4 range a-b, or "*".</summary>
        public static bool IsAddressCidrOrRange(string? text) => IsAddressOrCidr(text) || IsIPv4Range(text);

        /// <summary>An IPv4 range "first-last" with first &lt;= last, as Azure Firewall and azurerm accept it.</summary>
        public static bool IsIPv4Range(string? text)
        {
            var parts = (text ?? "").Trim().Split('-');
            if (parts.Length != 2 || !TryParse(parts[0], out var first) || !TryParse(parts[1], out var last)) return false;
            if (first.AddressFamily != AddressFamily.InterNetwork || last.AddressFamily != AddressFamily.InterNetwork) return false;
            var a = first.GetAddressBytes();
            var b = last.GetAddressBytes();
            for (var i = 0; i < 4; i++)
            {
                if (a[i] != b[i]) return a[i] < b[i];
            }
            return true;
        }

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

        /// <summary>An address (prefix: all its bits) or address/prefix, the prefix in decimal without leading zeros.</summary>
        private static bool TryParseNetwork(string? text, out byte[] bytes, out int prefix)
        {
            bytes = new byte[0];
            prefix = 0;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var parts = text!.Trim().Split('/');
            if (parts.Length > 2 || !TryParse(parts[0], out var address)) return false;
            bytes = address.GetAddressBytes();
            var bits = bytes.Length * 8;
            if (parts.Length == 1)
            {
                prefix = bits;
                return true;
            }
            var digits = parts[1];
            return digits.Length > 0 && digits.Length <= 3 && (digits.Length == 1 || digits[0] != '0')
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) && prefix <= bits;
        }

        private static bool IsDottedDecimal(string text)
        {
            var parts = text.Split('.');
            if (parts.Length != 4) return false;
            foreach (var part in parts)
            {
                if (part.Length == 0 || part.Length > 3 || (part.Length > 1 && part[0] == '0')) return false;
                foreach (var c in part)
                {
                    if (c < '0' || c > '9') return false;
                }
                if (int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture) > 255) return false;
            }
            return true;
        }

        /// <summary>Digits, dots and hex markers only: text that inet_aton-style parsers would take as an IPv4 address.</summary>
        private static bool LooksNumeric(string text)
        {
            if (text.Length == 0) return false;
            foreach (var c in text)
            {
                var hex = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == 'x' || c == 'X';
                if (!(c >= '0' && c <= '9') && c != '.' && !hex) return false;
            }
            return text[0] >= '0' && text[0] <= '9';
        }

        private static string StripZeros(string text)
        {
            var parts = text.Split('.');
            for (var i = 0; i < parts.Length; i++)
            {
                var trimmed = parts[i].TrimStart('0');
                parts[i] = trimmed.Length == 0 ? "0" : trimmed;
            }
            return string.Join(".", parts);
        }
    }
}
