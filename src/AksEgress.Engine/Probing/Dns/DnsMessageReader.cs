using System;
using System.Collections.Generic;
using System.Net;
using System.Text;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// Reads messages from untrusted bytes. Every read is bounds-checked against the message length and every
    /// failure is a <see cref="DnsFormatException"/> naming the offset, so a hostile or broken server can neither
    /// crash the probe nor make it loop.
    /// </summary>
    internal sealed class DnsMessageReader
    {
        private const int HeaderLength = 12;
        private const ushort ClassIn = 1;

        /// <summary>
        /// Compression pointers followed while reading one name. A name has at most 127 labels, so a real message
        /// never needs more; the bound is what stops a pointer loop (which consumes no length) from spinning forever.
        /// </summary>
        internal const int MaxPointerJumps = 128;

        /// <summary>RFC 1035 2.3.4: a name is at most 255 octets on the wire.</summary>
        private const int MaxNameOctets = 255;

        private readonly byte[] _data;
        private readonly int _length;
        private int _position;

        private DnsMessageReader(byte[] data, int length)
        {
            _data = data;
            _length = length;
        }

        /// <param name="readAnswers">
        /// False to stop after the questions: a TC=1 reply is only checked against the query before retrying over
        /// TCP, and a server may cut its records anywhere.
        /// </param>
        public static DnsMessage Read(byte[] data, int length, bool readAnswers)
        {
            if (length < 0 || length > data.Length) throw new ArgumentOutOfRangeException(nameof(length));
            return new DnsMessageReader(data, length).ReadMessage(readAnswers);
        }

        private DnsMessage ReadMessage(bool readAnswers)
        {
            if (_length < HeaderLength) throw Format($"the message is {_length} bytes long, shorter than the 12-byte header");
            var id = ReadUInt16();
            var flags = ReadUInt16();
            var questionCount = ReadUInt16();
            var answerCount = ReadUInt16();
            ReadUInt16(); // NSCOUNT: authority records are not read
            ReadUInt16(); // ARCOUNT: additional records are not read

            var questions = new List<DnsQuestion>(Math.Min((int)questionCount, 4));
            for (var i = 0; i < questionCount; i++)
            {
                var name = ReadName();
                var type = (DnsRecordType)ReadUInt16("question");
                var @class = ReadUInt16("question");
                questions.Add(new DnsQuestion(name, type, @class));
            }

            var answers = new List<DnsRecord>();
            if (readAnswers)
            {
                for (var i = 0; i < answerCount; i++)
                {
                    var record = ReadRecord();
                    if (record != null) answers.Add(record);
                }
            }

            return new DnsMessage(
                id,
                isResponse: (flags & 0x8000) != 0,
                opcode: (flags >> 11) & 0xF,
                isAuthoritative: (flags & 0x0400) != 0,
                isTruncated: (flags & 0x0200) != 0,
                recursionDesired: (flags & 0x0100) != 0,
                recursionAvailable: (flags & 0x0080) != 0,
                rcode: (DnsRcode)(flags & 0xF),
                questions,
                answers);
        }

        /// <summary>One resource record; null for the types and classes we skip (their RDATA is still bounds-checked).</summary>
        private DnsRecord? ReadRecord()
        {
            var start = _position;
            var name = ReadName();
            var type = (DnsRecordType)ReadUInt16("answer record");
            var @class = ReadUInt16("answer record");
            var ttl = ((uint)ReadUInt16("answer record") << 16) | ReadUInt16("answer record");
            var dataLength = ReadUInt16("answer record");
            var dataStart = _position;
            if (dataLength > _length - dataStart)
            {
                throw Format($"the answer record at offset {start} has RDLENGTH {dataLength}, past the end of the message");
            }

            _position = dataStart + dataLength;
            if (@class != ClassIn) return null;

            switch (type)
            {
                case DnsRecordType.A:
                case DnsRecordType.AAAA:
                    var expected = type == DnsRecordType.A ? 4 : 16;
                    if (dataLength != expected)
                    {
                        throw Format($"the {type} record at offset {start} has RDLENGTH {dataLength}, not {expected}");
                    }

                    var bytes = new byte[expected];
                    Array.Copy(_data, dataStart, bytes, 0, expected);
                    return new DnsRecord(name, type, ttl, new IPAddress(bytes), null);

                case DnsRecordType.CNAME:
                    _position = dataStart;
                    var target = ReadName(dataStart + dataLength);
                    if (_position != dataStart + dataLength)
                    {
                        throw Format($"the CNAME record at offset {start} has RDLENGTH {dataLength}, but its name ends at offset {_position}");
                    }

                    return new DnsRecord(name, type, ttl, null, target);

                default:
                    return null;
            }
        }

        /// <summary>
        /// A possibly compressed name (RFC 1035 4.1.4). Leaves the position after the name's own bytes, i.e. after the
        /// first pointer if there is one.
        /// </summary>
        /// <param name="limit">Where the name's own bytes must end (an RDATA end); pointers may still go anywhere.</param>
        private string ReadName(int limit = -1)
        {
            if (limit < 0) limit = _length;
            var start = _position;
            var text = new StringBuilder();
            var position = _position;
            var end = -1; // where reading continues after the name: set by the first pointer
            var jumps = 0;
            var octets = 1; // the final root octet

            while (true)
            {
                var bound = end < 0 ? limit : _length;
                if (position >= bound) throw Format($"the name at offset {start} runs past the end of its data");
                var length = _data[position];
                switch (length & 0xC0)
                {
                    case 0x00:
                        if (length == 0)
                        {
                            if (end < 0) end = position + 1;
                            _position = end;
                            return text.Length == 0 ? "." : text.ToString();
                        }

                        if (length > bound - position - 1) throw Format($"the label at offset {position} runs past the end of its data");
                        octets += length + 1;
                        if (octets > MaxNameOctets) throw Format($"the name at offset {start} is longer than {MaxNameOctets} octets");
                        if (text.Length > 0) text.Append('.');
                        DnsName.AppendLabel(text, _data, position + 1, length);
                        position += length + 1;
                        break;

                    case 0xC0:
                        if (position + 1 >= bound) throw Format($"the compression pointer at offset {position} is cut off");
                        var target = ((length & 0x3F) << 8) | _data[position + 1];
                        if (++jumps > MaxPointerJumps)
                        {
                            throw Format($"compression pointer loop in the name at offset {start} (more than {MaxPointerJumps} jumps)");
                        }

                        if (target < HeaderLength || target >= _length)
                        {
                            throw Format($"the compression pointer at offset {position} points to offset {target}, outside the records");
                        }

                        if (end < 0) end = position + 2;
                        position = target;
                        break;

                    default:
                        // 0x40 and 0x80: extended label types (RFC 6891 retired them); nothing valid uses them.
                        throw Format($"unknown label type 0x{length:X2} at offset {position}");
                }
            }
        }

        private ushort ReadUInt16(string? what = null)
        {
            if (_position > _length - 2)
            {
                throw Format(what == null
                    ? "the header is cut off"
                    : $"the {what} at offset {_position} is cut off");
            }

            var value = (ushort)((_data[_position] << 8) | _data[_position + 1]);
            _position += 2;
            return value;
        }

        private static DnsFormatException Format(string message) => new DnsFormatException(message);
    }
}
