using System;
using System.Collections.Generic;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// A DNS message as this client needs it (RFC 1035 4.1): the header, the questions, and the A, AAAA and CNAME
    /// answers. Authority and additional sections are not read: nothing here uses them.
    /// </summary>
    public sealed class DnsMessage
    {
        internal DnsMessage(
            ushort id,
            bool isResponse,
            int opcode,
            bool isAuthoritative,
            bool isTruncated,
            bool recursionDesired,
            bool recursionAvailable,
            DnsRcode rcode,
            IReadOnlyList<DnsQuestion> questions,
            IReadOnlyList<DnsRecord> answers)
        {
            Id = id;
            IsResponse = isResponse;
            Opcode = opcode;
            IsAuthoritative = isAuthoritative;
            IsTruncated = isTruncated;
            RecursionDesired = recursionDesired;
            RecursionAvailable = recursionAvailable;
            Rcode = rcode;
            Questions = questions;
            Answers = answers;
        }

        public ushort Id { get; }
        /// <summary>QR: true for a response.</summary>
        public bool IsResponse { get; }
        /// <summary>0 for a standard query.</summary>
        public int Opcode { get; }
        public bool IsAuthoritative { get; }
        /// <summary>TC: the server cut the answer to fit a UDP datagram; the full answer needs TCP.</summary>
        public bool IsTruncated { get; }
        public bool RecursionDesired { get; }
        public bool RecursionAvailable { get; }
        public DnsRcode Rcode { get; }
        public IReadOnlyList<DnsQuestion> Questions { get; }
        /// <summary>The A, AAAA and CNAME records of class IN in the answer section, in message order.</summary>
        public IReadOnlyList<DnsRecord> Answers { get; }

        /// <summary>
        /// A standard recursive query (opcode 0, RD=1) with one question of class IN, ready to send over UDP.
        /// The name is normalized first (trailing dot dropped, internationalized names to xn--).
        /// </summary>
        /// <exception cref="ArgumentException">The name is not a valid DNS name.</exception>
        public static byte[] CreateQuery(ushort id, string name, DnsRecordType type) =>
            DnsMessageWriter.WriteQuery(id, DnsName.Normalize(name), type);

        /// <summary>Reads a whole message.</summary>
        /// <exception cref="DnsFormatException">The bytes are not a readable DNS message; never any other exception.</exception>
        public static DnsMessage Parse(byte[] message)
        {
            if (message == null) throw new ArgumentNullException(nameof(message));
            return DnsMessageReader.Read(message, message.Length, readAnswers: true);
        }
    }
}
