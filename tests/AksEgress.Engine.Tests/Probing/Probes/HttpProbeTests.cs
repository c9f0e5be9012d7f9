using System.Collections.Concurrent;
using AksEgress.Probing;
using static AksEgress.Tests.Probing.Probes.ProbeKit;

namespace AksEgress.Tests.Probing.Probes
{
    public class HttpProbeTests
    {
        private static readonly TimeSpan Ample = TimeSpan.FromSeconds(5);

        [Fact]
        public async Task AzureFirewalls470WithActionDenyIsHttpDeniedWithTheDenyText()
        {
            using var server = ProbeServers.Http(ProbeServers.AzureFirewallResponse());

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Http, Host, 80), Options(Ample, (80, server.Port)));

            AssertFailed(outcome, ProbeFailureKind.HttpDenied, "HTTP/1.1 470 status code 470: ");
            Assert.Contains("Action: Deny. Reason: No rule matched. Proceeding with default action", outcome.Detail);
            Assert.Equal("127.0.0.1", outcome.ResolvedAddresses);
        }

        [Theory]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 200 OK")]
        [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 404 Not Found")]
        [InlineData("HTTP/1.1 301 Moved Permanently\r\nLocation: https://mcr.microsoft.com/\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 301 Moved Permanently")]
        // A 403 from the site itself (no proxy header) is the destination answering.
        [InlineData("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 403 Forbidden")]
        public async Task AnyOtherStatusPassesWithTheStatusLine(string response, string statusLine)
        {
            var seen = new ConcurrentQueue<string>();
            using var server = ProbeServers.Http(response, seen);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Http, Host, 80), Options(Ample, (80, server.Port)));

            AssertPassed(outcome, statusLine);
            Assert.Equal(statusLine, outcome.Detail);
            Assert.StartsWith("HEAD / HTTP/1.1\r\nHost: mcr.microsoft.com\r\n", seen.Single());
        }

        [Fact]
        public async Task A403CarryingViaInTheClearIsATransparentProxysDenial()
        {
            using var server = ProbeServers.Http("HTTP/1.1 403 Forbidden\r\nVia: 1.1 squid.corp\r\nContent-Length: 13\r\n\r\nAccess denied");

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Http, Host, 80), Options(Ample, (80, server.Port)));

            AssertFailed(outcome, ProbeFailureKind.HttpDenied, "proxy answered HTTP/1.1 403 Forbidden: Access denied");
            Assert.Contains("Via: 1.1 squid.corp", outcome.Detail);
        }

        [Fact]
        public async Task ConnectionClosedWithoutAnyResponseIsHttpDenied()
        {
            using var server = ProbeServers.Http("");

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Http, Host, 80), Options(Ample, (80, server.Port)));

            AssertFailed(outcome, ProbeFailureKind.HttpDenied, "connection closed without an HTTP response");
        }

        [Fact]
        public async Task ANonDefaultRulePortIsInTheHostHeader()
        {
            var seen = new ConcurrentQueue<string>();
            using var server = ProbeServers.Http(ProbeServers.Ok, seen);

            var (outcome, _, _) = await RunAsync(Plan(ProbeKind.Http, Host, 8080), Options(Ample, (8080, server.Port)));

            AssertPassed(outcome, "200 OK");
            Assert.Contains("\r\nHost: mcr.microsoft.com:8080\r\n", seen.Single());
        }
    }
}
