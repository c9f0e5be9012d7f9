using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// Sends one query over TCP (RFC 1035 4.2.2: a 2-byte length before each message) and reads its reply. Used
    /// after a UDP reply with TC=1, with whatever time the UDP attempt left.
    /// </summary>
    internal static class DnsTcpExchange
    {
        /// <exception cref="TimeoutException">No reply in time (the caller words the evidence).</exception>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        /// <exception cref="DnsFormatException">The reply could not be read or is not the reply to this query.</exception>
        /// <exception cref="DnsTransportException">The connection was refused or closed before the reply was complete.</exception>
        public static async Task<DnsMessage> ExchangeAsync(DnsPendingQuery query, TimeSpan timeout, CancellationToken cancel)
        {
            if (timeout <= TimeSpan.Zero) throw new TimeoutException();
            var server = DnsText.Server(query.Server);
            using var socket = new Socket(query.Server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            using var deadline = new DnsSocketDeadline(socket, timeout, cancel);
            try
            {
                socket.NoDelay = true;
                await socket.ConnectAsync(query.Server).ConfigureAwait(false);

                var framed = new byte[query.Bytes.Length + 2];
                framed[0] = (byte)(query.Bytes.Length >> 8);
                framed[1] = (byte)query.Bytes.Length;
                Array.Copy(query.Bytes, 0, framed, 2, query.Bytes.Length);
                await SendAllAsync(socket, framed).ConfigureAwait(false);

                var prefix = await ReceiveExactlyAsync(socket, 2, server).ConfigureAwait(false);
                var length = (prefix[0] << 8) | prefix[1];
                var body = await ReceiveExactlyAsync(socket, length, server).ConfigureAwait(false);

                DnsMessage reply;
                try
                {
                    reply = DnsMessageReader.Read(body, length, readAnswers: true);
                }
                catch (DnsFormatException e)
                {
                    throw new DnsFormatException($"malformed answer over TCP from {server}: {e.Message}", e);
                }

                // Unlike UDP, nothing else can arrive on our own connection: a mismatch is the server's error, not noise.
                if (!query.IsAnsweredBy(reply)) throw new DnsFormatException($"the answer over TCP from {server} does not match the query");
                return reply;
            }
            catch (Exception e) when (deadline.IsAbort(e))
            {
                throw deadline.Ended();
            }
            catch (SocketException e)
            {
                throw new DnsTransportException(
                    e.SocketErrorCode == SocketError.ConnectionRefused
                        ? $"TCP connection to {server} refused (needed because the UDP answer was truncated)"
                        : $"TCP query to {server} failed: {e.SocketErrorCode} (needed because the UDP answer was truncated)",
                    e);
            }
        }

        private static async Task SendAllAsync(Socket socket, byte[] data)
        {
            var sent = 0;
            while (sent < data.Length)
            {
                sent += await socket.SendAsync(new ArraySegment<byte>(data, sent, data.Length - sent), SocketFlags.None).ConfigureAwait(false);
            }
        }

        private static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count, string server)
        {
            var buffer = new byte[count];
            var received = 0;
            while (received < count)
            {
                var n = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, received, count - received), SocketFlags.None).ConfigureAwait(false);
                if (n == 0) throw new DnsTransportException($"TCP connection to {server} closed before the answer was complete");
                received += n;
            }

            return buffer;
        }
    }
}
