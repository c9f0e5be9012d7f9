using System;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// Base of the DNS client's failures. Each message is written to be shown as evidence as it is
    /// (e.g. "no answer from 10.0.0.4:53 within 5 s"), so callers need not rephrase it.
    /// </summary>
    public abstract class DnsException : Exception
    {
        protected DnsException(string message)
            : base(message)
        {
        }

        protected DnsException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
