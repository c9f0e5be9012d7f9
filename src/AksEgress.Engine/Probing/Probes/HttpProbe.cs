using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// DNS, TCP, then HEAD / in the clear. Through a proxy the request goes in absolute form (HEAD http://host/), the
    /// way a proxied client sends it, so the proxy's own 403/407 is recognisable as its denial.
    /// </summary>
    internal static class HttpProbe
    {
        public static async Task<ProbeOutcome> RunAsync(ProbeContext context)
        {
            var host = context.Plan.Host;
            var port = context.Port;
            var hostHeader = ProbeText.Authority(host, context.Plan.Port, 80);
            var proxy = NoProxyMatcher.ProxyFor(context.Options, context.Plan, host);
            if (proxy != null)
            {
                using (var stream = await ProxyTunnel.ConnectAsync(context, proxy).ConfigureAwait(false))
                {
                    var target = "http://" + ProbeText.Authority(host, port, 80) + "/";
                    var endpoint = "proxy " + ProxyTunnel.Label(proxy);
                    var response = await HttpExchange.HeadAsync(context, stream, target, hostHeader, endpoint, ProxyTunnel.Authorization(proxy)).ConfigureAwait(false);
                    return HttpVerdict.Classify(context, response, viaProxy: true, overTls: false);
                }
            }

            var addresses = await HostResolution.ResolveAsync(context, host).ConfigureAwait(false);
            var socket = await TcpConnector.ConnectAsync(context, addresses, port, ProbeStep.Connect).ConfigureAwait(false);
            using (var stream = new NetworkStream(socket, true))
            {
                var endpoint = ProbeText.Endpoint(((IPEndPoint)socket.RemoteEndPoint).Address, port);
                var response = await HttpExchange.HeadAsync(context, stream, "/", hostHeader, endpoint).ConfigureAwait(false);
                return HttpVerdict.Classify(context, response, viaProxy: false, overTls: false);
            }
        }
    }
}
