using System;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// A small stub resolver that asks one chosen server (-DnsServer, or the destination of a "UDP 53 to a custom DNS
    /// server" rule) directly, never the system's resolver. UDP first; TCP when the UDP answer is truncated.
    /// Thread-safe: each query has its own socket.
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
        public Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken cancel) =>
            QueryAsync(name, type, Timeout, cancel);

        /// <summary>
        /// Resolves a host to its A and AAAA addresses through this server, following CNAMEs; see
        /// <see cref="DnsServerResolver"/>. Never throws for a DNS failure: the result carries the evidence.
        /// </summary>
        public Task<ResolveResult> ResolveAsync(string host, CancellationToken cancel) =>
            DnsHostResolution.ResolveAsync(this, host, cancel);

        /// <summary>A query with its own limit: a CNAME hop of ResolveAsync gets only the time left.</summary>
        internal async Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, TimeSpan timeout, CancellationToken cancel)
        {
            var query = new DnsPendingQuery(Server, NewId(), DnsName.Normalize(name), type);
            cancel.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();

            DnsMessage reply;
            try
            {
                reply = await DnsUdpExchange.ExchangeAsync(query, timeout, RetransmitInterval, cancel).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new DnsTimeoutException($"no answer from {DnsText.Server(Server)} within {DnsText.Seconds(timeout)}", timeout, afterTruncation: false);
            }

            if (!reply.IsTruncated) return DnsAnswer.From(reply, query, "udp", truncated: false, clock.Elapsed);

            try
            {
                reply = await DnsTcpExchange.ExchangeAsync(query, timeout - clock.Elapsed, cancel).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new DnsTimeoutException(
                    $"no answer over TCP from {DnsText.Server(Server)} within {DnsText.Seconds(timeout)} (the UDP answer was truncated)",
                    timeout,
                    afterTruncation: true);
            }

            return DnsAnswer.From(reply, query, "tcp", truncated: true, clock.Elapsed);
        }

        /// <summary>A query id from a cryptographic source, so an off-path sender cannot guess it.</summary>
        internal static ushort NewId()
        {
            var bytes = new byte[2];
            lock (Random) Random.GetBytes(bytes); // the lock: RandomNumberGenerator is not documented thread-safe on .NET Framework
            return (ushort)((bytes[0] << 8) | bytes[1]);
        }
    }
}
