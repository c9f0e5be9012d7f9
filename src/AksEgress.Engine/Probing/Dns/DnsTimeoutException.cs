using System;

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

        /// <summary>True when UDP answered with TC=1 and the TCP retry is what got no answer.</summary>
        public bool AfterTruncation { get; }
    }
}
