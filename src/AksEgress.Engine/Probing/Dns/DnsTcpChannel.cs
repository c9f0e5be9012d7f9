using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// The TCP connection an exchange moves to after a truncated UDP reply. Each message has a 2-byte length before it
    /// (RFC 1035 4.2.2); several queries may be in flight on it at once and their replies may come in any order
    /// (RFC 7766 6.2.1.1), so replies are matched by id and question, not by order.
    /// </summary>
    internal sealed class DnsTcpChannel : IDisposable
    {
        private readonly Socket _socket;
        private readonly IPEndPoint _server;

        // Queries are written by different callers; whole messages must not interleave on the stream.
        // Never disposed: it has no wait handle, and a late send may still be waiting on it.
        private readonly SemaphoreSlim _writing = new SemaphoreSlim(1, 1);

        /// <exception cref="SocketException">The system could not open the socket.</exception>
        public DnsTcpChannel(IPEndPoint server, int number)
        {
            _server = server;
            _socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _socket.NoDelay = true; // a query is one small write that waits for its answer: no reason to hold it back
            }
            catch
            {
                _socket.Dispose();
                throw;
            }

            Number = number;
        }

        public int Number { get; }

        public Task ConnectAsync() => _socket.ConnectAsync(_server);

        public async Task SendAsync(DnsPendingQuery query)
        {
            var framed = new byte[query.Bytes.Length + 2];
            framed[0] = (byte)(query.Bytes.Length >> 8);
            framed[1] = (byte)query.Bytes.Length;
            Array.Copy(query.Bytes, 0, framed, 2, query.Bytes.Length);

            await _writing.WaitAsync().ConfigureAwait(false);
            try
            {
                var sent = 0;
                while (sent < framed.Length)
                {
                    sent += await _socket.SendAsync(new ArraySegment<byte>(framed, sent, framed.Length - sent), SocketFlags.None).ConfigureAwait(false);
                }
            }
            finally
            {
                _writing.Release();
            }
        }

        /// <returns>The next message, or null when the server closed the connection between two messages.</returns>
        /// <exception cref="DnsTransportException">The connection closed in the middle of a message.</exception>
        public async Task<byte[]?> ReceiveAsync()
        {
            var prefix = new byte[2];
            if (!await FillAsync(prefix, endAllowed: true).ConfigureAwait(false)) return null;
            var body = new byte[(prefix[0] << 8) | prefix[1]];
            await FillAsync(body, endAllowed: false).ConfigureAwait(false);
            return body;
        }

        public DnsTransportException ClosedEarly() =>
            new DnsTransportException($"TCP connection to {DnsText.Server(_server)} closed before the answer was complete");

        public static DnsTransportException Failure(IPEndPoint server, SocketException e)
        {
            var name = DnsText.Server(server);
            return new DnsTransportException(
                e.SocketErrorCode == SocketError.ConnectionRefused
                    ? $"TCP connection to {name} refused (needed because the UDP answer was truncated)"
                    : $"TCP query to {name} failed: {e.SocketErrorCode} (needed because the UDP answer was truncated)",
                e);
        }

        public void Dispose() => _socket.Dispose();

        /// <returns>False when the connection ended before the first byte and <paramref name="endAllowed"/>.</returns>
        private async Task<bool> FillAsync(byte[] buffer, bool endAllowed)
        {
            var received = 0;
            while (received < buffer.Length)
            {
                var n = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, received, buffer.Length - received), SocketFlags.None).ConfigureAwait(false);
                if (n == 0)
                {
                    if (received == 0 && endAllowed) return false;
                    throw ClosedEarly();
                }

                received += n;
            }

            return true;
        }
    }
}
