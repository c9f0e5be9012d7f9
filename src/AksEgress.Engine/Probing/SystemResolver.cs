using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// The node's own resolver (getaddrinfo through Dns.GetHostAddressesAsync): what a pod using the node's
    /// resolv.conf would get. Its error codes become the evidence a DnsFailure carries.
    /// </summary>
    public sealed class SystemResolver : IHostResolver
    {
        public static readonly SystemResolver Instance = new SystemResolver();

        public async Task<ResolveResult> ResolveAsync(string host, CancellationToken cancel)
        {
            cancel.ThrowIfCancellationRequested();
            // A literal needs no lookup, and getaddrinfo would only echo it back anyway.
            if (Planning.IpAddressText.TryParseHostLiteral(host, out var literal))
                return ResolveResult.Of(new[] { literal });

            try
            {
                // The lookup cannot be cancelled on netstandard2.0; it is abandoned instead so a probe still returns on time.
                var addresses = await CancellableTasks.WaitAsync(System.Net.Dns.GetHostAddressesAsync(host), cancel).ConfigureAwait(false);
                return ResolveResult.Of(addresses);
            }
            catch (SocketException e)
            {
                return ResolveResult.Failed(Describe(e.SocketErrorCode));
            }
            catch (ArgumentException e)
            {
                // Too long a name, an empty label: the system refuses to ask at all.
                return ResolveResult.Failed("invalid host name (" + e.Message + ")");
            }
        }

        /// <summary>getaddrinfo's answers, as the DNS outcome they stand for.</summary>
        internal static string Describe(SocketError error)
        {
            switch (error)
            {
                case SocketError.HostNotFound: return "NXDOMAIN (system resolver)";
                case SocketError.TryAgain: return "SERVFAIL or no answer (system resolver)";
                case SocketError.NoData: return "no A or AAAA record (system resolver)";
                case SocketError.NoRecovery: return "non-recoverable failure, e.g. REFUSED or FORMERR (system resolver)";
                default: return error + " (system resolver)";
            }
        }
    }
}
