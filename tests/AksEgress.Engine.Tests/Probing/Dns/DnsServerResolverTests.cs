using System.Diagnostics;
using System.Net;
using AksEgress.Probing;
using AksEgress.Probing.Dns;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>
    /// What a user sees from -DnsServer: the addresses a name resolves to through that server, or evidence that
    /// says exactly what the server did.
    /// </summary>
    public class DnsServerResolverTests
    {
        /// <summary>For tests where the wait is the point: no answer, so the limit runs out (kept short for a fast suite).</summary>
        private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(300);

        /// <summary>For tests expecting answers: they end when the answers come, and a busy machine must not turn them into timeouts.</summary>
        private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(2);

        [Fact]
        public async Task A_and_AAAA_addresses_come_back_IPv4_first()
        {
            await using var server = TestDnsServer.Start();
            server["web.test"] = new TestDnsZone { A = { "10.1.0.1" }, Aaaa = { "fd00::1", "fd00::2" } };

            var result = await Resolve(server, "web.test");

            Assert.True(result.Succeeded, result.Failure);
            Assert.Null(result.Failure);
            Assert.Equal(new[] { "10.1.0.1", "fd00::1", "fd00::2" }, result.Addresses.Select(a => a.ToString()));
            Assert.Equal(new[] { ("udp", "web.test", 1), ("udp", "web.test", 28) }, server.Queries.OrderBy(q => q.Type));
        }

        [Fact]
        public async Task Only_IPv4_is_enough()
        {
            await using var server = TestDnsServer.Start();
            server["v4.test"] = new TestDnsZone { A = { "10.1.0.1" } };

            var result = await Resolve(server, "v4.test");

            Assert.Equal(new[] { IPAddress.Parse("10.1.0.1") }, result.Addresses);
        }

        [Theory]
        [InlineData("10.0.0.4")]
        [InlineData("fd00::4")]
        [InlineData("[fd00::4]")]
        public async Task A_literal_address_resolves_to_itself_without_a_query(string host)
        {
            await using var server = TestDnsServer.Start();

            var result = await Resolve(server, host);

            Assert.Equal(new[] { IPAddress.Parse(host.Trim('[', ']')) }, result.Addresses);
            Assert.Empty(server.Queries);
        }

        [Fact]
        public async Task A_name_made_of_digits_is_still_a_name()
        {
            await using var server = TestDnsServer.Start();
            server["10.4"] = new TestDnsZone { A = { "10.1.0.9" } };

            var result = await Resolve(server, "10.4");

            Assert.Equal(new[] { IPAddress.Parse("10.1.0.9") }, result.Addresses);
        }

        [Fact]
        public async Task An_invalid_name_fails_with_the_reason_and_sends_nothing()
        {
            await using var server = TestDnsServer.Start();

            var result = await Resolve(server, "bad name.test");

            Assert.Equal("not a valid DNS name: 'bad name.test' contains ' ', which is not allowed in a DNS name", result.Failure);
            Assert.Empty(server.Queries);
        }

        [Fact]
        public async Task A_CNAME_the_server_left_unresolved_is_followed_to_its_target()
        {
            await using var server = TestDnsServer.Start();
            server["app.test"] = new TestDnsZone { Cname = "edge.test" };
            server["edge.test"] = new TestDnsZone { Cname = "lb.test" };
            server["lb.test"] = new TestDnsZone { A = { "10.5.0.1" }, Aaaa = { "fd00::5" } };

            var result = await Resolve(server, "app.test");

            Assert.Equal(new[] { "10.5.0.1", "fd00::5" }, result.Addresses.Select(a => a.ToString()));
            Assert.Equal(2, server.CountQueries("udp", "edge.test"));
            Assert.Equal(2, server.CountQueries("udp", "lb.test"));
        }

        [Fact]
        public async Task A_chain_the_server_resolved_takes_one_query_per_family()
        {
            await using var server = TestDnsServer.Start();
            server["app.test"] = new TestDnsZone { Cname = "edge.test", IncludeTarget = true };
            server["edge.test"] = new TestDnsZone { Cname = "lb.test", IncludeTarget = true };
            server["lb.test"] = new TestDnsZone { A = { "10.5.0.1" }, Aaaa = { "fd00::5" } };

            var result = await Resolve(server, "app.test");

            Assert.Equal(new[] { "10.5.0.1", "fd00::5" }, result.Addresses.Select(a => a.ToString()));
            Assert.Equal(2, server.Queries.Count);
        }

        [Fact]
        public async Task A_CNAME_loop_across_queries_is_named()
        {
            await using var server = TestDnsServer.Start();
            server["a.test"] = new TestDnsZone { Cname = "b.test" };
            server["b.test"] = new TestDnsZone { Cname = "a.test" };

            var result = await Resolve(server, "a.test");

            Assert.Equal("CNAME loop: a.test -> b.test -> a.test", result.Failure);
        }

        [Fact]
        public async Task A_CNAME_loop_inside_one_answer_is_named()
        {
            await using var server = TestDnsServer.Start();
            server["a.test"] = new TestDnsZone { Cname = "b.test", IncludeTarget = true };
            server["b.test"] = new TestDnsZone { Cname = "c.test", IncludeTarget = true };
            server["c.test"] = new TestDnsZone { Cname = "b.test", IncludeTarget = true };

            var result = await Resolve(server, "a.test");

            Assert.Equal("CNAME loop: a.test -> b.test -> c.test -> b.test", result.Failure);
            Assert.Equal(2, server.Queries.Count);
        }

        [Fact]
        public async Task Eight_CNAME_hops_are_followed_and_a_ninth_is_refused()
        {
            await using var server = TestDnsServer.Start();
            for (var i = 0; i < 9; i++) server[$"c{i}.test"] = new TestDnsZone { Cname = $"c{i + 1}.test" };
            server["c9.test"] = new TestDnsZone { A = { "10.6.0.9" } };
            server["d0.test"] = new TestDnsZone { Cname = "c2.test" }; // d0 -> c2 -> ... -> c9: 8 hops

            var eight = await Resolve(server, "d0.test");
            var nine = await Resolve(server, "c0.test");

            Assert.Equal(new[] { IPAddress.Parse("10.6.0.9") }, eight.Addresses);
            Assert.Equal(
                "CNAME chain longer than 8 hops: " + string.Join(" -> ", Enumerable.Range(0, 10).Select(i => $"c{i}.test")),
                nine.Failure);
        }

        [Theory]
        [InlineData(3, "NXDOMAIN")]
        [InlineData(2, "SERVFAIL")]
        [InlineData(5, "REFUSED")]
        [InlineData(4, "NOTIMP")]
        [InlineData(11, "RCODE 11")]
        public async Task An_error_rcode_is_the_evidence(int rcode, string mnemonic)
        {
            await using var server = TestDnsServer.Start();
            server["err.test"] = new TestDnsZone { Rcode = rcode };

            var result = await Resolve(server, "err.test");

            Assert.False(result.Succeeded);
            Assert.Empty(result.Addresses);
            Assert.Equal($"{mnemonic} from {server.Name}", result.Failure);
        }

        [Fact]
        public async Task An_unknown_name_is_NXDOMAIN()
        {
            await using var server = TestDnsServer.Start();

            var result = await Resolve(server, "nowhere.test");

            Assert.Equal($"NXDOMAIN from {server.Name}", result.Failure);
        }

        [Fact]
        public async Task NXDOMAIN_at_the_end_of_a_chain_says_which_name()
        {
            await using var server = TestDnsServer.Start();
            server["app.test"] = new TestDnsZone { Cname = "gone.test" };

            var result = await Resolve(server, "app.test");

            Assert.Equal($"NXDOMAIN from {server.Name} (app.test -> gone.test)", result.Failure);
        }

        [Fact]
        public async Task An_empty_NOERROR_answer_is_no_A_or_AAAA_record()
        {
            await using var server = TestDnsServer.Start();
            server["empty.test"] = new TestDnsZone();

            var result = await Resolve(server, "empty.test");

            Assert.Equal($"no A or AAAA record from {server.Name} (NOERROR, empty answer)", result.Failure);
        }

        [Fact]
        public async Task An_empty_answer_at_the_end_of_a_chain_shows_the_chain()
        {
            await using var server = TestDnsServer.Start();
            server["app.test"] = new TestDnsZone { Cname = "empty.test" };
            server["empty.test"] = new TestDnsZone();

            var result = await Resolve(server, "app.test");

            Assert.Equal($"no A or AAAA record from {server.Name} (NOERROR, empty answer; app.test -> empty.test)", result.Failure);
        }

        [Fact]
        public async Task No_answer_is_reported_with_the_limit()
        {
            await using var server = TestDnsServer.Start();
            server["quiet.test"] = new TestDnsZone { Silent = true };
            var clock = Stopwatch.StartNew();

            var result = await ResolveWithin(server, "quiet.test", Fast);

            Assert.Equal($"no answer from {server.Name} within 0.3 s", result.Failure);
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), Promptly);
        }

        [Fact]
        public void The_server_and_limit_are_written_as_the_user_gave_them()
        {
            var resolver = new DnsServerResolver(new IPEndPoint(IPAddress.Parse("10.0.0.4"), 53), TimeSpan.FromSeconds(5));

            Assert.Equal("10.0.0.4:53", DnsText.Server(resolver.Server));
            Assert.Equal("[fd00::4]:53", DnsText.Server(new IPEndPoint(IPAddress.Parse("fd00::4"), 53)));
            Assert.Equal("5 s", ProbeText.Seconds(resolver.Timeout));
            Assert.Equal("0.3 s", ProbeText.Seconds(Fast));
            Assert.Equal("1.25 s", ProbeText.Seconds(TimeSpan.FromMilliseconds(1250)));
        }

        [Fact]
        public async Task Different_failures_per_family_are_both_shown()
        {
            await using var server = TestDnsServer.Start();
            server["half.test"] = new TestDnsZone { Rcode = 2, SilentTypes = { 28 } };

            var result = await ResolveWithin(server, "half.test", TimeSpan.FromSeconds(1));

            Assert.Equal($"A: SERVFAIL from {server.Name}; AAAA: no answer from {server.Name} within 1 s", result.Failure);
        }

        [Fact]
        public async Task A_silent_AAAA_does_not_hold_back_the_A_addresses_for_the_whole_limit()
        {
            await using var server = TestDnsServer.Start();
            server["v4.test"] = new TestDnsZone { A = { "10.1.0.1" }, SilentTypes = { 28 } };
            var resolver = new DnsServerResolver(server.EndPoint, TimeSpan.FromSeconds(10));
            var clock = Stopwatch.StartNew();

            var result = await resolver.ResolveAsync("v4.test", CancellationToken.None);

            Assert.Equal(new[] { IPAddress.Parse("10.1.0.1") }, result.Addresses);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task A_truncated_answer_is_completed_over_TCP()
        {
            await using var server = TestDnsServer.Start();
            var zone = new TestDnsZone { TruncateOverUdp = true };
            zone.A.AddRange(Enumerable.Range(1, 12).Select(i => $"10.7.0.{i}"));
            server["big.test"] = zone;

            var result = await Resolve(server, "big.test");

            Assert.Equal(12, result.Addresses.Count);
            Assert.Contains(("tcp", "big.test", 1), server.Queries);
        }

        [Fact]
        public async Task A_truncated_answer_with_TCP_refused_says_so()
        {
            await using var server = TestDnsServer.Start(tcp: false);
            server["big.test"] = new TestDnsZone { A = { "10.7.0.1" }, Aaaa = { "fd00::7" }, TruncateOverUdp = true };

            var result = await Resolve(server, "big.test");

            Assert.Equal($"TCP connection to {server.Name} refused (needed because the UDP answer was truncated)", result.Failure);
        }

        [Fact]
        public async Task A_truncated_answer_with_TCP_unanswered_says_so()
        {
            await using var server = TestDnsServer.Start();
            server["big.test"] = new TestDnsZone { A = { "10.7.0.1" }, Aaaa = { "fd00::7" }, TruncateOverUdp = true, SilentOverTcp = true };

            var result = await ResolveWithin(server, "big.test", TimeSpan.FromSeconds(1));

            Assert.Equal($"no answer over TCP from {server.Name} within 1 s (the UDP answer was truncated)", result.Failure);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Stray_replies_never_become_addresses(bool compress)
        {
            await using var server = TestDnsServer.Start(compress: compress);
            server["web.test"] = new TestDnsZone { A = { "10.1.0.1" }, Aaaa = { "fd00::1" }, WrongIdFirst = true, OtherSourceFirst = true, OtherQuestionFirst = true };

            var result = await new DnsServerResolver(server.EndPoint, TimeSpan.FromSeconds(5)).ResolveAsync("web.test", CancellationToken.None);

            Assert.Equal(new[] { "10.1.0.1", "fd00::1" }, result.Addresses.Select(a => a.ToString()));
        }

        [Fact]
        public async Task A_compression_pointer_loop_is_a_malformed_answer_not_a_hang()
        {
            await using var server = TestDnsServer.Start();
            server["loop.test"] = new TestDnsZone
            {
                Raw = (id, query) =>
                {
                    var type = (query[^4] << 8) | query[^3];
                    var writer = new TestDnsWriter(compress: false).Header(id, TestDnsWriter.Flags(), 1, 1).Question("loop.test", type);
                    return writer.UInt16(0xC000 | writer.Position).UInt16(type).UInt16(1).UInt32(60).UInt16(4).Bytes(10, 0, 0, 1).ToArray();
                },
            };
            var clock = Stopwatch.StartNew();

            var result = await new DnsServerResolver(server.EndPoint, TimeSpan.FromSeconds(10)).ResolveAsync("loop.test", CancellationToken.None);

            Assert.StartsWith($"malformed answer from {server.Name}: compression pointer loop in the name at offset ", result.Failure);
            Assert.True(clock.Elapsed < Promptly, $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task Cancellation_is_an_exception_not_evidence()
        {
            await using var server = TestDnsServer.Start();
            server["quiet.test"] = new TestDnsZone { Silent = true };
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            IHostResolver resolver = new DnsServerResolver(server.EndPoint, TimeSpan.FromSeconds(30));
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolver.ResolveAsync("quiet.test", cancel.Token));

            Assert.True(clock.Elapsed < Promptly, $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task Many_resolutions_at_once_each_get_their_own_answer()
        {
            await using var server = TestDnsServer.Start();
            for (var i = 0; i < 50; i++) server[$"n{i}.test"] = new TestDnsZone { A = { $"10.8.0.{i}" } };
            var resolver = new DnsServerResolver(server.EndPoint, TimeSpan.FromSeconds(5));

            var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => resolver.ResolveAsync($"n{i}.test", CancellationToken.None)));

            for (var i = 0; i < 50; i++) Assert.Equal(new[] { IPAddress.Parse($"10.8.0.{i}") }, results[i].Addresses);
        }

        private static Task<ResolveResult> Resolve(TestDnsServer server, string host) =>
            new DnsServerResolver(server.EndPoint, Generous).ResolveAsync(host, CancellationToken.None);

        private static Task<ResolveResult> ResolveWithin(TestDnsServer server, string host, TimeSpan timeout) =>
            new DnsServerResolver(server.EndPoint, timeout).ResolveAsync(host, CancellationToken.None);
    }
}
