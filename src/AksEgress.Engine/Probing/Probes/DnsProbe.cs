using System.Net;
using System.Threading.Tasks;
using AksEgress.Probing.Dns;

namespace AksEgress.Probing
{
    /// <summary>
    /// A real DNS query to a custom DNS server over UDP. Any well-formed response carrying our id, even NXDOMAIN or
    /// REFUSED, proves UDP 53 reaches the server: the rcode is evidence, not the verdict. The query is
    /// written by the DNS client's message writer; only the reply's header is read.
    /// </summary>
    internal static class DnsProbe
    {
        public const string DefaultQueryName = "mcr.microsoft.com";

        public static async Task<ProbeOutcome> RunAsync(ProbeContext context)
        {
            var addresses = await HostResolution.ResolveAsync(context, context.Plan.Host).ConfigureAwait(false);
            var destination = new IPEndPoint(addresses[0], context.Port);
            context.Begin(ProbeStep.DnsExchange, ProbeText.Endpoint(destination.Address, destination.Port));

            var query = BuildQuery(DefaultQueryName);
            var reply = await UdpExchange.RunAsync(context, destination, query, (data, n) => IsResponse(data, n, query), ProbeFailureKind.DnsFailure).ConfigureAwait(false);
            var rcode = reply[3] & 0x0F;
            var answers = (reply[6] << 8) | reply[7];
            var name = ((DnsRcode)rcode).ToMnemonic();
            return context.Pass(name + " for " + DefaultQueryName + " A (" + answers + " answer" + (answers == 1 ? "" : "s") + ")");
        }

        /// <summary>A recursive A query for <paramref name="name"/> with a fresh id (the DNS client's own writer).</summary>
        internal static byte[] BuildQuery(string name) => DnsMessage.CreateQuery(DnsClient.NewId(), name, DnsRecordType.A);

        /// <summary>A response (QR set) to a standard query, with our id: anything else is not this server answering us.</summary>
        internal static bool IsResponse(byte[] data, int length, byte[] query) =>
            length >= 12
            && data[0] == query[0] && data[1] == query[1]
            && (data[2] & 0x80) != 0
            && (data[2] & 0x78) == 0;
    }
}
