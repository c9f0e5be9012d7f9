using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// The one socket of an exchange: UDP first, TCP once a reply was truncated. It opens a socket only when none is
    /// open, which is what keeps a probe at one socket; and it is the one place that knows where a query is sent.
    /// </summary>
    internal sealed class DnsExchangeSocket
    {
        private readonly object _gate = new object();
        private readonly IPEndPoint _server;
        private readonly DnsWaitingQueries _waiting;
        private IDisposable? _open;
        private DnsUdpChannel? _udp; // set while queries can be sent over UDP
        private DnsTcpChannel? _tcp; // set once the TCP connection is up
        private bool _overTcp;
        private bool _closed;
        private int _channels;

        public DnsExchangeSocket(IPEndPoint server, DnsWaitingQueries waiting)
        {
            _server = server;
            _waiting = waiting;
        }

        /// <summary>A reply was truncated: the rest of the exchange uses TCP.</summary>
        public bool IsOverTcp
        {
            get
            {
                lock (_gate) return _overTcp;
            }
        }

        /// <summary>The UDP channel queries go to, if that is where they go now.</summary>
        public DnsUdpChannel? Udp
        {
            get
            {
                lock (_gate) return _udp;
            }
        }

        /// <returns>Null once the exchange is over.</returns>
        /// <exception cref="SocketException">The system could not open the socket.</exception>
        public DnsUdpChannel? OpenUdp()
        {
            lock (_gate)
            {
                if (_closed) return null;
                if (_open != null) throw new InvalidOperationException("The exchange already has a socket.");
                _udp = new DnsUdpChannel(_server, ++_channels);
                _open = _udp;
                return _udp;
            }
        }

        /// <returns>Null once the exchange is over. Queries go to it after <see cref="Connected"/>.</returns>
        /// <exception cref="SocketException">The system could not open the socket.</exception>
        public DnsTcpChannel? OpenTcp()
        {
            lock (_gate)
            {
                if (_closed) return null;
                if (_open != null) throw new InvalidOperationException("The exchange already has a socket.");
                var channel = new DnsTcpChannel(_server, ++_channels);
                _open = channel;
                return channel;
            }
        }

        public void Connected(DnsTcpChannel channel)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_open, channel)) _tcp = channel;
            }
        }

        /// <summary>Stops UDP sends before the UDP socket is retired, so no query goes to a socket that is closing.</summary>
        public void MoveToTcp()
        {
            lock (_gate)
            {
                _overTcp = true;
                _udp = null;
            }
        }

        /// <summary>Forgets a channel, then closes it; the next may only be opened after this.</summary>
        public void Retire(IDisposable channel)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_udp, channel)) _udp = null;
                if (ReferenceEquals(_tcp, channel)) _tcp = null;
                if (ReferenceEquals(_open, channel)) _open = null;
            }

            channel.Dispose();
        }

        /// <summary>The exchange is over: closes the socket at once (ending any receive) and never opens another.</summary>
        /// <returns>Whether the exchange had moved to TCP.</returns>
        public bool Close()
        {
            IDisposable? open;
            bool overTcp;
            lock (_gate)
            {
                _closed = true;
                open = _open;
                overTcp = _overTcp;
            }

            open?.Dispose();
            return overTcp;
        }

        /// <summary>Sends a new query at once when a channel is up; otherwise the driver sends it when it opens one.</summary>
        public async Task SendAsync(DnsWaiter waiter)
        {
            DnsUdpChannel? udp;
            DnsTcpChannel? tcp;
            lock (_gate)
            {
                udp = _udp;
                tcp = _tcp;
            }

            if (tcp != null && waiter.ClaimSend(tcp.Number))
            {
                try
                {
                    await tcp.SendAsync(waiter.Query).ConfigureAwait(false);
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
                {
                    // A broken connection also fails the driver's read, which reports it or asks again on a new one.
                }
            }
            else if (udp != null && waiter.ClaimSend(udp.Number))
            {
                await SendUdpAsync(udp, waiter).ConfigureAwait(false);
            }
        }

        /// <summary>A datagram; a refusal fails every waiting query, as they all go to the same port.</summary>
        public async Task SendUdpAsync(DnsUdpChannel channel, DnsWaiter waiter)
        {
            try
            {
                await channel.SendAsync(waiter.Query).ConfigureAwait(false);
            }
            catch (SocketException e) when (IsCurrent(channel))
            {
                // Some systems report the port unreachable of an earlier datagram on the next send, not on the receive.
                _waiting.FailAll(DnsUdpChannel.Failure(_server, e));
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                // Closed under the send: the exchange moved to TCP (the query goes there) or is over.
            }
        }

        private bool IsCurrent(DnsUdpChannel channel)
        {
            lock (_gate) return ReferenceEquals(_udp, channel) && !_closed;
        }
    }
}
