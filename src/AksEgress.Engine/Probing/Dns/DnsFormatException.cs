using System;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// A DNS message that cannot be read: cut short, a bad length, a compression pointer loop, or an answer over TCP
    /// that does not belong to the query. The parser throws only this, whatever bytes it is given.
    /// </summary>
    public sealed class DnsFormatException : DnsException
    {
        public DnsFormatException(string message)
            : base(message)
        {
        }

        public DnsFormatException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
