using System.Net;

namespace AksEgress.Probing.Dns
{
    /// <summary>One spelling for servers in every evidence string, so messages read the same everywhere.</summary>
    internal static class DnsText
    {
        /// <summary>"10.0.0.4:53", "[fd00::4]:53".</summary>
        public static string Server(IPEndPoint server) => server.ToString();
    }
}
