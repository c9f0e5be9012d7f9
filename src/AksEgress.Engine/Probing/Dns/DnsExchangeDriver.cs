using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// Reads every reply of an exchange: opens its socket, sends the queries already waiting, and hands each reply to
    /// its query. One channel at a time, each retired before the next is opened. Runs while queries wait; the next
    /// query starts it again.
    /// </summary>
    internal sealed class DnsExchangeDriver
    {
        private readonly object _gate = new object();
        private readonly IPEndPoint _server;
        private readonly DnsWaitingQueries _waiting;
        private readonly DnsExchangeSocket _socket;
        private readonly CancellationToken _over;
        private bool _running;

        /// <param name="over">Cancelled when the exchange is over (its socket is then closed under any receive).</param>
        public DnsExchangeDriver(IPEndPoint server, DnsWaitingQueries waiting, DnsExchangeSocket socket, CancellationToken over)
        {
            _server = server;
            _waiting = waiting;
            _socket = socket;
            _over = over;
        }

        /// <summary>Call after adding a query.</summary>
        public void EnsureRunning()
        {
            lock (_gate)
            {
                if (_running) return;
                _running = true;
            }

            _ = Task.Run(RunAsync);
        }

        private async Task RunAsync()
        {
            while (true)
            {
                try
                {
                    if (_socket.IsOverTcp) await RunTcpAsync().ConfigureAwait(false);
                    else await RunUdpAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_over.IsCancellationRequested)
                {
                    // The socket was closed because the exchange is over, and every waiting query was told why.
                }
                catch (Exception e)
                {
                    _waiting.FailAll(e as DnsException ?? new DnsTransportException($"query to {DnsText.Server(_server)} failed: {e.Message}", e));
                }

                lock (_gate)
                {
                    // Under the lock: a query added after this check finds the driver stopped and starts it again.
                    if (_over.IsCancellationRequested || _waiting.Count == 0)
                    {
                        _running = false;
                        return;
                    }
                }
            }
        }

        /// <summary>Returns when a truncated reply moved the exchange to TCP, after closing the UDP socket.</summary>
        private async Task RunUdpAsync()
        {
            DnsUdpChannel? channel;
            try
            {
                channel = _socket.OpenUdp();
            }
            catch (SocketException e)
            {
                throw DnsUdpChannel.Failure(_server, e);
            }

            if (channel == null) return;
            try
            {
                foreach (var waiter in _waiting.Snapshot())
                {
                    if (waiter.ClaimSend(channel.Number)) await _socket.SendUdpAsync(channel, waiter).ConfigureAwait(false);
                }

                while (true)
                {
                    var length = await channel.ReceiveAsync().ConfigureAwait(false);
                    if (_waiting.DeliverDatagram(channel.Buffer, length))
                    {
                        _socket.MoveToTcp();
                        return;
                    }
                }
            }
            catch (SocketException e) when (!_over.IsCancellationRequested)
            {
                throw DnsUdpChannel.Failure(_server, e);
            }
            finally
            {
                _socket.Retire(channel);
            }
        }

        /// <summary>
        /// Returns when the server closes the connection after answering at least once (RFC 7766 lets it): the queries
        /// still waiting are then asked again on a new connection.
        /// </summary>
        private async Task RunTcpAsync()
        {
            DnsTcpChannel? channel;
            try
            {
                channel = _socket.OpenTcp();
            }
            catch (SocketException e)
            {
                throw DnsTcpChannel.Failure(_server, e);
            }

            if (channel == null) return;
            try
            {
                await channel.ConnectAsync().ConfigureAwait(false);
                _socket.Connected(channel);
                foreach (var waiter in _waiting.Snapshot())
                {
                    if (waiter.ClaimSend(channel.Number)) await channel.SendAsync(waiter.Query).ConfigureAwait(false);
                }

                for (var answered = 0; ; answered++)
                {
                    var message = await channel.ReceiveAsync().ConfigureAwait(false);
                    if (message == null)
                    {
                        if (answered == 0 && _waiting.Count > 0) throw channel.ClosedEarly();
                        return;
                    }

                    _waiting.DeliverOverTcp(message, _server);
                }
            }
            catch (SocketException e) when (!_over.IsCancellationRequested)
            {
                throw DnsTcpChannel.Failure(_server, e);
            }
            finally
            {
                _socket.Retire(channel);
            }
        }
    }
}
