using System.Collections.Concurrent;
using AksEgress.Probing;
using Xunit.Abstractions;
using static AksEgress.Tests.Probing.Probes.ProbeKit;

namespace AksEgress.Tests.Probing.Probes
{
    public class HttpsProbeTests
    {
        private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan Ample = TimeSpan.FromSeconds(5);
        private readonly ITestOutputHelper _output;

        public HttpsProbeTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task TrustedServerAnsweringHeadPassesWithItsStatusLine()
        {
            var certificate = ProbeCertificates.SelfSigned(Host);
            var seen = new ConcurrentQueue<string>();
            using var server = ProbeServers.Https(certificate, ProbeServers.Ok, seen);
            var options = Options(Ample, (443, server.Port));
            options.CertificateValidator = ProbeCertificates.Pin(certificate);

            var (outcome, _, trace) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertPassed(outcome, "HTTP/1.1 200 OK");
            Assert.Equal("127.0.0.1", outcome.ResolvedAddresses);
            Assert.True(outcome.LatencyMs > 0);
            // SNI and Host carry the rule's name; the Host header the rule's port (443: none), not the listener's.
            Assert.Contains("SNI " + Host, seen);
            var request = seen.Single(s => s.StartsWith("HEAD"));
            Assert.StartsWith("HEAD / HTTP/1.1\r\nHost: mcr.microsoft.com\r\n", request);
            Assert.Contains("User-Agent: AksEgress-Probe", request);
            Assert.Contains("Connection: close", request);
            // Every step measured, in order.
            Assert.Equal(new[] { ProbeStep.Resolve, ProbeStep.Connect, ProbeStep.TlsHandshake, ProbeStep.HttpExchange }, trace.Select(t => t.Step));
            _output.WriteLine(string.Join(", ", trace));
        }

        [Fact]
        public async Task AnyStatusFromTheDestinationCountsAsReachable()
        {
            var certificate = ProbeCertificates.SelfSigned(Host);
            using var server = ProbeServers.Https(certificate, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            var options = Options(Ample, (443, server.Port));
            options.CertificateValidator = ProbeCertificates.Pin(certificate);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertPassed(outcome, "HTTP/1.1 404 Not Found");
        }

        [Theory]
        [InlineData(false, "connection closed after ClientHello")]
        [InlineData(true, "connection closed after ClientHello (reset)")]
        public async Task ServerClosingRightAfterTheClientHelloIsTlsClosedAfterHello(bool reset, string detail)
        {
            using var server = ProbeServers.CloseAfterClientHello(reset);
            var options = Options(Ample, (443, server.Port));

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertFailed(outcome, ProbeFailureKind.TlsClosedAfterHello, detail);
            Assert.True(elapsed < TimeSpan.FromSeconds(2), elapsed.ToString());
            _output.WriteLine(outcome.Detail);
        }

        [Fact]
        public async Task CertificateFromAnUntrustedIssuerIsTlsInterceptedNamingTheIssuer()
        {
            var inspection = ProbeCertificates.Authority("CN=Contoso Inspection CA");
            var forged = ProbeCertificates.IssuedBy(inspection, Host);
            var genuine = ProbeCertificates.SelfSigned(Host);
            using var server = ProbeServers.Https(forged, ProbeServers.Ok);
            var options = Options(Ample, (443, server.Port));
            options.CertificateValidator = ProbeCertificates.Pin(genuine);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertFailed(outcome, ProbeFailureKind.TlsIntercepted, "issuer CN=Contoso Inspection CA, subject CN=mcr.microsoft.com, chain errors");
            _output.WriteLine(outcome.Detail);
        }

        [Fact]
        public async Task CertificateForAnotherHostIsTlsInterceptedAsNameMismatch()
        {
            var certificate = ProbeCertificates.SelfSigned("inspect.contoso.example");
            using var server = ProbeServers.Https(certificate, ProbeServers.Ok);
            var options = Options(Ample, (443, server.Port));
            options.CertificateValidator = ProbeCertificates.Pin(certificate);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertFailed(outcome, ProbeFailureKind.TlsIntercepted, "issuer CN=inspect.contoso.example");
            Assert.Contains("name mismatch", outcome.Detail);
        }

        [Fact]
        public async Task WithoutAValidatorTheSystemJudgesAndASelfSignedCertificateIsIntercepted()
        {
            var certificate = ProbeCertificates.SelfSigned(Host);
            using var server = ProbeServers.Https(certificate, ProbeServers.Ok);
            var options = Options(Ample, (443, server.Port));

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertFailed(outcome, ProbeFailureKind.TlsIntercepted, "issuer CN=mcr.microsoft.com");
            Assert.Contains("chain errors", outcome.Detail);
        }

        [Fact]
        public async Task HandshakeThatNeverFinishesTimesOutNamingTheTlsStepAndClosesTheSocket()
        {
            using var server = ProbeServers.StallAfterClientHello();
            var options = Options(Short, (443, server.Port));

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertFailed(outcome, ProbeFailureKind.Timeout, "TLS handshake did not finish within 1 s");
            Assert.InRange(elapsed, Short - TimeSpan.FromMilliseconds(50), Short + TimeSpan.FromMilliseconds(500));
            // The probe's socket is closed: the server sees its end.
            var closed = await Task.WhenAny(server.ClientClosed.Task, Task.Delay(2000));
            Assert.Same(server.ClientClosed.Task, closed);
        }

        [Fact]
        public async Task AzureFirewallsDenyInsideTlsIsHttpDenied()
        {
            // With TLS inspection, the firewall answers the request itself, with its own (trusted) certificate.
            var certificate = ProbeCertificates.SelfSigned(Host);
            using var server = ProbeServers.Https(certificate, ProbeServers.AzureFirewallResponse());
            var options = Options(Ample, (443, server.Port));
            options.CertificateValidator = ProbeCertificates.Pin(certificate);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertFailed(outcome, ProbeFailureKind.HttpDenied, "HTTP/1.1 470 status code 470");
            Assert.Contains("Action: Deny. Reason: No rule matched. Proceeding with default action", outcome.Detail);
        }

        [Theory]
        [InlineData("HTTP/1.1 403 Forbidden\r\nProxy-Status: corp-proxy; error=destination_ip_prohibited\r\nContent-Length: 0\r\n\r\n", ProbeStatus.Failed)]
        // Over end-to-end TLS a Via header is the site's own CDN: the 403 is the destination's, so it is reachable.
        [InlineData("HTTP/1.1 403 Forbidden\r\nVia: 1.1 cdn.example\r\nContent-Length: 0\r\n\r\n", ProbeStatus.Passed)]
        public async Task A403IsAProxysDenialOnlyWhenItSaysSo(string response, ProbeStatus expected)
        {
            var certificate = ProbeCertificates.SelfSigned(Host);
            using var server = ProbeServers.Https(certificate, response);
            var options = Options(Ample, (443, server.Port));
            options.CertificateValidator = ProbeCertificates.Pin(certificate);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            Assert.Equal(expected, outcome.Status);
            Assert.Contains("403 Forbidden", outcome.Detail);
            if (expected == ProbeStatus.Failed)
                Assert.Equal(ProbeFailureKind.HttpDenied, outcome.FailureKind);
        }

        [Fact]
        public async Task AHostMissingFromTheMapIsDnsFailureWithTheResolversEvidence()
        {
            var options = Options(Ample);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Https, "nowhere.contoso.example", 443), options);

            AssertFailed(outcome, ProbeFailureKind.DnsFailure, "NXDOMAIN (not in the test map)");
            Assert.Equal("", outcome.ResolvedAddresses);
        }
    }
}
