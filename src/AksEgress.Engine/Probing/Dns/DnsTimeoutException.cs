using System;
using System.Net;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// No matching answer arrived within the query's time limit. A timeout is an exception rather than a field of
    /// <see cref="DnsAnswer"/> so that a DnsAnswer always holds what a server actually said.
    /// </summary>
    public sealed class DnsTimeoutException : DnsException
    {
        public DnsTimeoutException(string message, TimeSpan timeout, bool afterTruncation)
            : base(message)
        {
            Timeout = timeout;
            AfterTruncation = afterTruncation;
        }

        /// <summary>The limit that ran out (UDP and the TCP retry together).</summary>
        public TimeSpan Timeout { get; }

        /// <summary>
        /// True when a UDP answer had TC=1 and TCP is what got no answer (a query still waiting when the other family's
        /// answer was truncated moves to TCP with it).
        /// </summary>
        public bool AfterTruncation { get; }

        internal static DnsTimeoutException NoAnswer(IPEndPoint server, TimeSpan timeout, bool afterTruncation) =>
            new DnsTimeoutException(Evidence(server, timeout, afterTruncation), timeout, afterTruncation);

        /// <summary>"no answer from 10.0.0.4:53 within 5 s", or its TCP form after a truncated answer.</summary>
        internal static string Evidence(IPEndPoint server, TimeSpan timeout, bool afterTruncation) => afterTruncation
            ? $"no answer over TCP from {DnsText.Server(server)} within {ProbeText.Seconds(timeout)} (the UDP answer was truncated)"
            : $"no answer from {DnsText.Server(server)} within {ProbeText.Seconds(timeout)}";
    }
}
