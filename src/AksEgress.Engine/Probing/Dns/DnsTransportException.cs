using System;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// The network said no before any answer came: UDP port unreachable (ICMP), a TCP connection refused or cut
    /// short. Kept apart from a timeout because a refusal means something answered, and a silent drop does not.
    /// </summary>
    public sealed class DnsTransportException : DnsException
    {
        public DnsTransportException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public DnsTransportException(string message)
            : base(message)
        {
        }
    }
}
