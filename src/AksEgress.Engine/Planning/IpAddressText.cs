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
        public static bool IsAddressOrCidr(string? text)
        {
            if (text == "*") return true;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var parts = text!.Split('/');
            if (parts.Length > 2 || !TryParse(parts[0], out var address)) return false;
            if (parts.Length == 1) return true;
            var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            return int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix) && prefix <= max;
        }
    }
}
