using System;
using System.Globalization;
using System.Net;

namespace AksEgress.Probing
{
    /// <summary>How evidence is worded, the same in every probe (invariant culture: details end up in CSV).</summary>
    internal static class ProbeText
    {
        public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

        public static string Milliseconds(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);

        public static string Endpoint(IPAddress address, int port) =>
            address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]:" + port : address + ":" + port;

        /// <summary>"host" for the scheme's default port, "host:port" otherwise (what a Host header and a CONNECT carry).</summary>
        public static string Authority(string host, int port, int defaultPort)
        {
            var h = host.IndexOf(':') >= 0 && !host.StartsWith("[", StringComparison.Ordinal) ? "[" + host + "]" : host;
            return port == defaultPort ? h : h + ":" + port.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Body text for a detail: one line, bounded.</summary>
        public static string OneLine(string text, int max = 300)
        {
            var collapsed = string.Join(" ", text.Split(new[] { ' ', '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries));
            return collapsed.Length <= max ? collapsed : collapsed.Substring(0, max) + "...";
        }
    }
}
