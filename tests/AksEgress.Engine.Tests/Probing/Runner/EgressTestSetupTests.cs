using AksEgress.Catalog;
using AksEgress.Errors;
using AksEgress.Planning;
using AksEgress.Probing;
using AksEgress.Probing.Dns;

namespace AksEgress.Tests.Probing.Runner
{
    /// <summary>Test-AksEgress's inputs are checked before any probe, and a cluster's own API server host stands in for the *.hcp wildcard.</summary>
    public sealed class EgressTestSetupTests
    {
        [Theory]
        [InlineData("10.0.0.4", "10.0.0.4:53")]
        [InlineData("10.0.0.4:5353", "10.0.0.4:5353")]
        [InlineData("[::1]:53", "[::1]:53")]
        public void DnsServerTakesAnAddressWithAnOptionalPort(string given, string endpoint)
        {
            var options = EgressTestSetup.Options(new EgressTestRequest { DnsServer = given, TimeoutSec = 2 });

            var resolver = Assert.IsType<DnsServerResolver>(options.Resolver);
            Assert.Equal(endpoint, resolver.Server.ToString());
            Assert.Equal(TimeSpan.FromSeconds(2), options.Timeout);
        }

        [Theory]
        [InlineData("dns.contoso.com")]
        [InlineData("10.0.0.4:0")]
        [InlineData("10.0.0.4:99999")]
        public void ADnsServerThatIsNotAnAddressIsRefusedWithWhatToGive(string given)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => EgressTestSetup.Options(new EgressTestRequest { DnsServer = given }));

            Assert.Equal("InvalidDnsServer", ex.ErrorId);
            Assert.Contains(given, ex.Message);
            Assert.Contains("10.0.0.4", ex.Message);
        }

        [Theory]
        [InlineData("https://proxy:3128")]
        [InlineData("http://user:secret@proxy:3128")]
        [InlineData("proxy:3128")]
        public void OnlyAPlainHttpProxyIsAccepted(string given)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => EgressTestSetup.Options(new EgressTestRequest { Proxy = given }));

            Assert.Equal("InvalidProxy", ex.ErrorId);
        }

        [Fact]
        public void WithoutDnsServerTheSystemResolverIsUsedAndTheProxyIsKept()
        {
            var options = EgressTestSetup.Options(new EgressTestRequest { Proxy = "http://10.0.0.10:3128", NoProxy = new[] { ".svc", "10.0.0.0/8" } });

            Assert.IsType<SystemResolver>(options.Resolver);
            Assert.Equal(new Uri("http://10.0.0.10:3128"), options.Proxy);
            Assert.Equal(new[] { ".svc", "10.0.0.0/8" }, options.NoProxy);
        }

        [Fact]
        public void EachClustersOwnApiServerHostIsProbedForItsWildcardRows()
        {
            var a = RuleDeriver.Default.Derive(new RulePlan { Location = "eastus", ApiServerFqdn = "a-1.hcp.eastus.azmk8s.io", ClusterName = "a", ClusterId = "/a" }).Rules;
            var b = RuleDeriver.Default.Derive(new RulePlan { Location = "eastus", ApiServerFqdn = "b-2.hcp.eastus.azmk8s.io", ClusterName = "b", ClusterId = "/b" }).Rules;

            var probes = EgressTestSetup.Plan(a.Concat(b).ToList(), RuleCatalog.Default);

            Assert.Equal(a.Count + b.Count, probes.Count);
            Assert.Contains(probes, p => p.Rule.ClusterName == "a" && p.Plan.Host == "a-1.hcp.eastus.azmk8s.io");
            Assert.Contains(probes, p => p.Rule.ClusterName == "b" && p.Plan.Host == "b-2.hcp.eastus.azmk8s.io");
            Assert.DoesNotContain(probes, p => p.Rule.ClusterName == "b" && p.Plan.Host == "a-1.hcp.eastus.azmk8s.io");
        }
    }
}
