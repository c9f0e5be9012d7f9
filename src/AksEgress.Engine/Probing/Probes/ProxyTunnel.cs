using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// The way through options.Proxy: a TCP connection to the proxy, then a CONNECT for HTTPS. The target's DNS is
    /// the proxy's business from then on, so the resolved addresses say which proxy carried the probe.
    /// </summary>
    internal static class ProxyTunnel
    {
        public static string Label(Uri proxy) => proxy.Host + ":" + proxy.Port;

        /// <summary>A stream to the proxy (its socket owned by the stream).</summary>
        public static async Task<Stream> ConnectAsync(ProbeContext context, Uri proxy)
        {
            var label = Label(proxy);
            var addresses = await HostResolution.ResolveAsync(context, proxy.DnsSafeHost, "proxy " + proxy.DnsSafeHost + ": ").ConfigureAwait(false);
            // The proxy's own addresses are not the target's: the evidence names the proxy instead.
            context.Addresses = "via proxy " + label;
            var socket = await TcpConnector.ConnectAsync(context, addresses, proxy.Port, ProbeStep.ProxyConnect, "proxy ").ConfigureAwait(false);
            return new NetworkStream(socket, true);
        }

        /// <summary>CONNECT host:port; anything but a 2xx is the proxy refusing the destination.</summary>
        public static async Task OpenTunnelAsync(ProbeContext context, Stream proxyStream, Uri proxy, string host, int port)
        {
            var label = Label(proxy);
            context.Begin(ProbeStep.ProxyHandshake, "proxy " + label);
            var authority = ProbeText.Authority(host, port, -1);
            var request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\nUser-Agent: AksEgress-Probe\r\n" + Authorization(proxy) + "\r\n";
            HttpResponseHead? response;
            using (context.Token.Register(() => proxyStream.Dispose()))
            {
                try
                {
                    var bytes = Encoding.ASCII.GetBytes(request);
                    await proxyStream.WriteAsync(bytes, 0, bytes.Length, context.Token).ConfigureAwait(false);
                    var (head, _) = await HttpExchange.ReadHeadAsync(proxyStream, oneByteAtATime: true, context.Token).ConfigureAwait(false);
                    response = head == null ? null : HttpResponseHead.Parse(head);
                }
                catch (Exception e) when (!context.Token.IsCancellationRequested && (e is IOException || e is SocketException))
                {
                    response = null;
                }
            }
            context.Token.ThrowIfCancellationRequested();
            if (response == null)
                throw new ProbeFailure(ProbeFailureKind.HttpDenied, "proxy " + label + " closed the connection without answering CONNECT " + authority);
            if (response.StatusCode < 200 || response.StatusCode > 299)
                throw new ProbeFailure(ProbeFailureKind.HttpDenied, "proxy " + label + " answered CONNECT " + authority + " with " + response.StatusLine);
        }

        /// <summary>Credentials in the proxy URI (http://user:pass@proxy:3128) become Basic authentication, as curl does.</summary>
        public static string Authorization(Uri proxy)
        {
            if (string.IsNullOrEmpty(proxy.UserInfo))
                return "";
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(proxy.UserInfo)));
            return "Proxy-Authorization: Basic " + token + "\r\n";
        }
    }
}
