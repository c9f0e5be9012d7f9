using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// A real DNS query to a custom DNS server over UDP. Any well-formed response carrying our id, even NXDOMAIN or
    /// REFUSED, proves UDP 53 reaches the server: the rcode is evidence, not the verdict. Kept self-contained (a
    /// 12-byte header and one question) so the probe does not depend on the full resolver.
    /// </summary>
    internal static class DnsProbe
    {
        public const string DefaultQueryName = "mcr.microsoft.com";

        private static readonly string[] RcodeNames = { "NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED" };

        public static async Task<ProbeOutcome> RunAsync(ProbeContext context, string queryName = DefaultQueryName)
        {
            var addresses = await HostResolution.ResolveAsync(context, context.Plan.Host).ConfigureAwait(false);
            var destination = new IPEndPoint(addresses[0], context.Port);
            context.Begin(ProbeStep.DnsExchange, ProbeText.Endpoint(destination.Address, destination.Port));

            var query = BuildQuery(queryName);
            var reply = await UdpExchange.RunAsync(context, destination, query, (data, n) => IsResponse(data, n, query), ProbeFailureKind.DnsFailure).ConfigureAwait(false);
            var rcode = reply[3] & 0x0F;
            var answers = (reply[6] << 8) | reply[7];
            var name = rcode < RcodeNames.Length ? RcodeNames[rcode] : "rcode " + rcode;
            return context.Pass(name + " for " + queryName + " A (" + answers + " answer" + (answers == 1 ? "" : "s") + ")");
        }

        internal static byte[] BuildQuery(string name)
        {
            var id = new byte[2];
            using (var random = RandomNumberGenerator.Create())
                random.GetBytes(id);
            var labels = name.TrimEnd('.').Split('.');
            var length = 12 + 1 + 4;
            foreach (var label in labels)
                length += 1 + Encoding.ASCII.GetByteCount(label);
            var query = new byte[length];
            query[0] = id[0];
            query[1] = id[1];
            query[2] = 0x01; // RD: a forwarder answers from its recursion, as it would for a pod
            query[5] = 1;    // QDCOUNT 1
            var at = 12;
            foreach (var label in labels)
            {
                var bytes = Encoding.ASCII.GetBytes(label);
                if (bytes.Length == 0 || bytes.Length > 63)
                    throw new ArgumentException("not a DNS name: " + name, nameof(name));
                query[at++] = (byte)bytes.Length;
                Array.Copy(bytes, 0, query, at, bytes.Length);
                at += bytes.Length;
            }
            query[at++] = 0;
            query[at + 1] = 1; // QTYPE A
            query[at + 3] = 1; // QCLASS IN
            return query;
        }

        /// <summary>A response (QR set) to a standard query, with our id: anything else is not this server answering us.</summary>
        internal static bool IsResponse(byte[] data, int length, byte[] query) =>
            length >= 12
            && data[0] == query[0] && data[1] == query[1]
            && (data[2] & 0x80) != 0
            && (data[2] & 0x78) == 0;
    }
}
