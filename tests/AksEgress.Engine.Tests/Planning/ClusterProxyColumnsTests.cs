using AksEgress.Clusters;
using AksEgress.Export;
using AksEgress.Planning;

namespace AksEgress.Tests.Planning
{
    public sealed class ClusterProxyColumnsTests
    {
        [Theory]
        [InlineData("http://proxy:3128/", "http://proxy:3128/")]
        [InlineData("http://user:secret@proxy:3128/", "http://***@proxy:3128/")]
        [InlineData("http://user:p@ss@proxy:3128", "http://***@proxy:3128")]
        [InlineData("http://user@proxy:3128/path@x", "http://***@proxy:3128/path@x")]
        [InlineData("user:secret@proxy:3128", "***@proxy:3128")]
        [InlineData("  http://proxy:3128  ", "http://proxy:3128")]
        [InlineData("", null)]
        [InlineData(null, null)]
        public void CredentialsInAProxyAddressAreHidden(string? address, string? expected) =>
            Assert.Equal(expected, ClusterProxyColumns.WithoutCredentials(address));

        [Fact]
        public void NoProxyEntriesBecomeOneCommaSeparatedCell()
        {
            var columns = ClusterProxyColumns.From(new HttpProxySettings { HttpsProxy = "http://p:1", NoProxy = [" localhost ", "", ".svc"] })!;

            Assert.Null(columns.HttpProxy);
            Assert.Equal("http://p:1", columns.HttpsProxy);
            Assert.Equal("localhost,.svc", columns.NoProxy);
            Assert.Null(ClusterProxyColumns.From(null));
        }

        [Fact]
        public void TheProxyColumnsSurviveAnExportAndReImportAndAHandEditedPasswordIsDropped()
        {
            var rule = new AksEgressRule
            {
                RuleId = "core-mcr", Kind = RuleKind.Application, Destination = "mcr.microsoft.com", Protocol = RuleProtocol.HTTPS, Port = 443,
                ClusterHttpProxy = "http://proxy:3128/", ClusterHttpsProxy = "http://proxy:3129/", ClusterNoProxy = "localhost,.svc",
            };
            var cells = CsvColumns.Names.Zip(CsvColumns.Values(rule)).ToDictionary(p => p.First, p => (object?)p.Second);

            var back = RuleRecord.FromProperties(name => cells.TryGetValue(name, out var v) ? v : null);

            Assert.Equal("http://proxy:3128/", back.ClusterHttpProxy);
            Assert.Equal("http://proxy:3129/", back.ClusterHttpsProxy);
            Assert.Equal("localhost,.svc", back.ClusterNoProxy);

            cells["ClusterHttpsProxy"] = "http://me:hunter2@proxy:3129/";
            Assert.Equal("http://***@proxy:3129/", RuleRecord.FromProperties(name => cells.TryGetValue(name, out var v) ? v : null).ClusterHttpsProxy);
        }

        [Fact]
        public void PlannedRulesCarryNoProxy()
        {
            var rules = RuleDeriver.Default.Derive(new RulePlan { Location = "eastus" }).Rules;

            Assert.All(rules, r => Assert.True(r.ClusterHttpProxy == null && r.ClusterHttpsProxy == null && r.ClusterNoProxy == null));
        }
    }
}
