using AksEgress.Errors;
using AksEgress.Planning;
using static AksEgress.Engine.Tests.Planning.PlanFixtures;

namespace AksEgress.Engine.Tests.Planning
{
    public class PlanInputTests
    {
        [Fact]
        public void ApiServerFqdnReplacesTheHcpWildcard()
        {
            var result = Derive("koreacentral", configure: p => p.ApiServerFqdn = "AKS1-dns-1a2b.hcp.koreacentral.azmk8s.io");

            var host = Assert.Single(result.Rules, r => r.RuleId == "core-apiserver-fqdn");
            Assert.Equal("aks1-dns-1a2b.hcp.koreacentral.azmk8s.io", host.Destination);
            Assert.Equal(DestinationType.Fqdn, host.DestinationType);
            Assert.DoesNotContain(result.Rules, r => r.Destination.StartsWith("*.hcp."));
            Assert.DoesNotContain(result.Warnings, w => w.Contains("-ApiServerFqdn"));
        }

        [Fact]
        public void ApiServerFqdnOfAnotherRegionIsUsedButWarnedAbout()
        {
            var result = Derive("koreacentral", configure: p => p.ApiServerFqdn = "aks1-1a2b.hcp.eastus.azmk8s.io");

            Assert.True(result.Has("aks1-1a2b.hcp.eastus.azmk8s.io", RuleProtocol.HTTPS, 443));
            Assert.Contains(result.Warnings, w => w.Contains(".hcp.koreacentral.azmk8s.io") && w.Contains("-Location"));
        }

        [Theory]
        [InlineData("not a host")]
        [InlineData("-bad.example.com")]
        [InlineData("https://aks.hcp.eastus.azmk8s.io")]
        public void MalformedApiServerFqdnIsRejectedWithItsOwnErrorId(string fqdn)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => Derive("eastus", configure: p => p.ApiServerFqdn = fqdn));
            Assert.Equal("InvalidApiServerFqdn", ex.ErrorId);
            Assert.Equal(fqdn, ex.Target);
        }

        [Fact]
        public void ApiServerAddressFillsThePlaceholderAndTheTunnelRules()
        {
            var result = Derive("eastus", configure: p => { p.ApiServerAddress = " 20.1.2.3 "; p.LegacyTunnel = true; });

            var apiRule = Assert.Single(result.Rules, r => r.RuleId == "core-apiserver-ip-tcp-443");
            Assert.Equal("20.1.2.3", apiRule.Destination);
            Assert.Equal(DestinationType.IpAddress, apiRule.DestinationType);
            Assert.All(result.Rules.Where(r => r.Port == 1194 || r.Port == 9000), r => Assert.Equal("20.1.2.3", r.Destination));
            Assert.DoesNotContain(result.Warnings, w => w.Contains("APIServerPublicIP"));
        }

        [Fact]
        public void UnfilledPlaceholdersStayVisibleAndEachGetsOneWarningSayingHowToFillIt()
        {
            var result = Derive("eastus");

            var placeholders = result.Rules.Where(r => r.DestinationType == DestinationType.Placeholder).Select(r => r.Destination).ToList();
            Assert.Equal(new[] { "APIServerPublicIP", "CustomDnsIP" }, placeholders.OrderBy(p => p));
            Assert.Single(result.Warnings, w => w.Contains("APIServerPublicIP") && w.Contains("-ApiServerAddress"));
            Assert.Single(result.Warnings, w => w.Contains("CustomDnsIP") && w.Contains("-CustomDnsServer"));
        }

        [Fact]
        public void CustomDnsServersGiveOneUdp53RuleEachWithoutDuplicates()
        {
            var result = Derive("eastus", configure: p => p.CustomDnsServers = new List<string> { "10.0.0.4", "10.0.0.5", "10.0.0.4", "fd00::53" });

            var dns = result.Rules.Where(r => r.RuleId == "core-custom-dns-udp-53").ToList();
            Assert.Equal(new[] { "10.0.0.4", "10.0.0.5", "fd00::53" }, dns.Select(r => r.Destination));
            Assert.All(dns, r => { Assert.Equal(RuleProtocol.UDP, r.Protocol); Assert.Equal(53, r.Port); Assert.Equal(DestinationType.IpAddress, r.DestinationType); });
            Assert.DoesNotContain(result.Warnings, w => w.Contains("CustomDnsIP"));
        }

        [Theory]
        [InlineData("10.1")]
        [InlineData("dns.contoso.com")]
        [InlineData("")]
        public void CustomDnsServerMustBeAFullIpAddress(string server)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => Derive("eastus", configure: p => p.CustomDnsServers = new List<string> { server }));
            Assert.Equal("InvalidCustomDnsServer", ex.ErrorId);
            Assert.Contains("IP address", ex.Message);
        }

        [Fact]
        public void ApiServerAddressMustBeAnIpAddress()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => Derive("eastus", configure: p => p.ApiServerAddress = "aks.example.com"));
            Assert.Equal("InvalidApiServerAddress", ex.ErrorId);
        }

        [Fact]
        public void PrivateClusterSaysWhichApiServerInputsItIgnores()
        {
            var result = Derive("eastus", configure: p => { p.PrivateCluster = true; p.ApiServerAddress = "20.1.2.3"; p.ApiServerFqdn = "a.privatelink.eastus.azmk8s.io"; });

            Assert.Contains(result.Warnings, w => w.StartsWith("-ApiServerAddress is not used for a private cluster"));
            Assert.Contains(result.Warnings, w => w.StartsWith("-ApiServerFqdn is not used for a private cluster"));
            Assert.DoesNotContain(result.Rules, r => r.Destination == "20.1.2.3" || r.Destination.Contains("privatelink"));
        }

        [Theory]
        [InlineData("Korea Central", "koreacentral")]
        [InlineData("KOREACENTRAL", "koreacentral")]
        [InlineData("east us 2", "eastus2")]
        public void DisplayNamesAndCaseAreAccepted(string typed, string canonical)
        {
            var result = Derive(typed);
            Assert.All(result.Rules, r => Assert.Equal(canonical, r.Location));
            Assert.True(result.Has($"*.hcp.{canonical}.azmk8s.io", RuleProtocol.HTTPS, 443));
        }

        [Fact]
        public void UnknownLocationSuggestsTheClosestRegions()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => Derive("koreacentrl"));

            Assert.Equal("UnknownLocation", ex.ErrorId);
            Assert.Equal(AksEgressErrorKind.ObjectNotFound, ex.Kind);
            Assert.Equal("koreacentrl", ex.Target);
            Assert.Contains("Did you mean: koreacentral", ex.Message);
        }

        [Fact]
        public void RegionOfAnotherCloudPointsAtTheRightCloud()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => Derive("chinaeast2"));
            Assert.Equal("UnknownLocation", ex.ErrorId);
            Assert.Contains("-Cloud AzureChinaCloud", ex.Message);
        }

        [Fact]
        public void MissingLocationIsItsOwnError()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => Derive("  "));
            Assert.Equal("LocationMissing", ex.ErrorId);
        }

        [Theory]
        [InlineData("monitoring", AksFeature.Monitoring)]
        [InlineData("KeyVaultSecretsProvider", AksFeature.KeyVaultSecretsProvider)]
        public void FeatureNamesParseCaseInsensitively(string text, AksFeature feature) =>
            Assert.Equal(new[] { feature }, PlanText.ParseFeatures(new[] { text, text }));

        [Theory]
        [InlineData("7")]
        [InlineData("Istio")]
        public void UnknownFeatureNamesAreRejectedWithTheValidNames(string text)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => PlanText.ParseFeatures(new[] { text }));
            Assert.Equal("UnknownFeature", ex.ErrorId);
            Assert.Contains("KeyVaultSecretsProvider", ex.Message);
        }
    }
}
