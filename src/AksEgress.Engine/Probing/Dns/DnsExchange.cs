using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// The queries of one resolution (A and AAAA at once, and the CNAME hops of each) over at most one socket at a time,
    /// so that -ThrottleLimit, a bound on probes, is also a bound on sockets. One UDP socket carries every query, the
    /// replies told apart by id and question. Once a reply is truncated that socket is closed, and only then is a TCP
    /// connection opened; every query still waiting, and every later one, goes over it (pipelined, RFC 7766).
    /// One time limit covers the whole exchange, so neither a CNAME chain nor a TCP retry can stretch it.
    /// </summary>
    internal sealed class DnsExchange : IDisposable
    {
        private readonly DnsWaitingQueries _waiting = new DnsWaitingQueries();
        private readonly IPEndPoint _server;
        private readonly TimeSpan _timeout;
        private readonly TimeSpan _retransmitInterval;
        private readonly CancellationToken _cancel;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly DnsExchangeSocket _socket;
        private readonly DnsExchangeDriver _driver;
        private readonly CancellationTokenSource _timer;
        private readonly CancellationTokenSource _closing = new CancellationTokenSource();
        private readonly CancellationTokenSource _over;
        private readonly CancellationTokenRegistration _onOver;
        private int _disposed;

        /// <param name="timeout">The bound of the whole exchange; it starts now.</param>
        /// <param name="retransmitInterval">When a UDP query without a reply is sent again.</param>
        /// <param name="cancel">The caller's cancellation: closes the socket at once.</param>
        public DnsExchange(IPEndPoint server, TimeSpan timeout, TimeSpan retransmitInterval, CancellationToken cancel)
        {
            _server = server;
            _timeout = timeout;
            _retransmitInterval = retransmitInterval;
            _cancel = cancel;
            _socket = new DnsExchangeSocket(server, _waiting);
            _timer = new CancellationTokenSource(timeout);
            _over = CancellationTokenSource.CreateLinkedTokenSource(cancel, _timer.Token, _closing.Token);
            _driver = new DnsExchangeDriver(server, _waiting, _socket, _over.Token);
            _onOver = _over.Token.Register(End);
        }

        /// <summary>One query; the exchange's other queries may be in flight at the same time.</summary>
        /// <param name="token">Gives up on this query alone; the others go on.</param>
        /// <exception cref="ArgumentException">The name is not a valid DNS name (nothing is sent).</exception>
        /// <exception cref="DnsTimeoutException">The exchange's time ran out before the answer came.</exception>
        /// <exception cref="DnsFormatException">The server's answer could not be read.</exception>
        /// <exception cref="DnsTransportException">UDP port unreachable, or TCP refused or cut after a truncated answer.</exception>
        /// <exception cref="OperationCanceledException">The token or the exchange's caller cancelled.</exception>
        public async Task<DnsAnswer> QueryAsync(string name, DnsRecordType type, CancellationToken token)
        {
            var normalized = DnsName.Normalize(name);
            token.ThrowIfCancellationRequested();
            var waiter = _waiting.Add(_server, normalized, type, _timeout - _clock.Elapsed);

            // End may have run just before the query was added, without seeing it: it must not wait for nothing.
            if (_over.IsCancellationRequested) _waiting.Fail(waiter, Ended(_socket.IsOverTcp));
            else _driver.EnsureRunning();

            using (token.Register(() => _waiting.Fail(waiter, new OperationCanceledException(token))))
            {
                await _socket.SendAsync(waiter).ConfigureAwait(false);
                _ = RetransmitAsync(waiter);
                var reply = await waiter.Reply.ConfigureAwait(false);
                return DnsAnswer.From(reply, waiter.Query, waiter.Transport, waiter.Truncated, waiter.Elapsed);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _closing.Cancel(); // runs End: closes the socket, fails anything still waiting
            _onOver.Dispose();
            _over.Dispose();
            _timer.Dispose();
            _closing.Dispose();
        }

        /// <summary>
        /// The same datagram again at each interval while time remains, as stub resolvers do, so one lost packet does
        /// not fail a probe. Ends when the query is settled or the exchange no longer uses UDP.
        /// </summary>
        private async Task RetransmitAsync(DnsWaiter waiter)
        {
            try
            {
                for (var next = _retransmitInterval; next < waiter.Limit; next += _retransmitInterval)
                {
                    var wait = next - waiter.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, waiter.Settled).ConfigureAwait(false);
                    var udp = _socket.Udp;
                    if (udp == null || waiter.Settled.IsCancellationRequested) return;
                    await _socket.SendUdpAsync(udp, waiter).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // Settled: answered, failed or given up.
            }
        }

        /// <summary>The time is up, the caller cancelled, or the exchange was disposed.</summary>
        private void End()
        {
            var overTcp = _socket.Close();
            _waiting.FailAll(Ended(overTcp));
        }

        /// <summary>The caller's cancellation wins over the timeout when both happened.</summary>
        private Exception Ended(bool overTcp)
        {
            if (_cancel.IsCancellationRequested) return new OperationCanceledException(_cancel);
            if (_closing.IsCancellationRequested) return new ObjectDisposedException(nameof(DnsExchange));
            return DnsTimeoutException.NoAnswer(_server, _timeout, afterTruncation: overTcp);
        }
    }
}
