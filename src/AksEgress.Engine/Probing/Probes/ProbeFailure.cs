using System;

namespace AksEgress.Probing
{
    /// <summary>
    /// A step's verdict that ends the probe (refused, closed after ClientHello, denied...). Thrown so each step
    /// reads straight through; Prober turns it into a Failed outcome with the total latency.
    /// </summary>
    internal sealed class ProbeFailure : Exception
    {
        public ProbeFailure(ProbeFailureKind kind, string detail)
            : base(detail)
        {
            Kind = kind;
            Detail = detail;
        }

        public ProbeFailureKind Kind { get; }
        public string Detail { get; }
    }
}
