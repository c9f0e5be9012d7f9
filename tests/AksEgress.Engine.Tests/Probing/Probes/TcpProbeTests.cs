using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AksEgress.Probing;
using Xunit.Abstractions;
using static AksEgress.Tests.Probing.Probes.ProbeKit;

namespace AksEgress.Tests.Probing.Probes
{
    public class TcpProbeTests
    {
        private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan Ample = TimeSpan.FromSeconds(5);
        private readonly ITestOutputHelper _output;

        public TcpProbeTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task AnAddressNeedsNoDnsAndAListenerPasses()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var options = Options(Ample);
                options.Resolver = new MapResolver(new Dictionary<string, IPAddress[]>()); // any lookup would fail

                var (outcome, _, trace) = await RunAsync(Plan(ProbeKind.Tcp, "127.0.0.1", port), options);

                AssertPassed(outcome, "connected to 127.0.0.1:" + port);
                Assert.Equal("127.0.0.1", outcome.ResolvedAddresses);
                Assert.DoesNotContain(trace, t => t.Step == ProbeStep.Resolve);
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public async Task ARefusedPortIsTcpRefused()
        {
            var port = ProbeServers.ClosedPort();

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Tcp, "127.0.0.1", 9000), Options(Ample, (9000, port)));

            AssertFailed(outcome, ProbeFailureKind.TcpRefused, "connection refused (RST) by 127.0.0.1:" + port);
            Assert.True(elapsed < TimeSpan.FromSeconds(1), elapsed.ToString());
        }

        [Fact]
        public async Task ABlackHoleIsTcpTimeoutWithinTheTimeout()
        {
            using var hole = await BlackHole.CreateAsync();
            _output.WriteLine("black hole: " + hole.Mode);

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Tcp, Host, 443), Options(Short, (443, hole.Port)));

            AssertFailed(outcome, ProbeFailureKind.TcpTimeout, "no answer to SYN within 1 s (127.0.0.1:" + hole.Port + ")");
            Assert.InRange(elapsed, Short - TimeSpan.FromMilliseconds(50), Short + TimeSpan.FromMilliseconds(500));
            Assert.InRange(outcome.LatencyMs, 950, 1500);
        }

        [Fact]
        public async Task AnHttpsProbeIntoABlackHoleIsTcpTimeoutToo()
        {
            using var hole = await BlackHole.CreateAsync();
            _output.WriteLine("black hole: " + hole.Mode);

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), Options(Short, (443, hole.Port)));

            AssertFailed(outcome, ProbeFailureKind.TcpTimeout, "no answer to SYN within 1 s");
            Assert.True(elapsed < Short + TimeSpan.FromMilliseconds(500), elapsed.ToString());
        }

        [Fact]
        public async Task CancellingAProbeIntoABlackHoleThrowsWithinASecond()
        {
            using var hole = await BlackHole.CreateAsync();
            _output.WriteLine("black hole: " + hole.Mode);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => Prober.RunAsync(Plan(ProbeKind.Https, Host, 443), Options(TimeSpan.FromSeconds(30), (443, hole.Port)), cancel.Token));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), clock.Elapsed.ToString());
        }

        [Fact]
        public async Task ARefusedFirstAddressMovesOnToTheNext()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var options = Options(Ample);
                // Nothing listens on [::1]:port (the listener is IPv4 only): refused, then 127.0.0.1 connects.
                options.Resolver = new MapResolver(new Dictionary<string, IPAddress[]> { [Host] = [IPAddress.IPv6Loopback, IPAddress.Loopback] });

                var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Tcp, Host, port), options);

                AssertPassed(outcome, "connected to 127.0.0.1:" + port);
                Assert.Equal("::1,127.0.0.1", outcome.ResolvedAddresses);
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public async Task ABlackHoledFirstAddressGetsOnlyItsShareOfTheTime()
        {
            using var hole = await BlackHole.CreateAsync();
            _output.WriteLine("black hole: " + hole.Mode);
            using var other = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            other.Bind(new IPEndPoint(IPAddress.IPv6Loopback, hole.Port));
            other.Listen();
            var options = Options(TimeSpan.FromSeconds(2), (443, hole.Port));
            options.Resolver = new MapResolver(new Dictionary<string, IPAddress[]> { [Host] = [IPAddress.Loopback, IPAddress.IPv6Loopback] });

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Tcp, Host, 443), options);

            AssertPassed(outcome, "connected to [::1]:" + hole.Port);
            Assert.InRange(elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1.6));
        }
    }
}
