using System.Net;
using System.Net.Sockets;

namespace AksEgress.Tests.Probing.Probes
{
    /// <summary>A UDP server on 127.0.0.1 that answers each datagram with what the test's function makes of it (null: silence).</summary>
    internal sealed class UdpResponder : IDisposable
    {
        private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
        private readonly CancellationTokenSource _stop = new();

        public UdpResponder(Func<byte[], byte[]?> answer)
        {
            Port = ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    try
                    {
                        var request = await _udp.ReceiveAsync(_stop.Token);
                        Interlocked.Increment(ref _requests);
                        var reply = answer(request.Buffer);
                        if (reply != null)
                            await _udp.SendAsync(reply, request.RemoteEndPoint, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                    catch (SocketException)
                    {
                        // A client gone before the reply: ICMP back to us. Keep serving.
                    }
                }
            });
        }

        private int _requests;

        public int Port { get; }
        public int Requests => Volatile.Read(ref _requests);

        /// <summary>An NTP server's mode-4 reply: stratum 2, the request's transmit time echoed as originate.</summary>
        public static byte[] NtpReply(byte[] request, int stratum = 2, bool echoOriginate = true)
        {
            var reply = new byte[48];
            reply[0] = (4 << 3) | 4;
            reply[1] = (byte)stratum;
            if (echoOriginate)
                Array.Copy(request, 40, reply, 24, 8);
            var now = NtpNow();
            Array.Copy(now, 0, reply, 32, 8);
            Array.Copy(now, 0, reply, 40, 8);
            return reply;
        }

        /// <summary>A DNS response to the query: the same id and question, QR and RA set, the given rcode, no answers.</summary>
        public static byte[] DnsReply(byte[] query, int rcode)
        {
            var reply = (byte[])query.Clone();
            reply[2] |= 0x80;
            reply[3] = (byte)(0x80 | rcode);
            return reply;
        }

        private static byte[] NtpNow()
        {
            var seconds = (DateTime.UtcNow - new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
            var whole = (uint)Math.Floor(seconds);
            var fraction = (uint)((seconds - Math.Floor(seconds)) * 4294967296.0);
            var bytes = new byte[8];
            for (var i = 0; i < 4; i++)
            {
                bytes[i] = (byte)(whole >> (24 - 8 * i));
                bytes[4 + i] = (byte)(fraction >> (24 - 8 * i));
            }
            return bytes;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _udp.Dispose();
        }
    }
}
