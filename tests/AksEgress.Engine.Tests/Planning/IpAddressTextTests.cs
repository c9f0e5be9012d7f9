using AksEgress.Arm;
using AksEgress.Errors;
using AksEgress.Export;
using AksEgress.Planning;
using AksEgress.Probing;

namespace AksEgress.Engine.Tests.Planning
{
    /// <summary>
    /// One strict parser for every address input. IPAddress.TryParse reads "010.0.0.4" as octal 8.0.0.4 and
    /// "2130706433" as 127.0.0.1; a user typing those means something else (or nothing), so they are refused with the
    /// reason, the same way for a plan, an export, a probe, -DnsServer and -NoProxy.
    /// </summary>
    public sealed class IpAddressTextTests
    {
        [Theory]
        [InlineData("10.0.0.4", "10.0.0.4")]
        [InlineData(" 0.0.0.0 ", "0.0.0.0")]
        [InlineData("255.255.255.255", "255.255.255.255")]
        [InlineData("fd00::4", "fd00::4")]
        [InlineData("::1", "::1")]
        [InlineData("::ffff:10.0.0.1", "::ffff:10.0.0.1")]
        public void AcceptsDottedDecimalAndIPv6(string text, string expected)
        {
            Assert.True(IpAddressText.TryParse(text, out var address));
            Assert.Equal(expected, address.ToString());
            Assert.Null(IpAddressText.Problem(text));
        }

        [Theory]
        [InlineData("010.0.0.4", "zero-padded", "10.0.0.4")]
        [InlineData("010.001.002.003", "zero-padded", "10.1.2.3")]
        [InlineData("2130706433", "four dotted decimal", null)]
        [InlineData("10.1", "four dotted decimal", null)]
        [InlineData("0x0a.0.0.1", "hexadecimal", null)]
        [InlineData("10.0.0.256", "above 255", null)]
        [InlineData("::ffff:010.0.0.1", null, null)]
        [InlineData("fe80::1%eth0", null, null)]
        [InlineData("[::1]", null, null)]
        public void RefusesWhatOtherParsersReadDifferently(string text, string? reason, string? suggestion)
        {
            Assert.False(IpAddressText.TryParse(text, out _));
            var problem = IpAddressText.Problem(text);
            if (reason == null) return;
            Assert.NotNull(problem);
            Assert.Contains(reason, problem);
            if (suggestion != null) Assert.Contains(suggestion, problem);
        }

        [Theory]
        [InlineData("10.0.0.0/8", true)]
        [InlineData("10.0.0.0/32", true)]
        [InlineData("fd00::/64", true)]
        [InlineData("10.0.0.0/33", false)]
        [InlineData("10.0.0.0/99", false)]
        [InlineData("10.0.0.0/08", false)]
        [InlineData("010.0.0.0/8", false)]
        [InlineData("10.0.0.0/", false)]
        [InlineData("*", true)]
        public void CidrsHaveAStrictAddressAndAPossiblePrefix(string text, bool valid)
        {
            Assert.Equal(valid, IpAddressText.IsAddressOrCidr(text));
            if (!valid) Assert.NotNull(IpAddressText.Problem(text));
        }

        [Theory]
        [InlineData("10.0.0.1-10.0.0.5", true)]
        [InlineData("10.0.0.5-10.0.0.5", true)]
        [InlineData("10.0.0.5-10.0.0.1", false)]
        [InlineData("10.0.0.1-010.0.0.5", false)]
        [InlineData("fd00::1-fd00::5", false)]
        [InlineData("10.0.0.1-", false)]
        public void IPv4RangesAreFirstDashLast(string text, bool valid)
        {
            Assert.Equal(valid, IpAddressText.IsIPv4Range(text));
            Assert.Equal(valid, IpAddressText.IsAddressCidrOrRange(text));
        }

        [Fact]
        public void AZeroPaddedCustomDnsServerIsRefusedNotTurnedIntoAPublicAddress()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => PlanFixtures.Derive("eastus", configure: p => p.CustomDnsServers = new List<string> { "010.0.0.4" }));
            Assert.Contains("010.0.0.4", ex.Message);
            Assert.Contains("10.0.0.4", ex.Message);
            Assert.Contains("-CustomDnsServer", ex.Message);

            var api = Assert.Throws<AksEgressInputException>(() => PlanFixtures.Derive("eastus", configure: p => p.ApiServerAddress = "010.001.002.003"));
            Assert.Contains("zero-padded", api.Message);
            Assert.DoesNotContain("8.1.2.3", api.Message);
        }

        [Fact]
        public void SourceAddressTakesRangesAndRefusesZeroPaddingLikeEverythingElse()
        {
            ExportPlanner.ValidateOptions(new ExportOptions { SourceAddresses = new List<string> { "10.0.0.1-10.0.0.5", "10.240.0.0/16" } });
            var text = RuleExporter.Export(PlanFixtures.Derive("eastus").Rules, ExportFormat.AzureFirewallArm,
                new ExportOptions { SourceAddresses = new List<string> { "10.0.0.1-10.0.0.5" } }).Text;
            Assert.Contains("\"10.0.0.1-10.0.0.5\"", text);

            var ex = Assert.Throws<AksEgressInputException>(() => ExportPlanner.ValidateOptions(new ExportOptions { SourceAddresses = new List<string> { "010.0.0.0/8" } }));
            Assert.Equal("InvalidSourceAddress", ex.ErrorId);
            Assert.Contains("zero-padded", ex.Message);
        }

        [Theory]
        [InlineData("2130706433")]
        [InlineData("010.0.0.4")]
        public void ExportAndProbeAgreeOnWhatIsAnAddress(string text)
        {
            // Export side: a destination is an IP address only if the probe can use it as one.
            Assert.NotEqual(DestinationType.IpAddress, DestinationTypeText.Infer(text));
            Assert.False(IpAddressText.TryParseHostLiteral(text, out _));
        }

        [Theory]
        [InlineData("10.0.0.4", "10.0.0.4:53")]
        [InlineData("10.0.0.4:5353", "10.0.0.4:5353")]
        [InlineData("[::1]", "[::1]:53")]
        [InlineData("[::1]:5353", "[::1]:5353")]
        [InlineData("[fd00::4]:53", "[fd00::4]:53")]
        public void DnsServerEndPoints(string text, string expected) =>
            Assert.Equal(expected, EgressTestSetup.DnsEndPoint(text).ToString());

        [Theory]
        [InlineData("::1:5353", "[::1:5353]")]
        [InlineData("fd00::4", "[fd00::4]")]
        [InlineData("010.0.0.4", "zero-padded")]
        [InlineData("10.0.0.4:053", "10.0.0.4:5353")]
        [InlineData("[::1]:x", "[fd00::4]:5353")]
        public void AmbiguousDnsServersAreRefusedWithTheFormToUse(string text, string advice)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => EgressTestSetup.DnsEndPoint(text));
            Assert.Equal("InvalidDnsServer", ex.ErrorId);
            Assert.Contains(advice, ex.Message);
        }

        [Fact]
        public void FollowingTheDnsServerAdviceWorks()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => EgressTestSetup.DnsEndPoint("::1:5353"));
            // The message offers [::1:5353] (the address, port 53) and [::1]:5353 (the port): both are accepted as said.
            Assert.Contains("[::1:5353]", ex.Message);
            var asAddress = EgressTestSetup.DnsEndPoint("[::1:5353]");
            Assert.Equal((System.Net.IPAddress.Parse("::1:5353"), 53), (asAddress.Address, asAddress.Port));
            Assert.Contains("[::1]:5353", ex.Message);
            Assert.Equal("[::1]:5353", EgressTestSetup.DnsEndPoint("[::1]:5353").ToString());
        }

        [Theory]
        [InlineData("10.0.0.0/99")]
        [InlineData("010.0.0.0/8")]
        [InlineData("bad host")]
        [InlineData("")]
        public void ImpossibleNoProxyEntriesAreRefused(string entry)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => EgressTestSetup.Options(new EgressTestRequest { NoProxy = new[] { entry } }));
            Assert.Equal("InvalidNoProxy", ex.ErrorId);
        }

        [Theory]
        [InlineData(".svc")]
        [InlineData("*.contoso.com")]
        [InlineData("contoso.com")]
        [InlineData("localhost")]
        [InlineData("10.0.0.0/8")]
        [InlineData("fd00::/8")]
        [InlineData("169.254.169.254")]
        [InlineData("*")]
        public void NoProxyEntriesThatMeanSomethingAreKept(string entry) =>
            Assert.Equal(new[] { entry }, EgressTestSetup.Options(new EgressTestRequest { NoProxy = new[] { entry } }).NoProxy);

        [Fact]
        public void AProxyPasswordIsNeverEchoed()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => EgressTestSetup.Options(new EgressTestRequest { Proxy = "https://alice:S3cret-pa55@proxy:3128" }));
            Assert.DoesNotContain("S3cret-pa55", ex.Message);
            Assert.DoesNotContain("alice", ex.Message);
            Assert.DoesNotContain("S3cret-pa55", ex.Target?.ToString() ?? "");
            Assert.Contains("***@proxy:3128", ex.Message);
        }

        [Theory]
        [InlineData("{6B1F5C2E-8E1A-4E55-9C7D-3D2F1A0B9C8D}")]
        [InlineData("6b1f5c2e8e1a4e559c7d3d2f1a0b9c8d")]
        [InlineData("(6b1f5c2e-8e1a-4e55-9c7d-3d2f1a0b9c8d)")]
        [InlineData("6B1F5C2E-8E1A-4E55-9C7D-3D2F1A0B9C8D")]
        public void SubscriptionIdsGoIntoUrlsInArmsOwnForm(string given)
        {
            const string canonical = "6b1f5c2e-8e1a-4e55-9c7d-3d2f1a0b9c8d";
            Assert.Equal(canonical, ClusterResourceId.CheckSubscription(given, given));
            Assert.Equal($"/subscriptions/{canonical}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1",
                ClusterResourceId.From(given, "rg", "aks1"));
            Assert.StartsWith($"/subscriptions/{canonical}/", ClusterResourceId.Parse($"/subscriptions/{given}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1"));
        }
    }
}
