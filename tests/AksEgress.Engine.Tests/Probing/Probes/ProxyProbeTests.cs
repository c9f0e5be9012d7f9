using System.Collections.Concurrent;
using AksEgress.Probing;
using static AksEgress.Tests.Probing.Probes.ProbeKit;

namespace AksEgress.Tests.Probing.Probes
{
    public class ProxyProbeTests
    {
        private static readonly TimeSpan Ample = TimeSpan.FromSeconds(5);

        [Fact]
        public async Task HttpsThroughAnAllowingProxyTunnelsAndPasses()
        {
            var certificate = ProbeCertificates.SelfSigned(Host);
            var seenByServer = new ConcurrentQueue<string>();
            using var server = ProbeServers.Https(certificate, ProbeServers.Ok, seenByServer);
            var seenByProxy = new ConcurrentQueue<string>();
            using var proxy = ProbeServers.Proxy(allow: true, seenByProxy);
            var options = Options(Ample, (443, server.Port));
            options.CertificateValidator = ProbeCertificates.Pin(certificate);
            options.Proxy = new Uri("http://proxy.corp.example:" + proxy.Port);

            var (outcome, _, trace) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertPassed(outcome, "HTTP/1.1 200 OK");
            Assert.Equal("via proxy proxy.corp.example:" + proxy.Port, outcome.ResolvedAddresses);
            Assert.StartsWith("CONNECT mcr.microsoft.com:" + server.Port + " HTTP/1.1\r\nHost: mcr.microsoft.com:" + server.Port, seenByProxy.Single());
            Assert.Contains("SNI " + Host, seenByServer);
            Assert.Equal(
                new[] { ProbeStep.Resolve, ProbeStep.ProxyConnect, ProbeStep.ProxyHandshake, ProbeStep.TlsHandshake, ProbeStep.HttpExchange },
                trace.Select(t => t.Step));
        }

        [Fact]
        public async Task HttpsThroughADenyingProxyIsHttpDeniedWithItsStatusLine()
        {
            using var proxy = ProbeServers.Proxy(allow: false, new ConcurrentQueue<string>());
            var options = Options(Ample, (443, 8443));
            options.Proxy = new Uri("http://127.0.0.1:" + proxy.Port);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertFailed(outcome, ProbeFailureKind.HttpDenied, "proxy 127.0.0.1:" + proxy.Port + " answered CONNECT mcr.microsoft.com:8443 with HTTP/1.1 403 Forbidden");
            Assert.Equal("via proxy 127.0.0.1:" + proxy.Port, outcome.ResolvedAddresses);
        }

        [Fact]
        public async Task HttpThroughAProxyUsesTheAbsoluteFormAndPasses()
        {
            var seenByServer = new ConcurrentQueue<string>();
            using var server = ProbeServers.Http(ProbeServers.Ok, seenByServer);
            var seenByProxy = new ConcurrentQueue<string>();
            using var proxy = ProbeServers.Proxy(allow: true, seenByProxy);
            var options = Options(Ample, (80, server.Port));
            options.Proxy = new Uri("http://user:p%40ss@127.0.0.1:" + proxy.Port);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Http, Host, 80), options);

            AssertPassed(outcome, "HTTP/1.1 200 OK");
            var request = seenByProxy.Single();
            Assert.StartsWith("HEAD http://mcr.microsoft.com:" + server.Port + "/ HTTP/1.1\r\nHost: mcr.microsoft.com\r\n", request);
            // Credentials in the proxy URI go as Basic, unescaped first (user:p@ss).
            Assert.Contains("Proxy-Authorization: Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:p@ss")), request);
        }

        [Fact]
        public async Task HttpThroughADenyingProxyIsHttpDenied()
        {
            using var proxy = ProbeServers.Proxy(allow: false, new ConcurrentQueue<string>());
            var options = Options(Ample);
            options.Proxy = new Uri("http://127.0.0.1:" + proxy.Port);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Http, Host, 80), options);

            AssertFailed(outcome, ProbeFailureKind.HttpDenied, "proxy answered HTTP/1.1 403 Forbidden: Access denied by policy");
        }

        [Theory]
        [InlineData("mcr.microsoft.com")]
        [InlineData(".microsoft.com")]
        [InlineData("microsoft.com")]
        [InlineData("*")]
        public async Task NoProxyHostsGoDirect(string entry)
        {
            using var server = ProbeServers.Http(ProbeServers.Ok);
            using var proxy = ProbeServers.Proxy(allow: false, new ConcurrentQueue<string>());
            var options = Options(Ample, (80, server.Port));
            options.Proxy = new Uri("http://127.0.0.1:" + proxy.Port);
            options.NoProxy = new List<string> { "localhost", entry };

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Http, Host, 80), options);

            AssertPassed(outcome, "200 OK");
            Assert.Equal("127.0.0.1", outcome.ResolvedAddresses);
            Assert.Equal(0, proxy.Connections);
        }

        [Fact]
        public async Task AProxyNobodyListensOnIsTcpRefusedNamingTheProxy()
        {
            var port = ProbeServers.ClosedPort();
            var options = Options(Ample);
            options.Proxy = new Uri("http://127.0.0.1:" + port);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertFailed(outcome, ProbeFailureKind.TcpRefused, "connection refused (RST) by proxy 127.0.0.1:" + port);
        }
    }
}
