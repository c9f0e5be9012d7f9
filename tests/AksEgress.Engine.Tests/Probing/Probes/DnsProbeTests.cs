using AksEgress.Probing;
using static AksEgress.Tests.Probing.Probes.ProbeKit;

namespace AksEgress.Tests.Probing.Probes
{
    public class DnsProbeTests
    {
        private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

        [Theory]
        [InlineData(0, "NOERROR")]
        // Even a refusal proves UDP 53 reaches the server: the rcode is evidence, not the verdict.
        [InlineData(3, "NXDOMAIN")]
        [InlineData(5, "REFUSED")]
        public async Task AnyResponseWithOurIdPassesWithItsRcode(int rcode, string name)
        {
            byte[]? query = null;
            using var server = new UdpResponder(q => UdpResponder.DnsReply(query = q, rcode));

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Dns, "127.0.0.1", 53), Options(Short, (53, server.Port)));

            AssertPassed(outcome, name + " for mcr.microsoft.com A (0 answers)");
            // A real query: a 12-byte header (RD, one question), then 3mcr9microsoft3com0, type A, class IN.
            Assert.NotNull(query);
            Assert.Equal(new byte[] { 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 }, query!.Skip(2).Take(10));
            Assert.Equal("\u0003mcr\u0009microsoft\u0003com\0", System.Text.Encoding.ASCII.GetString(query, 12, 19));
            Assert.Equal(new byte[] { 0, 1, 0, 1 }, query.Skip(31));
        }

        [Fact]
        public async Task AResponseWithAnotherIdIsNotAnAnswer()
        {
            using var server = new UdpResponder(q =>
            {
                var reply = UdpResponder.DnsReply(q, 0);
                reply[0] ^= 0xFF;
                return reply;
            });

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Dns, "127.0.0.1", 53), Options(Short, (53, server.Port)));

            AssertFailed(outcome, ProbeFailureKind.DnsFailure, "no answer from server within 1 s (127.0.0.1:" + server.Port + ")");
        }

        [Fact]
        public async Task ASilentServerIsDnsFailureAfterTheTimeout()
        {
            using var server = new UdpResponder(_ => null);

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Dns, "127.0.0.1", 53), Options(Short, (53, server.Port)));

            AssertFailed(outcome, ProbeFailureKind.DnsFailure, "no answer from server within 1 s");
            Assert.InRange(elapsed, Short - TimeSpan.FromMilliseconds(50), Short + TimeSpan.FromMilliseconds(500));
        }

        [Fact]
        public async Task APortNobodyListensOnIsDnsFailureAtOnce()
        {
            var port = ProbeServers.ClosedUdpPort();

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Dns, "127.0.0.1", 53), Options(Short, (53, port)));

            AssertFailed(outcome, ProbeFailureKind.DnsFailure, "port unreachable (ICMP) from 127.0.0.1:" + port);
            Assert.True(elapsed < Short, elapsed.ToString());
        }

        [Fact]
        public void TheQueryNameIsAParameterWithAWellKnownDefault()
        {
            Assert.Equal("mcr.microsoft.com", DnsProbe.DefaultQueryName);
            var query = DnsProbe.BuildQuery("example.org.");
            Assert.Equal("\u0007example\u0003org\0", System.Text.Encoding.ASCII.GetString(query, 12, 13));
            Assert.Throws<ArgumentException>(() => DnsProbe.BuildQuery("bad..name"));
        }
    }
}
