using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// The UDP socket of an exchange, connected to the server: the system then drops datagrams from any other address
    /// or port, and an ICMP port unreachable surfaces as a refusal instead of a silent timeout. Every query of the
    /// exchange goes out on it; only the exchange's receive loop reads from it.
    /// </summary>
    internal sealed class DnsUdpChannel : IDisposable
    {
        /// <summary>The largest UDP payload; a smaller buffer would make an oversized reply fail on some systems.</summary>
        private const int MaxDatagram = 65535;

        private readonly Socket _socket;

        /// <param name="number">Tells channels of one exchange apart (see <see cref="DnsWaiter.ClaimSend"/>).</param>
        /// <exception cref="SocketException">The system could not open the socket.</exception>
        public DnsUdpChannel(IPEndPoint server, int number)
        {
            _socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                _socket.Connect(server); // UDP: sets the peer only, nothing goes on the wire
            }
            catch
            {
                _socket.Dispose();
                throw;
            }

            Number = number;
        }

        public int Number { get; }

        /// <summary>Where <see cref="ReceiveAsync"/> puts a datagram; one receive at a time.</summary>
        public byte[] Buffer { get; } = new byte[MaxDatagram];

        public Task<int> SendAsync(DnsPendingQuery query) =>
            _socket.SendAsync(new ArraySegment<byte>(query.Bytes), SocketFlags.None);

        /// <returns>The datagram's length; its bytes are in <see cref="Buffer"/>.</returns>
        public Task<int> ReceiveAsync() => _socket.ReceiveAsync(new ArraySegment<byte>(Buffer), SocketFlags.None);

        public static DnsTransportException Failure(IPEndPoint server, SocketException e)
        {
            var name = DnsText.Server(server);
            // Linux reports the ICMP port-unreachable of a connected UDP socket as refused, Windows as reset.
            if (e.SocketErrorCode == SocketError.ConnectionRefused || e.SocketErrorCode == SocketError.ConnectionReset)
            {
                return new DnsTransportException($"UDP query to {name} refused (port unreachable)", e);
            }

            return new DnsTransportException($"UDP query to {name} failed: {e.SocketErrorCode}", e);
        }

        public void Dispose() => _socket.Dispose();
    }
}
