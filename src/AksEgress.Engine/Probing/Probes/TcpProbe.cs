using System.Net;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// A TCP handshake and nothing more: network rules (the API server, port 9000/1194 tunnels) are allowed or
    /// dropped per address and port, and a completed handshake is all a network rule promises.
    /// </summary>
    internal static class TcpProbe
    {
        public static async Task<ProbeOutcome> RunAsync(ProbeContext context)
        {
            var addresses = await HostResolution.ResolveAsync(context, context.Plan.Host).ConfigureAwait(false);
            using (var socket = await TcpConnector.ConnectAsync(context, addresses, context.Port, ProbeStep.Connect).ConfigureAwait(false))
            {
                var remote = (IPEndPoint)socket.RemoteEndPoint;
                return context.Pass("connected to " + ProbeText.Endpoint(remote.Address, context.Port));
            }
        }
    }
}
