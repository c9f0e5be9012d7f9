using System.Net;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// One query in flight: its bytes and what a reply must echo. Replies are matched on id, QR, opcode and the
    /// question (RFC 5452) so a stray or spoofed datagram cannot pass for the answer.
    /// </summary>
    internal sealed class DnsPendingQuery
    {
        public DnsPendingQuery(IPEndPoint server, ushort id, string name, DnsRecordType type)
        {
            Server = server;
            Id = id;
            Name = name;
            Type = type;
            Bytes = DnsMessageWriter.WriteQuery(id, name, type);
        }

        public IPEndPoint Server { get; }
        public ushort Id { get; }
        /// <summary>Normalized (see <see cref="DnsName.Normalize"/>).</summary>
        public string Name { get; }
        public DnsRecordType Type { get; }
        public byte[] Bytes { get; }

        /// <summary>
        /// Whether a reply belongs to this query. A reply without a question is accepted only with an error RCODE:
        /// some servers drop the question when they answer FORMERR, NOTIMP or REFUSED.
        /// </summary>
        public bool IsAnsweredBy(DnsMessage reply)
        {
            if (!reply.IsResponse || reply.Id != Id || reply.Opcode != 0) return false;
            if (reply.Questions.Count == 0) return reply.Rcode != DnsRcode.NoError;
            if (reply.Questions.Count != 1) return false;
            var question = reply.Questions[0];
            return question.Type == Type && question.Class == 1 && DnsName.AreEqual(question.Name, Name);
        }

        /// <summary>
        /// Cheap check on the header alone, before parsing: a datagram too short, with another id or not a response is
        /// not ours and is ignored without being read.
        /// </summary>
        public bool MayBeAnsweredBy(byte[] datagram, int length) =>
            length >= 12 && ((datagram[0] << 8) | datagram[1]) == Id && (datagram[2] & 0x80) != 0;
    }
}
