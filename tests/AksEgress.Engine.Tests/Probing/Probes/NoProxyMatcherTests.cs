using AksEgress.Probing;

namespace AksEgress.Tests.Probing.Probes
{
    public class NoProxyMatcherTests
    {
        [Theory]
        [InlineData("mcr.microsoft.com", "mcr.microsoft.com", true)]
        [InlineData("MCR.microsoft.com", "mcr.microsoft.com", true)]
        [InlineData("mcr.microsoft.com", ".microsoft.com", true)]
        [InlineData("microsoft.com", ".microsoft.com", true)]
        [InlineData("mcr.microsoft.com", "microsoft.com", true)]
        [InlineData("mcr.microsoft.com", "*.microsoft.com", true)]
        [InlineData("notmicrosoft.com", "microsoft.com", false)]
        [InlineData("notmicrosoft.com", ".microsoft.com", false)]
        [InlineData("anything.example", "*", true)]
        [InlineData("10.1.2.3", "10.0.0.0/8", true)]
        [InlineData("11.1.2.3", "10.0.0.0/8", false)]
        [InlineData("172.16.5.4", "172.16.0.0/12", true)]
        [InlineData("fd00::1", "fd00::/8", true)]
        [InlineData("10.1.2.3", "10.1.2.3", true)]
        [InlineData("mcr.microsoft.com", "", false)]
        [InlineData("mcr.microsoft.com.", "microsoft.com", true)]
        public void MatchesAsCurlAndAksDo(string host, string entry, bool matches)
        {
            Assert.Equal(matches, NoProxyMatcher.Matches(host, new[] { entry }));
        }

        [Fact]
        public void WithoutAProxyNothingUsesOne()
        {
            Assert.False(NoProxyMatcher.ProxyFor(new ProbeOptions(), new ProbePlan(), "mcr.microsoft.com") != null);
            Assert.True(NoProxyMatcher.ProxyFor(new ProbeOptions { Proxy = new Uri("http://127.0.0.1:3128") }, new ProbePlan(), "mcr.microsoft.com") != null);
        }
    }
}
