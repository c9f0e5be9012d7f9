using System.Collections.Concurrent;
using System.Net;
using AksEgress.Arm;
using AksEgress.Catalog;
using AksEgress.Clusters;
using AksEgress.Probing;
using AksEgress.Tests.Arm.Fake;
using AksEgress.Tests.Arm.Live;
using AksEgress.Tests.Probing.Probes;

namespace AksEgress.Tests.Probing.Runner
{
    /// <summary>
    /// Rules read from a live cluster with an httpProxyConfig carry it, and Test-AksEgress sends their HTTP and HTTPS
    /// probes through that proxy, as the nodes' traffic goes: real fake-ARM read, real proxy and server on loopback.
    /// </summary>
    public sealed class ClusterProxyTests
    {
        private const string ProxyHost = "proxy.contoso.example";

        /// <summary>The http-proxy sample cluster, its proxy moved to <paramref name="address"/>, read through the loopback ARM.</summary>
        private static async Task<IReadOnlyList<AksEgressRule>> LiveRulesAsync(string address)
        {
            await using var server = await FakeArmServer.StartAsync();
            var (json, id, _) = LiveSupport.Document("http-proxy");
            server.AddCluster(json.Replace("http://proxy.contoso.example:3128/", address));
            var outcome = await new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);
            Assert.Null(outcome.Error);
            return outcome.Rules;
        }

        private static ProbeOptions Options(EgressTestRequest request, int httpsPort)
        {
            var options = EgressTestSetup.Options(request);
            options.Resolver = new MapResolver(new Dictionary<string, IPAddress[]>
            {
                [ProbeKit.Host] = [IPAddress.Loopback],
                [ProxyHost] = [IPAddress.Loopback],
                ["proxy.corp.example"] = [IPAddress.Loopback],
            });
            options.PortOverrides[443] = httpsPort;
            return options;
        }

        private static async Task<AksEgressTestResult> ProbeAsync(AksEgressRule rule, ProbeOptions options)
        {
            var results = new List<AksEgressTestResult>();
            await new ProbeRunner(options, 4, Prober.RunAsync)
                .RunAsync(EgressTestSetup.Plan([rule], RuleCatalog.Default, options), results.Add, null, CancellationToken.None);
            return Assert.Single(results);
        }

        private static AksEgressRule Mcr(IEnumerable<AksEgressRule> rules) => rules.Single(r => r.Destination == ProbeKit.Host && r.Protocol == RuleProtocol.HTTPS);

        [Fact]
        public async Task RulesOfALiveClusterCarryItsProxyAndTheHttpsProbeTunnelsThroughIt()
        {
            var certificate = ProbeCertificates.SelfSigned(ProbeKit.Host);
            using var site = ProbeServers.Https(certificate, ProbeServers.Ok);
            var seenByProxy = new ConcurrentQueue<string>();
            using var proxy = ProbeServers.Proxy(allow: true, seenByProxy);
            var address = $"http://{ProxyHost}:{proxy.Port}/";

            var rules = await LiveRulesAsync(address);

            Assert.All(rules, r =>
            {
                Assert.Equal(address, r.ClusterHttpProxy);
                Assert.Equal(address, r.ClusterHttpsProxy);
                Assert.Equal("localhost,127.0.0.1,10.0.0.0/8,.svc,.cluster.local", r.ClusterNoProxy);
            });
            var options = Options(new EgressTestRequest { TimeoutSec = 5 }, site.Port);
            options.CertificateValidator = ProbeCertificates.Pin(certificate);

            var result = await ProbeAsync(Mcr(rules), options);

            Assert.Equal(ProbeStatus.Passed, result.Status);
            Assert.Equal($"via proxy {ProxyHost}:{proxy.Port}", result.ResolvedAddresses);
            Assert.StartsWith($"CONNECT {ProbeKit.Host}:{site.Port} HTTP/1.1", Assert.Single(seenByProxy));
        }

        [Fact]
        public async Task IgnoreClusterProxyProbesDirectly()
        {
            var certificate = ProbeCertificates.SelfSigned(ProbeKit.Host);
            using var site = ProbeServers.Https(certificate, ProbeServers.Ok);
            var seenByProxy = new ConcurrentQueue<string>();
            using var proxy = ProbeServers.Proxy(allow: true, seenByProxy);
            var rules = await LiveRulesAsync($"http://{ProxyHost}:{proxy.Port}/");
            var options = Options(new EgressTestRequest { TimeoutSec = 5, UseClusterProxy = false }, site.Port);
            options.CertificateValidator = ProbeCertificates.Pin(certificate);

            var result = await ProbeAsync(Mcr(rules), options);

            Assert.Equal(ProbeStatus.Passed, result.Status);
            Assert.Equal("127.0.0.1", result.ResolvedAddresses);
            Assert.Empty(seenByProxy);
        }

        [Fact]
        public async Task ProxyParameterWinsOverTheClusterProxy()
        {
            var certificate = ProbeCertificates.SelfSigned(ProbeKit.Host);
            using var site = ProbeServers.Https(certificate, ProbeServers.Ok);
            var seenByCluster = new ConcurrentQueue<string>();
            using var clusterProxy = ProbeServers.Proxy(allow: true, seenByCluster);
            var seenByGiven = new ConcurrentQueue<string>();
            using var givenProxy = ProbeServers.Proxy(allow: true, seenByGiven);
            var rules = await LiveRulesAsync($"http://{ProxyHost}:{clusterProxy.Port}/");
            var options = Options(new EgressTestRequest { TimeoutSec = 5, Proxy = "http://proxy.corp.example:" + givenProxy.Port }, site.Port);
            options.CertificateValidator = ProbeCertificates.Pin(certificate);

            var result = await ProbeAsync(Mcr(rules), options);

            Assert.Equal(ProbeStatus.Passed, result.Status);
            Assert.Single(seenByGiven);
            Assert.Empty(seenByCluster);
        }

        [Fact]
        public async Task TheClusterNoProxyListSendsAHostDirect()
        {
            var certificate = ProbeCertificates.SelfSigned(ProbeKit.Host);
            using var site = ProbeServers.Https(certificate, ProbeServers.Ok);
            var seenByProxy = new ConcurrentQueue<string>();
            using var proxy = ProbeServers.Proxy(allow: true, seenByProxy);
            var rule = Mcr(await LiveRulesAsync($"http://{ProxyHost}:{proxy.Port}/"));
            rule.ClusterNoProxy += ",.microsoft.com";
            var options = Options(new EgressTestRequest { TimeoutSec = 5 }, site.Port);
            options.CertificateValidator = ProbeCertificates.Pin(certificate);

            var result = await ProbeAsync(rule, options);

            Assert.Equal(ProbeStatus.Passed, result.Status);
            Assert.Equal("127.0.0.1", result.ResolvedAddresses);
            Assert.Empty(seenByProxy);
        }

        [Fact]
        public async Task ProxyCredentialsNeverReachTheRulesAndSuchAProxyIsSkippedWithTheReason()
        {
            var rules = await LiveRulesAsync("http://aksuser:Sup3rSecret@proxy.contoso.example:3128/");

            Assert.All(rules, r =>
            {
                Assert.Equal("http://***@proxy.contoso.example:3128/", r.ClusterHttpsProxy);
                Assert.DoesNotContain("Sup3rSecret", string.Join("|", typeof(AksEgressRule).GetProperties().Select(p => p.GetValue(r))));
            });
            var options = Options(new EgressTestRequest { TimeoutSec = 2 }, 443);

            var result = await ProbeAsync(Mcr(rules), options);

            Assert.Equal(ProbeStatus.Skipped, result.Status);
            Assert.Contains("needs credentials", result.Detail);
            Assert.Contains("-IgnoreClusterProxy", result.Detail);
            Assert.DoesNotContain("Sup3rSecret", result.Detail);
        }

        [Theory]
        [InlineData("https://proxy.contoso.example:3129/")]
        [InlineData("proxy.contoso.example")]
        public void AProxyTheProbeCannotTunnelThroughIsSkippedNotBypassed(string address)
        {
            var rule = new AksEgressRule
            {
                RuleId = "core-mcr", Kind = RuleKind.Application, Destination = ProbeKit.Host, DestinationType = DestinationType.Fqdn,
                Protocol = RuleProtocol.HTTPS, Port = 443, ClusterHttpsProxy = address,
            };

            var plan = EgressTestSetup.Plan([rule], RuleCatalog.Default, new ProbeOptions()).Single().Plan;

            Assert.Equal(ProbeKind.Skip, plan.Kind);
            Assert.Contains(address, plan.SkipReason);
            Assert.Contains("-Proxy", plan.SkipReason);
        }

        [Fact]
        public void OnlyHttpAndHttpsProbesUseTheClusterProxyAndHttpsDoesNotFallBackToHttpProxy()
        {
            AksEgressRule Rule(RuleProtocol protocol, int port, string? http, string? https) => new()
            {
                RuleId = "custom", Kind = protocol is RuleProtocol.TCP or RuleProtocol.UDP ? RuleKind.Network : RuleKind.Application,
                Destination = ProbeKit.Host, DestinationType = DestinationType.Fqdn, Protocol = protocol, Port = port,
                ClusterHttpProxy = http, ClusterHttpsProxy = https,
            };
            var rules = new[]
            {
                Rule(RuleProtocol.HTTP, 80, "http://p1:3128", "http://p2:3128"),
                Rule(RuleProtocol.HTTPS, 443, "http://p1:3128", "http://p2:3128"),
                Rule(RuleProtocol.HTTPS, 443, "http://p1:3128", null),
                Rule(RuleProtocol.TCP, 9000, "http://p1:3128", "http://p2:3128"),
            };

            var plans = EgressTestSetup.Plan(rules, RuleCatalog.Default, new ProbeOptions()).Select(p => p.Plan).ToList();

            Assert.Equal(new[] { "p1", "p2", null, null }, plans.Select(p => p.ClusterProxy?.Host));
        }
    }
}
