namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// Writes queries. A client only ever sends one uncompressed question, so this is all the writing we need;
    /// no EDNS record is added, which keeps UDP answers at 512 bytes and makes TC=1 → TCP the path for big ones.
    /// </summary>
    internal static class DnsMessageWriter
    {
        private const ushort RecursionDesired = 0x0100;
        private const ushort ClassIn = 1;

        /// <param name="name">Already normalized by <see cref="DnsName.Normalize"/>: ASCII, valid labels.</param>
        public static byte[] WriteQuery(ushort id, string name, DnsRecordType type)
        {
            // Header (12) + labels (each length octet + text, which is name.Length + 1 for the first) + root octet + QTYPE + QCLASS.
            var buffer = new byte[12 + name.Length + 2 + 4];
            var position = 0;
            WriteUInt16(buffer, ref position, id);
            WriteUInt16(buffer, ref position, RecursionDesired);
            WriteUInt16(buffer, ref position, 1); // QDCOUNT
            WriteUInt16(buffer, ref position, 0); // ANCOUNT
            WriteUInt16(buffer, ref position, 0); // NSCOUNT
            WriteUInt16(buffer, ref position, 0); // ARCOUNT

            foreach (var label in name.Split('.'))
            {
                buffer[position++] = (byte)label.Length;
                foreach (var c in label) buffer[position++] = (byte)c;
            }

            buffer[position++] = 0;
            WriteUInt16(buffer, ref position, (ushort)type);
            WriteUInt16(buffer, ref position, ClassIn);
            return buffer;
        }

        private static void WriteUInt16(byte[] buffer, ref int position, ushort value)
        {
            buffer[position++] = (byte)(value >> 8);
            buffer[position++] = (byte)value;
        }
    }
}
