using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AksEgress.Probing.Dns;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>One query against the loopback test server: transports, matching of replies, failures.</summary>
    public class DnsClientTests
    {
        /// <summary>For tests where the wait is the point: no answer, so the limit runs out (kept short for a fast suite).</summary>
        private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(300);

        /// <summary>For tests expecting an answer: they end when it comes, and a busy machine must not turn it into a timeout.</summary>
        private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

        /// <summary>"Promptly": far below any timeout a test sets for the failure to be reached the slow way.</summary>
        private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(2);

        [Fact]
        public async Task An_answer_over_UDP_carries_the_addresses_rcode_and_transport()
        {
            await using var server = TestDnsServer.Start();
            server["web.test"] = new TestDnsZone { A = { "10.1.0.1", "10.1.0.2" } };

            var answer = await new DnsClient(server.EndPoint, Generous).QueryAsync("web.test", DnsRecordType.A, CancellationToken.None);

            Assert.Equal(DnsRcode.NoError, answer.Rcode);
            Assert.Equal(new[] { IPAddress.Parse("10.1.0.1"), IPAddress.Parse("10.1.0.2") }, answer.Addresses);
            Assert.Empty(answer.CnameChain);
            Assert.Equal("udp", answer.Transport);
            Assert.False(answer.Truncated);
            Assert.Equal(server.EndPoint, answer.Server);
            Assert.Equal(new[] { ("udp", "web.test", 1) }, server.Queries);
        }

        [Fact]
        public async Task A_truncated_UDP_answer_is_asked_again_over_TCP_on_the_same_port()
        {
            await using var server = TestDnsServer.Start();
            var all = Enumerable.Range(1, 5).Select(i => $"10.2.0.{i}").ToList();
            var zone = new TestDnsZone { TruncateOverUdp = true };
            zone.A.AddRange(all);
            server["big.test"] = zone;

            var answer = await new DnsClient(server.EndPoint, Generous).QueryAsync("big.test", DnsRecordType.A, CancellationToken.None);

            Assert.Equal("tcp", answer.Transport);
            Assert.True(answer.Truncated);
            Assert.Equal(all, answer.Addresses.Select(a => a.ToString()));
            Assert.Equal(new[] { ("udp", "big.test", 1), ("tcp", "big.test", 1) }, server.Queries);
        }

        [Fact]
        public async Task A_truncated_answer_with_nothing_listening_on_TCP_is_a_refusal()
        {
            await using var server = TestDnsServer.Start(tcp: false);
            server["big.test"] = new TestDnsZone { A = { "10.2.0.1", "10.2.0.2" }, TruncateOverUdp = true };

            var e = await Assert.ThrowsAsync<DnsTransportException>(() =>
                new DnsClient(server.EndPoint, TimeSpan.FromSeconds(5)).QueryAsync("big.test", DnsRecordType.A, CancellationToken.None));

            Assert.Equal($"TCP connection to {server.Name} refused (needed because the UDP answer was truncated)", e.Message);
        }

        [Fact]
        public async Task A_truncated_answer_whose_TCP_retry_is_never_answered_times_out_within_the_same_limit()
        {
            await using var server = TestDnsServer.Start();
            server["big.test"] = new TestDnsZone { A = { "10.2.0.1", "10.2.0.2" }, TruncateOverUdp = true, SilentOverTcp = true };
            var clock = Stopwatch.StartNew();

            var e = await Assert.ThrowsAsync<DnsTimeoutException>(() =>
                new DnsClient(server.EndPoint, TimeSpan.FromSeconds(1)).QueryAsync("big.test", DnsRecordType.A, CancellationToken.None));

            Assert.True(e.AfterTruncation);
            Assert.Equal($"no answer over TCP from {server.Name} within 1 s (the UDP answer was truncated)", e.Message);
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(3));
        }

        [Theory]
        [InlineData("wrong id")]
        [InlineData("other source")]
        [InlineData("other question")]
        public async Task A_stray_reply_before_the_real_one_is_ignored(string stray)
        {
            await using var server = TestDnsServer.Start();
            server["web.test"] = new TestDnsZone
            {
                A = { "10.1.0.1" },
                WrongIdFirst = stray == "wrong id",
                OtherSourceFirst = stray == "other source",
                OtherQuestionFirst = stray == "other question",
            };

            var answer = await new DnsClient(server.EndPoint, TimeSpan.FromSeconds(5)).QueryAsync("web.test", DnsRecordType.A, CancellationToken.None);

            Assert.Equal(new[] { IPAddress.Parse("10.1.0.1") }, answer.Addresses);
        }

        [Fact]
        public async Task Only_stray_replies_mean_no_answer()
        {
            await using var server = TestDnsServer.Start();
            server["web.test"] = new TestDnsZone
            {
                Raw = (id, _) => new TestDnsWriter()
                    .Header(unchecked((ushort)(id ^ 0x8000)), TestDnsWriter.Flags(), 1, 1)
                    .Question("web.test", 1)
                    .Address("web.test", TestDnsZone.Bogus)
                    .ToArray(),
            };

            var e = await Assert.ThrowsAsync<DnsTimeoutException>(() =>
                new DnsClient(server.EndPoint, Fast).QueryAsync("web.test", DnsRecordType.A, CancellationToken.None));

            Assert.False(e.AfterTruncation);
            Assert.Equal($"no answer from {server.Name} within 0.3 s", e.Message);
        }

        [Fact]
        public async Task The_question_is_compared_without_regard_to_case()
        {
            await using var server = TestDnsServer.Start();
            server["web.test"] = new TestDnsZone { A = { "10.1.0.1" }, EchoUpperCase = true };

            var answer = await new DnsClient(server.EndPoint, Generous).QueryAsync("Web.Test.", DnsRecordType.A, CancellationToken.None);

            Assert.Equal(new[] { IPAddress.Parse("10.1.0.1") }, answer.Addresses);
        }

        [Fact]
        public async Task A_compressed_reply_with_a_CNAME_chain_is_read()
        {
            await using var server = TestDnsServer.Start();
            server["www.contoso.test"] = new TestDnsZone
            {
                Raw = (id, _) => new TestDnsWriter(compress: true)
                    .Header(id, TestDnsWriter.Flags(), 1, 3)
                    .Question("www.contoso.test", 1)
                    .Cname("www.contoso.test", "edge.contoso.test")
                    .Cname("edge.contoso.test", "lb.contoso.test")
                    .Address("lb.contoso.test", IPAddress.Parse("10.3.0.1"))
                    .ToArray(),
            };

            var answer = await new DnsClient(server.EndPoint, Generous).QueryAsync("www.contoso.test", DnsRecordType.A, CancellationToken.None);

            Assert.Equal(new[] { "edge.contoso.test", "lb.contoso.test" }, answer.CnameChain);
            Assert.Equal(new[] { IPAddress.Parse("10.3.0.1") }, answer.Addresses);
        }

        [Fact]
        public async Task A_compression_pointer_loop_in_the_reply_is_a_format_error_at_once()
        {
            await using var server = TestDnsServer.Start();
            server["loop.test"] = new TestDnsZone
            {
                Raw = (id, _) =>
                {
                    var writer = new TestDnsWriter(compress: false).Header(id, TestDnsWriter.Flags(), 1, 1).Question("loop.test", 1);
                    var here = writer.Position;
                    return writer.UInt16(0xC000 | (here + 2)).UInt16(0xC000 | here) // two pointers at each other
                        .UInt16(1).UInt16(1).UInt32(60).UInt16(4).Bytes(10, 0, 0, 1).ToArray();
                },
            };
            var clock = Stopwatch.StartNew();

            var e = await Assert.ThrowsAsync<DnsFormatException>(() =>
                new DnsClient(server.EndPoint, TimeSpan.FromSeconds(10)).QueryAsync("loop.test", DnsRecordType.A, CancellationToken.None));

            Assert.StartsWith($"malformed answer from {server.Name}: compression pointer loop", e.Message);
            Assert.True(clock.Elapsed < Promptly, $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task An_error_reply_without_the_question_is_accepted_but_a_NOERROR_one_is_not()
        {
            await using var server = TestDnsServer.Start();
            server["refused.test"] = new TestDnsZone { Raw = (id, _) => new TestDnsWriter().Header(id, TestDnsWriter.Flags(rcode: 5), 0, 0).ToArray() };
            server["bare.test"] = new TestDnsZone { Raw = (id, _) => new TestDnsWriter().Header(id, TestDnsWriter.Flags(), 0, 0).ToArray() };
            var refused = await new DnsClient(server.EndPoint, Generous).QueryAsync("refused.test", DnsRecordType.A, CancellationToken.None);
            Assert.Equal(DnsRcode.Refused, refused.Rcode);

            await Assert.ThrowsAsync<DnsTimeoutException>(() =>
                new DnsClient(server.EndPoint, Fast).QueryAsync("bare.test", DnsRecordType.A, CancellationToken.None));
        }

        [Fact]
        public async Task No_answer_is_a_timeout_after_the_limit_not_before()
        {
            await using var server = TestDnsServer.Start();
            server["quiet.test"] = new TestDnsZone { Silent = true };
            var clock = Stopwatch.StartNew();

            var e = await Assert.ThrowsAsync<DnsTimeoutException>(() =>
                new DnsClient(server.EndPoint, Fast).QueryAsync("quiet.test", DnsRecordType.A, CancellationToken.None));

            Assert.Equal($"no answer from {server.Name} within 0.3 s", e.Message);
            Assert.Equal(Fast, e.Timeout);
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), Promptly);
        }

        [Fact]
        public async Task A_lost_datagram_is_sent_again()
        {
            await using var server = TestDnsServer.Start();
            server["lossy.test"] = new TestDnsZone { A = { "10.4.0.1" }, DropFirst = 1 };
            var client = new DnsClient(server.EndPoint, TimeSpan.FromSeconds(5)) { RetransmitInterval = TimeSpan.FromMilliseconds(100) };

            var answer = await client.QueryAsync("lossy.test", DnsRecordType.A, CancellationToken.None);

            Assert.Equal(new[] { IPAddress.Parse("10.4.0.1") }, answer.Addresses);
            // The first was dropped, so at least one resend; more when a busy machine answers the second after 100 ms.
            Assert.True(server.CountQueries("udp", "lossy.test") >= 2);
            Assert.Single(server.Ids.Distinct()); // a resend is the same datagram, same id
            Assert.Single(server.Queries.Select(q => q.Name).Distinct());
        }

        [Fact]
        public void The_retransmit_interval_is_a_third_of_the_limit_but_at_least_a_second()
        {
            Assert.Equal(TimeSpan.FromSeconds(1), new DnsClient(new IPEndPoint(IPAddress.Loopback, 53), Fast).RetransmitInterval);
            Assert.Equal(TimeSpan.FromSeconds(2), new DnsClient(new IPEndPoint(IPAddress.Loopback, 53), TimeSpan.FromSeconds(6)).RetransmitInterval);
            Assert.Throws<ArgumentOutOfRangeException>(() => new DnsClient(new IPEndPoint(IPAddress.Loopback, 53), TimeSpan.Zero));
        }

        [Fact]
        public async Task A_closed_UDP_port_is_reported_as_a_refusal_not_a_timeout()
        {
            var closed = ClosedUdpPort();
            var clock = Stopwatch.StartNew();

            var e = await Assert.ThrowsAsync<DnsTransportException>(() =>
                new DnsClient(closed, TimeSpan.FromSeconds(10)).QueryAsync("web.test", DnsRecordType.A, CancellationToken.None));

            Assert.Equal($"UDP query to {closed} refused (port unreachable)", e.Message);
            Assert.True(clock.Elapsed < Promptly, $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task Cancellation_ends_a_waiting_query_at_once()
        {
            await using var server = TestDnsServer.Start();
            server["quiet.test"] = new TestDnsZone { Silent = true };
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            var clock = Stopwatch.StartNew();

            var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                new DnsClient(server.EndPoint, TimeSpan.FromSeconds(30)).QueryAsync("quiet.test", DnsRecordType.A, cancel.Token));

            Assert.Equal(cancel.Token, e.CancellationToken);
            Assert.True(clock.Elapsed < Promptly, $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task Cancellation_ends_a_waiting_TCP_retry_at_once()
        {
            await using var server = TestDnsServer.Start();
            server["big.test"] = new TestDnsZone { A = { "10.2.0.1" }, TruncateOverUdp = true, SilentOverTcp = true };
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                new DnsClient(server.EndPoint, TimeSpan.FromSeconds(30)).QueryAsync("big.test", DnsRecordType.A, cancel.Token));

            Assert.True(clock.Elapsed < Promptly, $"took {clock.Elapsed}");
            Assert.Equal(1, server.CountQueries("tcp", "big.test"));
        }

        [Fact]
        public async Task An_already_cancelled_token_sends_nothing()
        {
            await using var server = TestDnsServer.Start();
            server["web.test"] = new TestDnsZone { A = { "10.1.0.1" } };

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                new DnsClient(server.EndPoint, Fast).QueryAsync("web.test", DnsRecordType.A, new CancellationToken(canceled: true)));

            await Task.Delay(50);
            Assert.Empty(server.Queries);
        }

        [Fact]
        public async Task Each_query_has_its_own_id()
        {
            await using var server = TestDnsServer.Start();
            server["web.test"] = new TestDnsZone { A = { "10.1.0.1" } };
            var client = new DnsClient(server.EndPoint, Generous);

            for (var i = 0; i < 4; i++) await client.QueryAsync("web.test", DnsRecordType.A, CancellationToken.None);

            Assert.Equal(4, server.Queries.Count);
            var ids = server.Ids.Distinct().Count();
            Assert.True(ids > 1, "four queries all had the same id");
        }

        /// <summary>A loopback UDP port that was just in use and now has no socket: the kernel answers ICMP unreachable.</summary>
        private static IPEndPoint ClosedUdpPort()
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return (IPEndPoint)probe.LocalEndPoint!;
        }
    }
}
