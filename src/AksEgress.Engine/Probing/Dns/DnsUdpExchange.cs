using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// Sends one query over UDP and waits for its reply. One socket per query, connected to the server: the system
    /// then drops datagrams from any other address, and an ICMP port-unreachable surfaces as a refusal instead of a
    /// silent timeout. Datagrams with another id, or that do not echo our question, are ignored until the time is up.
    /// </summary>
    internal static class DnsUdpExchange
    {
        /// <summary>The largest UDP payload; a smaller buffer would make an oversized reply fail on some systems.</summary>
        private const int MaxDatagram = 65535;

        /// <param name="retransmitInterval">
        /// The same datagram is sent again at each interval while time remains, as stub resolvers do, so one lost
        /// packet does not fail a probe.
        /// </param>
        /// <returns>The matching reply; when it has TC=1 only its header and question were read.</returns>
        /// <exception cref="TimeoutException">No matching reply in time (the caller words the evidence).</exception>
        /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
        /// <exception cref="DnsFormatException">A reply with our id from the server could not be read.</exception>
        /// <exception cref="DnsTransportException">The network refused the datagram.</exception>
        public static async Task<DnsMessage> ExchangeAsync(DnsPendingQuery query, TimeSpan timeout, TimeSpan retransmitInterval, CancellationToken cancel)
        {
            if (timeout <= TimeSpan.Zero) throw new TimeoutException();
            var server = query.Server;
            using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            using var deadline = new DnsSocketDeadline(socket, timeout, cancel);
            var buffer = new byte[MaxDatagram];
            var clock = Stopwatch.StartNew();
            var nextSend = retransmitInterval;
            Task<int>? receive = null;
            try
            {
                socket.Connect(server); // UDP: sets the peer only, nothing goes on the wire
                await SendAsync(socket, query).ConfigureAwait(false);
                while (true)
                {
                    receive ??= socket.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None);
                    if (nextSend < timeout && !receive.IsCompleted && !deadline.IsOver)
                    {
                        var wait = nextSend - clock.Elapsed;
                        if (wait > TimeSpan.Zero) await Task.WhenAny(receive, Task.Delay(wait, deadline.Token)).ConfigureAwait(false);
                        if (!receive.IsCompleted && !deadline.IsOver)
                        {
                            await SendAsync(socket, query).ConfigureAwait(false);
                            nextSend += retransmitInterval;
                            continue;
                        }
                    }

                    var length = await receive.ConfigureAwait(false);
                    receive = null;
                    var reply = Accept(query, buffer, length);
                    if (reply != null) return reply;
                }
            }
            catch (Exception e) when (deadline.IsAbort(e))
            {
                throw deadline.Ended();
            }
            catch (SocketException e)
            {
                throw new DnsTransportException(Describe(query, e), e);
            }
            finally
            {
                // A receive still pending when we leave fails once the socket closes; observe it so it is not reported as unobserved.
                receive?.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        /// <summary>Null for a datagram that is not the reply to this query (ignored, keep waiting).</summary>
        private static DnsMessage? Accept(DnsPendingQuery query, byte[] datagram, int length)
        {
            if (!query.MayBeAnsweredBy(datagram, length)) return null;
            var truncated = (datagram[2] & 0x02) != 0;
            DnsMessage reply;
            try
            {
                reply = DnsMessageReader.Read(datagram, length, readAnswers: !truncated);
            }
            catch (DnsFormatException e)
            {
                // Our id, from the server's address: it is the server's answer, and it is broken. Say so now rather
                // than wait for a timeout that would hide the real problem.
                throw new DnsFormatException($"malformed answer from {DnsText.Server(query.Server)}: {e.Message}", e);
            }

            return query.IsAnsweredBy(reply) ? reply : null;
        }

        private static async Task SendAsync(Socket socket, DnsPendingQuery query) =>
            await socket.SendAsync(new ArraySegment<byte>(query.Bytes), SocketFlags.None).ConfigureAwait(false);

        private static string Describe(DnsPendingQuery query, SocketException e)
        {
            var server = DnsText.Server(query.Server);
            // Linux reports the ICMP port-unreachable of a connected UDP socket as refused, Windows as reset.
            if (e.SocketErrorCode == SocketError.ConnectionRefused || e.SocketErrorCode == SocketError.ConnectionReset)
            {
                return $"UDP query to {server} refused (port unreachable)";
            }

            return $"UDP query to {server} failed: {e.SocketErrorCode}";
        }
    }
}
