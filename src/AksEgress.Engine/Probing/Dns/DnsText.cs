using System;
using System.Globalization;
using System.Net;

namespace AksEgress.Probing.Dns
{
    /// <summary>One spelling for servers and durations in every evidence string, so messages read the same everywhere.</summary>
    internal static class DnsText
    {
        /// <summary>"10.0.0.4:53", "[fd00::4]:53".</summary>
        public static string Server(IPEndPoint server) => server.ToString();

        /// <summary>"5 s", "0.3 s": the user's -TimeoutSec in the unit they gave it.</summary>
        public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    }
}
