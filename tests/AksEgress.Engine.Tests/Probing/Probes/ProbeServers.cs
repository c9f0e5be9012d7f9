using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace AksEgress.Tests.Probing.Probes
{
    /// <summary>
    /// The servers the probes meet, each behaving like one thing a node can run into: a real HTTPS site, Azure
    /// Firewall closing after the ClientHello or answering 470, an inspecting proxy, a server that stalls.
    /// All listen on 127.0.0.1 only.
    /// </summary>
    internal static class ProbeServers
    {
        public const string AzureFirewallDeny =
            "HTTP/1.1 470 status code 470\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {0}\r\nConnection: close\r\n\r\n";

        public const string AzureFirewallDenyBody =
            "HTTP  request from 10.224.0.4:51234 to mcr.microsoft.com:80. Url: mcr.microsoft.com. Action: Deny. Reason: No rule matched. Proceeding with default action";

        public static string AzureFirewallResponse() =>
            string.Format(AzureFirewallDeny, Encoding.UTF8.GetByteCount(AzureFirewallDenyBody)) + AzureFirewallDenyBody;

        public const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

        /// <summary>HTTPS answering every request with <paramref name="response"/>; records the SNI and requests it got.</summary>
        public static LoopbackServer Https(X509Certificate2 certificate, string response, ConcurrentQueue<string>? seen = null)
        {
            LoopbackServer? server = null;
            server = new LoopbackServer(async (socket, stop) =>
            {
                using var ssl = new SslStream(new NetworkStream(socket, false));
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, stop);
                seen?.Enqueue("SNI " + ssl.TargetHostName);
                var request = await ReadHeadAsync(ssl, stop);
                seen?.Enqueue(request);
                await ssl.WriteAsync(Encoding.UTF8.GetBytes(response), stop);
                await ssl.FlushAsync(stop);
                await server!.WaitForCloseAsync(ssl, stop);
            });
            return server;
        }

        /// <summary>Plain HTTP answering every request with <paramref name="response"/>, then closing.</summary>
        public static LoopbackServer Http(string response, ConcurrentQueue<string>? seen = null) =>
            new(async (socket, stop) =>
            {
                using var stream = new NetworkStream(socket, false);
                seen?.Enqueue(await ReadHeadAsync(stream, stop));
                await stream.WriteAsync(Encoding.UTF8.GetBytes(response), stop);
                socket.Shutdown(SocketShutdown.Send);
            });

        /// <summary>Reads the ClientHello, then closes (FIN) or resets (RST): Azure Firewall denying on the SNI.</summary>
        public static LoopbackServer CloseAfterClientHello(bool reset) =>
            new(async (socket, stop) =>
            {
                var buffer = new byte[4096];
                await socket.ReceiveAsync(buffer, SocketFlags.None, stop);
                if (reset)
                    socket.LingerState = new LingerOption(true, 0);
                else
                    socket.Shutdown(SocketShutdown.Both);
                socket.Close();
            });

        /// <summary>Reads the ClientHello and never answers: a handshake that does not finish.</summary>
        public static LoopbackServer StallAfterClientHello()
        {
            LoopbackServer? server = null;
            server = new LoopbackServer(async (socket, stop) =>
            {
                using var stream = new NetworkStream(socket, false);
                await server!.WaitForCloseAsync(stream, stop);
            });
            return server;
        }

        /// <summary>
        /// A tiny forward proxy: CONNECT host:port and absolute-form requests, always to 127.0.0.1:port whatever the
        /// host (the probe's name, resolved here as a proxy would, only ever to loopback); or 403 for everything.
        /// </summary>
        public static LoopbackServer Proxy(bool allow, ConcurrentQueue<string> seen) =>
            new(async (socket, stop) =>
            {
                using var client = new NetworkStream(socket, false);
                var head = await ReadHeadAsync(client, stop, oneByteAtATime: true);
                seen.Enqueue(head);
                if (!allow)
                {
                    const string body = "Access denied by policy\n";
                    await client.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n" + body), stop);
                    socket.Shutdown(SocketShutdown.Send);
                    return;
                }
                var parts = head.Split(' ');
                var connect = parts[0] == "CONNECT";
                var authority = connect ? parts[1] : new Uri(parts[1]).Authority;
                var port = int.Parse(authority.Substring(authority.LastIndexOf(':') + 1));
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, port, stop);
                var server = upstream.GetStream();
                if (connect)
                    await client.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection established\r\n\r\n"), stop);
                else
                    await server.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\n\r\n"), stop);
                await Task.WhenAny(client.CopyToAsync(server, stop), server.CopyToAsync(client, stop));
            });

        public static int PortOf(LoopbackServer server) => server.Port;

        /// <summary>A port on 127.0.0.1 nothing listens on: bound, then released, so it answers SYN with RST.</summary>
        public static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>A UDP port on 127.0.0.1 nothing listens on: answered with ICMP port unreachable.</summary>
        public static int ClosedUdpPort()
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        }

        public static async Task<string> ReadHeadAsync(Stream stream, CancellationToken stop, bool oneByteAtATime = false)
        {
            var received = new MemoryStream();
            var buffer = new byte[oneByteAtATime ? 1 : 4096];
            while (true)
            {
                var n = await stream.ReadAsync(buffer, stop);
                if (n == 0)
                    break;
                received.Write(buffer, 0, n);
                var text = Encoding.ASCII.GetString(received.ToArray());
                var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0)
                    return text.Substring(0, end);
            }
            return Encoding.ASCII.GetString(received.ToArray());
        }
    }
}
