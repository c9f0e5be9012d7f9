using System.IO;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// DNS, TCP (or the proxy and a CONNECT), TLS with SNI = the host, then HEAD /. Each step can fail the way a
    /// firewall or proxy denies HTTPS, and the first that does is the verdict.
    /// </summary>
    internal static class HttpsProbe
    {
        public static async Task<ProbeOutcome> RunAsync(ProbeContext context)
        {
            var host = context.Plan.Host;
            var port = context.Port;
            Stream transport;
            string endpoint;
            var proxy = NoProxyMatcher.ProxyFor(context.Options, context.Plan, host);
            if (proxy != null)
            {
                transport = await ProxyTunnel.ConnectAsync(context, proxy).ConfigureAwait(false);
                try
                {
                    await ProxyTunnel.OpenTunnelAsync(context, transport, proxy, host, port).ConfigureAwait(false);
                }
                catch
                {
                    transport.Dispose();
                    throw;
                }
                endpoint = ProbeText.Authority(host, port, -1) + " via proxy " + ProxyTunnel.Label(proxy);
            }
            else
            {
                var addresses = await HostResolution.ResolveAsync(context, host).ConfigureAwait(false);
                var socket = await TcpConnector.ConnectAsync(context, addresses, port, ProbeStep.Connect).ConfigureAwait(false);
                transport = new System.Net.Sockets.NetworkStream(socket, true);
                endpoint = ProbeText.Endpoint(((System.Net.IPEndPoint)socket.RemoteEndPoint).Address, port);
            }

            using (transport)
            using (var tls = await TlsHandshake.AuthenticateAsync(context, transport, host, endpoint).ConfigureAwait(false))
            {
                // The Host header carries the rule's port, not a test's override: it names the site, not the socket.
                var response = await HttpExchange.HeadAsync(context, tls, "/", ProbeText.Authority(host, context.Plan.Port, 443), endpoint).ConfigureAwait(false);
                return HttpVerdict.Classify(context, response, viaProxy: false, overTls: true);
            }
        }
    }
}
