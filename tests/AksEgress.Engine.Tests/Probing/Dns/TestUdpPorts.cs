using System.Net;
using System.Net.Sockets;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>Whether a client's UDP socket still exists, seen from outside it.</summary>
    internal static class TestUdpPorts
    {
        /// <summary>Binding a new socket to the address and port fails exactly while another socket holds them.</summary>
        public static bool IsHeld(IPEndPoint endPoint)
        {
            try
            {
                using var probe = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                probe.Bind(endPoint);
                return false;
            }
            catch (SocketException)
            {
                return true;
            }
        }
    }
}
