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

        /// <summary>The reply in a datagram from the server, or null when it is not the reply to this query (ignored).</summary>
        /// <returns>When TC=1 only its header and question are read: a server may cut its records anywhere.</returns>
        /// <exception cref="DnsFormatException">
        /// Our id, from the server's address, and unreadable: it is the server's answer and it is broken. Saying so now
        /// beats waiting for a timeout that would hide the real problem.
        /// </exception>
        public DnsMessage? ReadDatagram(byte[] datagram, int length)
        {
            if (!MayBeAnsweredBy(datagram, length)) return null;
            var truncated = (datagram[2] & 0x02) != 0;
            DnsMessage reply;
            try
            {
                reply = DnsMessageReader.Read(datagram, length, readAnswers: !truncated);
            }
            catch (DnsFormatException e)
            {
                throw new DnsFormatException($"malformed answer from {DnsText.Server(Server)}: {e.Message}", e);
            }

            return IsAnsweredBy(reply) ? reply : null;
        }

        /// <summary>
        /// Cheap check on the header alone, before parsing: a datagram too short, with another id or not a response is
        /// not ours and is ignored without being read.
        /// </summary>
        private bool MayBeAnsweredBy(byte[] datagram, int length) =>
            length >= 12 && ((datagram[0] << 8) | datagram[1]) == Id && (datagram[2] & 0x80) != 0;
    }
}
