using AksEgress.Planning;
using AksEgress.Probing;

namespace AksEgress.Engine.Tests.Probing.Planning
{
    public class HostPatternTests
    {
        [Theory]
        [InlineData("*.data.mcr.microsoft.com", "eastus.data.mcr.microsoft.com", true)]
        [InlineData("*.data.mcr.microsoft.com", "a.b.data.mcr.microsoft.com", true)]
        [InlineData("*.data.mcr.microsoft.com", "EASTUS.Data.MCR.microsoft.com", true)]
        [InlineData("*.data.mcr.microsoft.com", "data.mcr.microsoft.com", false)]
        [InlineData("*.data.mcr.microsoft.com", ".data.mcr.microsoft.com", false)]
        [InlineData("*.data.mcr.microsoft.com", "eastus.data.mcr.microsoft.com.evil.com", false)]
        [InlineData("*.data.mcr.microsoft.com", "eastusdata.mcr.microsoft.com", false)]
        [InlineData("md-*.blob.storage.azure.net", "md-abc123.blob.storage.azure.net", true)]
        [InlineData("md-*.blob.storage.azure.net", "md-.blob.storage.azure.net", false)]
        [InlineData("azds-*.eastus.azds.io", "azds-1.eastus.azds.io", true)]
        [InlineData("mcr.microsoft.com", "mcr.microsoft.com", true)]
        [InlineData("mcr.microsoft.com", "x.mcr.microsoft.com", false)]
        public void AWildcardCoversTheHostsItsStarsStandFor(string wildcard, string host, bool covered)
        {
            Assert.Equal(covered, HostPattern.Covers(wildcard, host));
        }

        [Theory]
        [InlineData("eastus.data.mcr.microsoft.com", true)]
        [InlineData("aks1-dns-1a2b3c4d.hcp.eastus.azmk8s.io", true)]
        [InlineData("localhost", true)]
        [InlineData("*.data.mcr.microsoft.com", false)]
        [InlineData("{location}.monitoring.azure.com", false)]
        [InlineData("a..b", false)]
        [InlineData("-a.b", false)]
        [InlineData("a b", false)]
        [InlineData("", false)]
        public void AHostNameIsConcrete(string text, bool isHost)
        {
            Assert.Equal(isHost, HostPattern.IsHostName(text));
        }

        [Fact]
        public void TheLocationTokenIsFilledWithTheCanonicalRegion()
        {
            Assert.Equal("koreacentral.monitoring.azure.com", HostPattern.Fill("{location}.monitoring.azure.com", "Korea Central"));
            Assert.Null(HostPattern.Fill("{location}.monitoring.azure.com", ""));
            Assert.Equal("mirror.azk8s.cn", HostPattern.Fill("mirror.azk8s.cn", null));
        }
    }
}
