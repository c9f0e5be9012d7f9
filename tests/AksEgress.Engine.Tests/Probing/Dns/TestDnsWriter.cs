using System.Net;
using System.Text;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>
    /// Writes DNS messages byte by byte for the test server and for hand-made (also broken) replies. Independent of
    /// the engine's code on purpose: the tests must not agree with the client only because they share its mistakes.
    /// </summary>
    internal sealed class TestDnsWriter
    {
        private readonly List<byte> _bytes = new();
        private readonly Dictionary<string, int> _suffixes = new(StringComparer.OrdinalIgnoreCase);

        /// <param name="compress">Names are written with pointers to earlier occurrences of their suffixes (RFC 1035 4.1.4).</param>
        public TestDnsWriter(bool compress = true) => Compress = compress;

        public bool Compress { get; }
        public int Position => _bytes.Count;

        public static ushort Flags(bool response = true, bool truncated = false, int rcode = 0, int opcode = 0) =>
            (ushort)((response ? 0x8000 : 0) | (opcode << 11) | (truncated ? 0x0200 : 0) | 0x0100 | (response ? 0x0080 : 0) | (rcode & 0xF));

        public TestDnsWriter Header(ushort id, ushort flags, int questions, int answers, int authority = 0, int additional = 0) =>
            UInt16(id).UInt16(flags).UInt16(questions).UInt16(answers).UInt16(authority).UInt16(additional);

        public TestDnsWriter UInt16(int value)
        {
            _bytes.Add((byte)(value >> 8));
            _bytes.Add((byte)value);
            return this;
        }

        public TestDnsWriter UInt32(uint value) => UInt16((int)(value >> 16)).UInt16((int)(value & 0xFFFF));

        public TestDnsWriter Bytes(params byte[] bytes)
        {
            _bytes.AddRange(bytes);
            return this;
        }

        public TestDnsWriter Name(string name)
        {
            var labels = name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < labels.Length; i++)
            {
                var suffix = string.Join('.', labels.Skip(i));
                if (Compress && _suffixes.TryGetValue(suffix, out var offset))
                {
                    return UInt16(0xC000 | offset);
                }

                if (_bytes.Count < 0x3FFF) _suffixes.TryAdd(suffix, _bytes.Count);
                var text = Encoding.ASCII.GetBytes(labels[i]);
                _bytes.Add((byte)text.Length);
                _bytes.AddRange(text);
            }

            _bytes.Add(0);
            return this;
        }

        public TestDnsWriter Question(string name, int type, int @class = 1) => Name(name).UInt16(type).UInt16(@class);

        public TestDnsWriter Record(string name, int type, byte[] data, int @class = 1, uint ttl = 300) =>
            Name(name).UInt16(type).UInt16(@class).UInt32(ttl).UInt16(data.Length).Bytes(data);

        public TestDnsWriter Address(string name, IPAddress address, uint ttl = 300)
        {
            var bytes = address.GetAddressBytes();
            return Record(name, bytes.Length == 4 ? 1 : 28, bytes, ttl: ttl);
        }

        /// <summary>The target may itself be compressed, as RFC 1035 allows for CNAME; RDLENGTH is patched after.</summary>
        public TestDnsWriter Cname(string name, string target, uint ttl = 300)
        {
            Name(name).UInt16(5).UInt16(1).UInt32(ttl);
            var lengthAt = _bytes.Count;
            UInt16(0);
            Name(target);
            var length = _bytes.Count - lengthAt - 2;
            _bytes[lengthAt] = (byte)(length >> 8);
            _bytes[lengthAt + 1] = (byte)length;
            return this;
        }

        public byte[] ToArray() => _bytes.ToArray();
    }
}
