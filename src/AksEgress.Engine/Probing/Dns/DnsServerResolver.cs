using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// The resolver behind -DnsServer: asks that server (not the system resolver) for A and AAAA in parallel over one
    /// socket, so a probe holds one socket at a time as -ThrottleLimit promises; follows CNAMEs the server left
    /// unresolved (at most 8, loops detected), and turns every failure into short, precise evidence such as
    /// "NXDOMAIN from 10.0.0.4:53" or "no answer from 10.0.0.4:53 within 5 s".
    /// A literal IP address resolves to itself without a query.
    /// </summary>
    public sealed class DnsServerResolver : IHostResolver
    {
        private readonly DnsClient _client;

        /// <param name="timeout">The bound of one resolution: both families, CNAME hops and any TCP retry together.</param>
        public DnsServerResolver(IPEndPoint server, TimeSpan timeout)
        {
            _client = new DnsClient(server, timeout);
        }

        public IPEndPoint Server => _client.Server;
        public TimeSpan Timeout => _client.Timeout;

        public Task<ResolveResult> ResolveAsync(string host, CancellationToken cancel) => _client.ResolveAsync(host, cancel);
    }
}
