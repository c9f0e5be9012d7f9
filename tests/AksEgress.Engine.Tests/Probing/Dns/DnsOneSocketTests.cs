using System.Net;
using AksEgress.Probing;
using AksEgress.Probing.Dns;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>
    /// With -DnsServer a probe holds one socket at a time, so -ThrottleLimit bounds sockets, not just probes. Seen from
    /// the test server: each client socket is one source address and port.
    /// </summary>
    public class DnsOneSocketTests
    {
        /// <summary>For tests expecting answers: they end when the answers come.</summary>
        private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

        [Fact]
        public async Task A_and_AAAA_leave_from_one_client_port_with_their_own_ids_and_both_come_back()
        {
            await using var server = TestDnsServer.Start();
            server["web.test"] = new TestDnsZone { A = { "10.1.0.1" }, Aaaa = { "fd00::1" } };

            var result = await Resolve(server, "web.test");

            Assert.Equal(new[] { "10.1.0.1", "fd00::1" }, result.Addresses.Select(a => a.ToString()));
            var received = server.Received.ToList();
            Assert.Equal(new[] { 1, 28 }, received.Select(r => r.Type).OrderBy(t => t));
            Assert.All(received, r => Assert.Equal("udp", r.Transport));
            Assert.Single(received.Select(r => r.Source).Distinct());
            Assert.NotEqual(received[0].Id, received[1].Id);
        }

        [Fact]
        public async Task CNAME_hops_are_asked_from_the_same_socket()
        {
            await using var server = TestDnsServer.Start();
            server["app.test"] = new TestDnsZone { Cname = "edge.test" };
            server["edge.test"] = new TestDnsZone { A = { "10.5.0.1" }, Aaaa = { "fd00::5" } };

            var result = await Resolve(server, "app.test");

            Assert.Equal(new[] { "10.5.0.1", "fd00::5" }, result.Addresses.Select(a => a.ToString()));
            Assert.Equal(4, server.Received.Count);
            Assert.Single(server.Received.Select(r => r.Source).Distinct());
        }

        [Fact]
        public async Task Concurrent_resolutions_never_hold_more_sockets_than_there_are_resolutions()
        {
            const int resolutions = 6;
            await using var server = TestDnsServer.Start();
            for (var i = 0; i < resolutions; i++)
            {
                // The delay keeps every query in the server's hands at once, so two sockets per resolution would show.
                server[$"n{i}.test"] = new TestDnsZone { A = { $"10.9.0.{i}" }, Aaaa = { $"fd00::9:{i}" }, UdpDelay = TimeSpan.FromMilliseconds(300) };
            }

            var resolver = new DnsServerResolver(server.EndPoint, Generous);

            var results = await Task.WhenAll(Enumerable.Range(0, resolutions).Select(i => resolver.ResolveAsync($"n{i}.test", CancellationToken.None)));

            for (var i = 0; i < resolutions; i++)
            {
                Assert.Equal(new[] { $"10.9.0.{i}", $"fd00::9:{i}" }, results[i].Addresses.Select(a => a.ToString()));
            }

            Assert.InRange(server.UdpSources.Peak, 1, resolutions);
            Assert.Equal(resolutions, server.Received.Select(r => r.Source).Distinct().Count());
        }

        [Fact]
        public async Task A_truncated_family_is_completed_over_TCP_only_after_the_UDP_socket_is_closed()
        {
            await using var server = TestDnsServer.Start();
            var zone = new TestDnsZone { Aaaa = { "fd00::1" }, TruncateTypes = { 1 } };
            zone.A.AddRange(Enumerable.Range(1, 12).Select(i => $"10.7.0.{i}"));
            server["big.test"] = zone;

            var result = await Resolve(server, "big.test");

            Assert.Equal(zone.A.Append("fd00::1"), result.Addresses.Select(a => a.ToString()));
            Assert.Contains(("tcp", "big.test", 1), server.Queries);
            Assert.Single(server.Received.Where(r => r.Transport == "udp").Select(r => r.Source).Distinct());
            Assert.Equal(1, server.TcpConnections);
            Assert.Equal(new[] { 0 }, server.UdpSocketsOpenAtTcpConnect);
        }

        [Fact]
        public async Task A_family_still_waiting_over_UDP_moves_to_the_same_TCP_connection()
        {
            await using var server = TestDnsServer.Start();

            // A is truncated and AAAA never answered over UDP: AAAA can only come back if it follows A to TCP.
            var zone = new TestDnsZone { Aaaa = { "fd00::1" }, TruncateTypes = { 1 }, SilentTypes = { 28 } };
            zone.A.AddRange(Enumerable.Range(1, 12).Select(i => $"10.7.0.{i}"));
            server["big.test"] = zone;

            var result = await Resolve(server, "big.test");

            Assert.Equal(zone.A.Append("fd00::1"), result.Addresses.Select(a => a.ToString()));
            var overTcp = server.Received.Where(r => r.Transport == "tcp").ToList();
            Assert.Equal(new[] { 1, 28 }, overTcp.Select(r => r.Type).OrderBy(t => t));
            Assert.Single(overTcp.Select(r => r.Source).Distinct());
            Assert.Equal(1, server.TcpConnections);
            Assert.Equal(new[] { 0 }, server.UdpSocketsOpenAtTcpConnect);
        }

        [Fact]
        public async Task A_server_that_ends_each_TCP_connection_after_one_answer_is_asked_the_rest_on_a_new_one()
        {
            await using var server = TestDnsServer.Start();
            var zone = new TestDnsZone { Aaaa = { "fd00::1" }, TruncateTypes = { 1 }, SilentTypes = { 28 }, CloseTcpAfterAnswer = true };
            zone.A.AddRange(Enumerable.Range(1, 12).Select(i => $"10.7.0.{i}"));
            server["big.test"] = zone;

            var result = await Resolve(server, "big.test");

            Assert.Equal(zone.A.Append("fd00::1"), result.Addresses.Select(a => a.ToString()));
            Assert.Equal(2, server.TcpConnections);
        }

        [Theory]
        [InlineData("wrong id")]
        [InlineData("the other family's question on the right id")]
        public async Task A_stray_reply_on_the_shared_socket_is_not_taken_as_an_answer(string stray)
        {
            await using var server = TestDnsServer.Start();
            server["web.test"] = new TestDnsZone
            {
                A = { "10.1.0.1" },
                Aaaa = { "fd00::1" },
                WrongIdFirst = stray == "wrong id",
                SwappedQuestionFirst = stray != "wrong id",
            };

            var result = await Resolve(server, "web.test");

            Assert.Equal(new[] { "10.1.0.1", "fd00::1" }, result.Addresses.Select(a => a.ToString()));
            Assert.Single(server.Received.Select(r => r.Source).Distinct());
        }

        private static Task<ResolveResult> Resolve(TestDnsServer server, string host) =>
            new DnsServerResolver(server.EndPoint, Generous).ResolveAsync(host, CancellationToken.None);
    }
}
