using System;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// A small stub resolver that asks one chosen server (-DnsServer, or the destination of a "UDP 53 to a custom DNS
    /// server" rule) directly, never the system's resolver. UDP first; TCP when the UDP answer is truncated.
    /// Thread-safe: each query, and each resolution, has its own exchange with at most one socket at a time.
    /// </summary>
    public sealed class DnsClient
    {
        /// <summary>Shared for query ids: unpredictable ids are what makes a blind spoofed reply unlikely (RFC 5452).</summary>
        private static readonly RandomNumberGenerator Random = RandomNumberGenerator.Create();

        /// <param name="server">The DNS server, usually port 53.</param>
        /// <param name="timeout">The bound of one query, UDP and the TCP retry together; also of one ResolveAsync.</param>
        public DnsClient(IPEndPoint server, TimeSpan timeout)
        {
            Server = server ?? throw new ArgumentNullException(nameof(server));
            if (timeout <= TimeSpan.Zero || timeout.TotalMilliseconds > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive and at most 24 days.");
            }

            Timeout = timeout;
            // A third of the time, but not under 1 s: a lost datagram is retried twice within a 5 s limit,
            // while a fast, healthy server is never asked twice.
            var third = TimeSpan.FromTicks(timeout.Ticks / 3);
            RetransmitInterval = third > TimeSpan.FromSeconds(1) ? third : TimeSpan.FromSeconds(1);
        }

        public IPEndPoint Server { get; }
        public TimeSpan Timeout { get; }

        /// <summary>When the UDP query is sent again while no reply came; tests shorten it.</summary>
        internal TimeSpan RetransmitInterval { get; set; }

        /// <summary>
        /// One query. Returns what the server said, whatever the RCODE; a reply that is not for this query (another
        /// id or question, another source) is ignored while waiting.
        /// </summary>
        /// <param name="name">A host name; a trailing dot is dropped and internationalized names are sent as xn--.</param>
        /// <exception cref="ArgumentException">The name is not a valid DNS name (nothing is sent).</exception>
        /// <exception cref="DnsTimeoutException">No answer within <see cref="Timeout"/>.</exception>
        /// <exception cref="DnsFormatException">The server's answer could not be read.</exception>
        /// <exception cref="DnsTransportException">UDP port unreachable, or TCP refused or cut after a truncated answer.</exception>
        /// <exception cref="OperationCanceledException">The token was cancelled; the socket is closed at once.</exception>
        public async Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken cancel)
        {
            var normalized = DnsName.Normalize(name);
            cancel.ThrowIfCancellationRequested();
            using var exchange = NewExchange(cancel);
            return await exchange.QueryAsync(normalized, type, cancel).ConfigureAwait(false);
        }

        /// <summary>
        /// Resolves a host to its A and AAAA addresses through this server, following CNAMEs; see
        /// <see cref="DnsServerResolver"/>. Never throws for a DNS failure: the result carries the evidence.
        /// </summary>
        public Task<ResolveResult> ResolveAsync(string host, CancellationToken cancel) =>
            DnsHostResolution.ResolveAsync(this, host, cancel);

        /// <summary>Queries sharing one socket at a time and one <see cref="Timeout"/>, which starts now.</summary>
        internal DnsExchange NewExchange(CancellationToken cancel) => new DnsExchange(Server, Timeout, RetransmitInterval, cancel);

        /// <summary>A query id from a cryptographic source, so an off-path sender cannot guess it.</summary>
        internal static ushort NewId()
        {
            var bytes = new byte[2];
            lock (Random) Random.GetBytes(bytes); // the lock: RandomNumberGenerator is not documented thread-safe on .NET Framework
            return (ushort)((bytes[0] << 8) | bytes[1]);
        }
    }
}
