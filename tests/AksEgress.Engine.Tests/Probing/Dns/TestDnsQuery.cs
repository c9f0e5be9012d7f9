namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>A query as the test server saw it.</summary>
    internal sealed record TestDnsQuery(ushort Id, string Name, int Type, ushort Flags);
}
