using System.Net;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>A query as the test server saw it, with the client socket it came from.</summary>
    internal sealed record TestDnsReceived(string Transport, IPEndPoint Source, ushort Id, string Name, int Type);
}
