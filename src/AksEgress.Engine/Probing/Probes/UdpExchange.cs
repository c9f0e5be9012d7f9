using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// One UDP request and the first reply that passes the caller's check. The socket is connected, so the kernel
    /// only hands over datagrams from the destination, and a port-unreachable ICMP surfaces as an error instead of
    /// silence. Waiting ends with the probe's token; the probe turns that into "no reply".
    /// </summary>
    internal static class UdpExchange
    {
        public static async Task<byte[]> RunAsync(ProbeContext context, IPEndPoint destination, byte[] request, Func<byte[], int, bool> accept, ProbeFailureKind failureKind)
        {
            using (var socket = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp))
            using (context.Token.Register(() => socket.Dispose()))
            {
                try
                {
                    socket.Connect(destination);
                    await socket.SendAsync(new ArraySegment<byte>(request), SocketFlags.None).ConfigureAwait(false);
                    var buffer = new byte[2048];
                    while (true)
                    {
                        var n = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None).ConfigureAwait(false);
                        // Stray or malformed datagrams are not an answer; keep waiting for one until the timeout.
                        if (accept(buffer, n))
                        {
                            var reply = new byte[n];
                            Array.Copy(buffer, reply, n);
                            return reply;
                        }
                    }
                }
                catch (SocketException e) when (!context.Token.IsCancellationRequested
                    && (e.SocketErrorCode == SocketError.ConnectionRefused || e.SocketErrorCode == SocketError.ConnectionReset))
                {
                    // Linux reports the ICMP as ECONNREFUSED, Windows as WSAECONNRESET.
                    throw new ProbeFailure(failureKind, "port unreachable (ICMP) from " + ProbeText.Endpoint(destination.Address, destination.Port));
                }
                catch (SocketException e) when (!context.Token.IsCancellationRequested)
                {
                    throw new ProbeFailure(failureKind, "UDP exchange with " + ProbeText.Endpoint(destination.Address, destination.Port) + " failed (" + e.SocketErrorCode + ")");
                }
            }
        }
    }
}
