using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>Turns a host name into addresses: the system resolver, a chosen DNS server (-DnsServer), or a test's map.</summary>
    public interface IHostResolver
    {
        /// <summary>Never throws for a DNS failure: the result says what failed. Throws OperationCanceledException when cancelled.</summary>
        Task<ResolveResult> ResolveAsync(string host, CancellationToken cancel);
    }

    /// <summary>Addresses, or why there are none (NXDOMAIN, SERVFAIL, no answer, timeout) as evidence.</summary>
    public sealed class ResolveResult
    {
        private ResolveResult(IReadOnlyList<IPAddress> addresses, string? failure)
        {
            Addresses = addresses;
            Failure = failure;
        }

        public IReadOnlyList<IPAddress> Addresses { get; }
        /// <summary>Null when resolved; otherwise the evidence, e.g. "NXDOMAIN from 10.0.0.4" or "no answer within 5 s".</summary>
        public string? Failure { get; }
        public bool Succeeded => Failure == null && Addresses.Count > 0;

        public static ResolveResult Of(IReadOnlyList<IPAddress> addresses) =>
            addresses.Count > 0 ? new ResolveResult(addresses, null) : new ResolveResult(addresses, "no A or AAAA record in the answer");

        public static ResolveResult Failed(string evidence) => new ResolveResult(new IPAddress[0], evidence);
    }
}
