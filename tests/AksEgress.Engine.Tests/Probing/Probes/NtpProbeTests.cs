using AksEgress.Probing;
using static AksEgress.Tests.Probing.Probes.ProbeKit;

namespace AksEgress.Tests.Probing.Probes
{
    public class NtpProbeTests
    {
        private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

        [Fact]
        public async Task AServersReplyPassesWithStratumAndOffset()
        {
            byte[]? request = null;
            using var server = new UdpResponder(r => UdpResponder.NtpReply(request = r, stratum: 2));

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Ntp, "ntp.ubuntu.com", 123), Options(TimeSpan.FromSeconds(5), (123, server.Port)));

            AssertPassed(outcome, "stratum 2, offset ");
            Assert.EndsWith(" ms", outcome.Detail);
            Assert.Equal("127.0.0.1", outcome.ResolvedAddresses);
            // A real v4 client request: 48 bytes, LI 0, VN 4, mode 3, transmit timestamp set.
            Assert.NotNull(request);
            Assert.Equal(48, request!.Length);
            Assert.Equal(0x23, request[0]);
            Assert.Contains(request.Skip(40).Take(8), b => b != 0);
            // Same clock on both ends: the offset is tiny.
            var offset = double.Parse(outcome.Detail.Split("offset ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(offset, -100, 100);
        }

        [Fact]
        public async Task APortNobodyListensOnIsNtpNoReplyAtOnce()
        {
            var port = ProbeServers.ClosedUdpPort();

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Ntp, "127.0.0.1", 123), Options(Short, (123, port)));

            // On loopback the kernel answers with ICMP port unreachable; the probe says so instead of waiting.
            AssertFailed(outcome, ProbeFailureKind.NtpNoReply, "127.0.0.1:" + port);
            Assert.True(elapsed < Short + TimeSpan.FromMilliseconds(500), elapsed.ToString());
        }

        [Fact]
        public async Task ASilentServerIsNtpNoReplyAfterTheTimeout()
        {
            using var server = new UdpResponder(_ => null);

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Ntp, "ntp.ubuntu.com", 123), Options(Short, (123, server.Port)));

            AssertFailed(outcome, ProbeFailureKind.NtpNoReply, "no valid NTP reply within 1 s (127.0.0.1:" + server.Port + ")");
            Assert.InRange(elapsed, Short - TimeSpan.FromMilliseconds(50), Short + TimeSpan.FromMilliseconds(500));
            Assert.Equal(1, server.Requests);
        }

        [Theory]
        [InlineData(false, 4)] // the originate timestamp does not echo ours
        [InlineData(true, 3)]  // mode 3: another client's request, not a server's reply
        public async Task AReplyThatIsNotAnAnswerToOurRequestIsIgnored(bool echo, int mode)
        {
            using var server = new UdpResponder(r =>
            {
                var reply = UdpResponder.NtpReply(r, echoOriginate: echo);
                reply[0] = (byte)((4 << 3) | mode);
                return reply;
            });

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Ntp, "ntp.ubuntu.com", 123), Options(Short, (123, server.Port)));

            AssertFailed(outcome, ProbeFailureKind.NtpNoReply, "no valid NTP reply within 1 s");
        }
    }
}
