using System.Net;
using AksEgress.Probing.Dns;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>The wire format: queries we write byte for byte, replies we read, and replies we must refuse to read.</summary>
    public class DnsMessageTests
    {
        [Fact]
        public void A_query_is_recursive_with_one_IN_question_and_nothing_else()
        {
            var bytes = DnsMessage.CreateQuery(0xBEEF, "mcr.microsoft.com.", DnsRecordType.AAAA);

            var expected = new TestDnsWriter(compress: false)
                .Header(0xBEEF, 0x0100, questions: 1, answers: 0)
                .Question("mcr.microsoft.com", 28)
                .ToArray();
            Assert.Equal(expected, bytes);
        }

        [Fact]
        public void An_internationalized_name_is_sent_in_its_xn_form()
        {
            var query = TestDnsServer.ParseQuery(DnsMessage.CreateQuery(1, "bücher.example", DnsRecordType.A));

            Assert.Equal("xn--bcher-kva.example", query.Name);
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("a..b", "empty label")]
        [InlineData("has space.example", "' '")]
        [InlineData("http://x.example", "':'")]
        public void A_name_that_is_not_a_DNS_name_is_refused_before_anything_is_sent(string name, string reason)
        {
            var e = Assert.Throws<ArgumentException>(() => DnsMessage.CreateQuery(1, name, DnsRecordType.A));
            Assert.Contains(reason, e.Message);
        }

        [Fact]
        public void Label_and_name_lengths_are_bounded_as_RFC_1035_says()
        {
            DnsMessage.CreateQuery(1, new string('a', 63) + ".example", DnsRecordType.A);
            Assert.Throws<ArgumentException>(() => DnsMessage.CreateQuery(1, new string('a', 64) + ".example", DnsRecordType.A));

            var longest = string.Join('.', Enumerable.Repeat(new string('b', 62), 4)) + ".x"; // 4*63 + 1 = 253
            Assert.Equal(253, longest.Length);
            DnsMessage.CreateQuery(1, longest, DnsRecordType.A);
            Assert.Throws<ArgumentException>(() => DnsMessage.CreateQuery(1, longest + "y", DnsRecordType.A));
        }

        [Fact]
        public void The_header_flags_and_rcode_are_read()
        {
            var bytes = new TestDnsWriter()
                .Header(0x1234, (ushort)(TestDnsWriter.Flags(truncated: true, rcode: 3) | 0x0400), questions: 1, answers: 0)
                .Question("gone.example", 1)
                .ToArray();

            var message = DnsMessage.Parse(bytes);

            Assert.Equal(0x1234, message.Id);
            Assert.True(message.IsResponse);
            Assert.Equal(0, message.Opcode);
            Assert.True(message.IsAuthoritative);
            Assert.True(message.IsTruncated);
            Assert.True(message.RecursionDesired);
            Assert.True(message.RecursionAvailable);
            Assert.Equal(DnsRcode.NXDomain, message.Rcode);
            var question = Assert.Single(message.Questions);
            Assert.Equal("gone.example", question.Name);
            Assert.Equal(DnsRecordType.A, question.Type);
            Assert.Equal(1, question.Class);
            Assert.Empty(message.Answers);
        }

        [Fact]
        public void An_unnamed_rcode_keeps_its_number()
        {
            var bytes = new TestDnsWriter().Header(1, TestDnsWriter.Flags(rcode: 9), 0, 0).ToArray();

            var message = DnsMessage.Parse(bytes);

            Assert.Equal((DnsRcode)9, message.Rcode);
            Assert.Equal("RCODE 9", message.Rcode.ToMnemonic());
            Assert.Equal("NXDOMAIN", DnsRcode.NXDomain.ToMnemonic());
        }

        [Fact]
        public void Compressed_owner_names_and_CNAME_targets_are_expanded()
        {
            var writer = new TestDnsWriter(compress: true)
                .Header(7, TestDnsWriter.Flags(), questions: 1, answers: 3)
                .Question("www.contoso.example", 1)
                .Cname("www.contoso.example", "edge.contoso.example")     // owner: pointer to 12; target: "edge" + pointer
                .Cname("edge.contoso.example", "edge.cdn.example")        // target: "edge" "cdn" + pointer to "example"
                .Address("edge.cdn.example", IPAddress.Parse("10.9.8.7"));
            var bytes = writer.ToArray();
            Assert.True(bytes.Length < 110, "the writer compressed the names"); // sanity: uncompressed would be far longer

            var message = DnsMessage.Parse(bytes);

            Assert.Collection(
                message.Answers,
                r => { Assert.Equal("www.contoso.example", r.Name); Assert.Equal(DnsRecordType.CNAME, r.Type); Assert.Equal("edge.contoso.example", r.Target); },
                r => { Assert.Equal("edge.contoso.example", r.Name); Assert.Equal("edge.cdn.example", r.Target); },
                r => { Assert.Equal("edge.cdn.example", r.Name); Assert.Equal(IPAddress.Parse("10.9.8.7"), r.Address); Assert.Equal(300u, r.Ttl); });
        }

        [Fact]
        public void Other_types_and_classes_are_skipped_and_odd_octets_escaped()
        {
            var bytes = new TestDnsWriter()
                .Header(7, TestDnsWriter.Flags(), questions: 1, answers: 4)
                .Question("x.example", 1)
                .Record("x.example", 15, new byte[] { 0, 10, 0 })                 // MX with a root exchange: skipped
                .Record("x.example", 1, new byte[] { 1, 2, 3, 4 }, @class: 3)     // CHAOS class: skipped
                .Address("x.example", IPAddress.Parse("192.0.2.1"))
                .Address("x.example", IPAddress.Parse("2001:db8::1"))
                .ToArray();

            var message = DnsMessage.Parse(bytes);

            Assert.Equal(new[] { IPAddress.Parse("192.0.2.1"), IPAddress.Parse("2001:db8::1") }, message.Answers.Select(r => r.Address));

            var odd = new TestDnsWriter().Header(1, TestDnsWriter.Flags(), 1, 0).Bytes(3, (byte)'a', (byte)'.', 0x07, 0).UInt16(1).UInt16(1).ToArray();
            Assert.Equal(@"a\.\007", DnsMessage.Parse(odd).Questions[0].Name);
        }

        public static TheoryData<string, byte[], string> Broken => new()
        {
            { "shorter than the header", new byte[] { 0, 1, 0x81, 0x80, 0, 1 }, "shorter than the 12-byte header" },
            { "pointer to itself", Message(w => w.Bytes(0xC0, 12)), "compression pointer loop" },
            { "two pointers to each other", Message(w => w.Bytes(0xC0, 14, 0xC0, 12)), "compression pointer loop" },
            { "label, then a pointer back to it", Message(w => w.Bytes(1, (byte)'a', 0xC0, 12)), "longer than 255 octets" },
            { "pointer past the end", Message(w => w.Bytes(0xC0, 0xFF)), "outside the records" },
            { "pointer into the header", Message(w => w.Bytes(0xC0, 2)), "outside the records" },
            { "pointer cut off", Bare(w => w.Bytes(0xC0)), "cut off" },
            { "label past the end", Bare(w => w.Bytes(9, (byte)'a')), "runs past the end" },
            { "no root octet", Bare(w => w.Bytes(1, (byte)'a')), "runs past the end" },
            { "extended label type", Message(w => w.Bytes(0x41, 0)), "unknown label type 0x41" },
        };

        [Theory]
        [MemberData(nameof(Broken))]
        public void A_broken_message_is_a_format_error(string what, byte[] bytes, string reason)
        {
            var e = Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(bytes));
            Assert.True(e.Message.Contains(reason), $"{what}: {e.Message}");
        }

        [Fact]
        public void Record_lengths_are_checked()
        {
            var head = new TestDnsWriter().Header(1, TestDnsWriter.Flags(), 1, 1).Question("x.example", 1);

            var pastEnd = Clone(head).Name("x.example").UInt16(1).UInt16(1).UInt32(1).UInt16(40).Bytes(1, 2, 3, 4).ToArray();
            Assert.Contains("past the end of the message", Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(pastEnd)).Message);

            var badA = Clone(head).Record("x.example", 1, new byte[] { 1, 2, 3, 4, 5 }).ToArray();
            Assert.Contains("has RDLENGTH 5, not 4", Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(badA)).Message);

            var badCname = Clone(head).Record("x.example", 5, new byte[] { 1, (byte)'b', 0, 0xFF }).ToArray();
            Assert.Contains("its name ends at offset", Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(badCname)).Message);

            var cnameRunsOut = Clone(head).Record("x.example", 5, new byte[] { 3, (byte)'a', (byte)'b' }).UInt16(0).ToArray();
            Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(cnameRunsOut));

            var cutTtl = Clone(head).Name("x.example").UInt16(1).UInt16(1).UInt16(0).ToArray();
            Assert.Contains("cut off", Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(cutTtl)).Message);
        }

        /// <summary>A reply whose single answer's owner name is the given bytes (at offset 12: no question).</summary>
        private static byte[] Message(Action<TestDnsWriter> ownerName)
        {
            var writer = new TestDnsWriter().Header(1, TestDnsWriter.Flags(), questions: 0, answers: 1);
            ownerName(writer);
            return writer.UInt16(1).UInt16(1).UInt32(60).UInt16(4).Bytes(10, 0, 0, 1).ToArray();
        }

        /// <summary>Only the header and the given bytes: the message ends inside the owner name.</summary>
        private static byte[] Bare(Action<TestDnsWriter> ownerName)
        {
            var writer = new TestDnsWriter().Header(1, TestDnsWriter.Flags(), questions: 0, answers: 1);
            ownerName(writer);
            return writer.ToArray();
        }

        private static TestDnsWriter Clone(TestDnsWriter writer) => new TestDnsWriter(compress: false).Bytes(writer.ToArray());
    }
}
