using AksEgress.Planning;
using System.Text;
using AksEgress.Catalog;

namespace AksEgress.Engine.Tests.Catalog
{
    public class CatalogIntegrityTests
    {
        private static readonly RuleCatalog Catalog = RuleCatalog.Default;

        [Fact]
        public void EveryEntryHasEnglishAndKoreanPurposeAndASource()
        {
            Assert.NotEmpty(Catalog.Entries);
            Assert.All(Catalog.Entries, e =>
            {
                Assert.False(string.IsNullOrWhiteSpace(e.PurposeEn), e.Id);
                Assert.Contains(e.PurposeKo, c => c >= '\uAC00' && c <= '\uD7A3'); // at least one Hangul syllable
                Assert.NotEmpty(e.SourceTables);
                Assert.False(string.IsNullOrWhiteSpace(e.SourceText), e.Id);
            });
        }

        [Fact]
        public void EveryCurrentSeedTableIsCitedAndEveryCitedTableNamesItsDocument()
        {
            Assert.All(Catalog.Tables.Values, t => Assert.Contains(Catalog.Entries, e => e.SourceTables.Contains(t.Id)));
            Assert.All(Catalog.Tables.Values.Where(t => t.Id.StartsWith("000/")), t => Assert.Equal("000_3653b72364e85a46.txt", t.Document));
            Assert.All(Catalog.Tables.Values.Where(t => t.Id.StartsWith("001/")), t => Assert.Equal("001_fb1b336350dccd1a.txt", t.Document));
        }

        [Fact]
        public void NoTwoRowsDescribeTheSameRuleForTheSameCloudFeatureAndEdition()
        {
            var duplicates = Catalog.Entries
                .SelectMany(e => e.Clouds.Select(c => (Key: (c, e.Feature, e.Edition, e.DestinationTemplate, e.Protocol, e.Port), e.Id)))
                .GroupBy(x => x.Key)
                .Where(g => g.Count() > 1)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Id))}")
                .ToList();
            Assert.True(duplicates.Count == 0, "Duplicate rows: " + string.Join("; ", duplicates));
        }

        [Fact]
        public void TemplatesUseOnlyTheLocationToken()
        {
            Assert.All(Catalog.Entries, e =>
            {
                var withoutLocation = e.DestinationTemplate.Replace("{location}", "");
                Assert.DoesNotContain("{", withoutLocation);
                Assert.DoesNotContain("<", withoutLocation);
                Assert.DoesNotContain(" ", e.DestinationTemplate);
            });
        }

        [Fact]
        public void DestinationTypesMatchWhatTheDestinationIs()
        {
            foreach (var e in Catalog.Entries)
            {
                switch (e.DestinationType)
                {
                    case DestinationType.Any: Assert.Equal("*", e.DestinationTemplate); break;
                    case DestinationType.WildcardFqdn: Assert.Contains("*", e.DestinationTemplate); break;
                    case DestinationType.Fqdn: Assert.DoesNotContain("*", e.DestinationTemplate); Assert.Contains(".", e.DestinationTemplate); break;
                    case DestinationType.Placeholder: Assert.Contains(e.DestinationTemplate, new[] { "APIServerPublicIP", "CustomDnsIP" }); break;
                    case DestinationType.ServiceTag: Assert.Equal(RuleKind.Network, e.Kind); break;
                }
            }
        }

        [Fact]
        public void ApiServerHostRowsAreTheHcpWildcardOfEachCloud()
        {
            var hosts = Catalog.Entries.Where(e => e.IsApiServerHost).ToList();
            Assert.Equal(3, hosts.Count);
            Assert.All(hosts, e => Assert.StartsWith("*.hcp.{location}.", e.DestinationTemplate));
            Assert.Equal(Enum.GetValues<AzureCloudName>().OrderBy(c => c), hosts.SelectMany(e => e.Clouds).OrderBy(c => c));
        }

        [Fact]
        public void ProbeHostsAreConcreteHostsTheirWildcardCoversInEveryRegionOfTheirClouds()
        {
            var rows = Catalog.Entries.Where(e => e.ProbeHostTemplate != null).ToList();
            Assert.NotEmpty(rows);
            foreach (var e in rows)
            {
                var template = e.ProbeHostTemplate!;
                Assert.True(e.DestinationType == DestinationType.WildcardFqdn, $"{e.Id} has a probeHost but its destination {e.DestinationTemplate} is no wildcard");
                Assert.DoesNotContain("*", template);
                Assert.DoesNotContain("{", template.Replace("{location}", ""));
                Assert.False(string.IsNullOrWhiteSpace(e.ProbeHostNote), $"{e.Id} does not say why {template} stands for its wildcard");
                var suffix = e.DestinationTemplate.Substring(e.DestinationTemplate.LastIndexOf('*') + 1);
                foreach (var cloud in e.Clouds)
                {
                    foreach (var region in AksEgress.Regions.RegionDirectory.Default.RegionsOf(cloud))
                    {
                        var host = template.Replace("{location}", region);
                        var wildcard = e.DestinationTemplate.Replace("{location}", region);
                        Assert.True(HostPattern.IsHostName(host), $"{e.Id}: '{host}' is not a host name");
                        Assert.EndsWith(suffix.Replace("{location}", region), host);
                        Assert.True(HostPattern.Covers(wildcard, host), $"{e.Id}: {wildcard} does not cover {host}");
                    }
                }
            }
        }

        [Fact]
        public void OnlyRowsWithAProbeHostSayWhy()
        {
            Assert.All(Catalog.Entries.Where(e => e.ProbeHostTemplate == null), e => Assert.Equal("", e.ProbeHostNote));
        }

        [Fact]
        public void TheApiServerWildcardHasNoProbeHostInTheData()
        {
            // Each cluster has its own API server host; the planner takes it from the cluster, never from the catalog.
            Assert.All(Catalog.Entries.Where(e => e.IsApiServerHost || e.DestinationTemplate.StartsWith("*.hcp.")), e => Assert.Null(e.ProbeHostTemplate));
        }

        [Fact]
        public void TheMcrDataRowIsProbedThroughADocumentedDataEndpoint()
        {
            var row = Catalog.Entries.Single(e => e.Id == "core-mcr-data");
            Assert.Equal("eastus.data.mcr.microsoft.com", row.ProbeHostTemplate);
            Assert.Null(Catalog.Entries.Single(e => e.Id == "core-mcr").ProbeHostTemplate);
        }

        [Fact]
        public void LoadingReadsProbeHostAndRejectsOneThatIsNotText()
        {
            var json = Encoding.UTF8.GetString(RuleCatalog.ReadEmbeddedJson());
            Assert.Contains("\"probeHost\": \"eastus.data.mcr.microsoft.com\"", json);
            var bad = json.Replace("\"probeHost\": \"eastus.data.mcr.microsoft.com\"", "\"probeHost\": 42");
            Assert.Throws<CatalogFormatException>(() => RuleCatalog.Load(Encoding.UTF8.GetBytes(bad)));
            var misspelt = json.Replace("\"probeHost\": \"eastus.data.mcr.microsoft.com\"", "\"probehost\": \"eastus.data.mcr.microsoft.com\"");
            var ex = Assert.Throws<CatalogFormatException>(() => RuleCatalog.Load(Encoding.UTF8.GetBytes(misspelt)));
            Assert.Contains("unknown field 'probehost'", ex.Message);
        }

        [Fact]
        public void LoadingRejectsARowWithAnUnknownFeatureAndNamesIt()
        {
            var json = Encoding.UTF8.GetString(RuleCatalog.ReadEmbeddedJson()).Replace("\"feature\": \"GpuNodePool\"", "\"feature\": \"GpuPool\"");
            var ex = Assert.Throws<CatalogFormatException>(() => RuleCatalog.Load(Encoding.UTF8.GetBytes(json)));
            Assert.Contains("gpu-nvidia-github", ex.Message);
            Assert.Contains("GpuPool", ex.Message);
        }

        [Fact]
        public void LoadingRejectsANetworkRuleWithAnApplicationProtocol()
        {
            var json = Encoding.UTF8.GetString(RuleCatalog.ReadEmbeddedJson())
                .Replace("\"destination\": \"AzureMonitor\", \"type\": \"ServiceTag\", \"protocol\": \"TCP\"", "\"destination\": \"AzureMonitor\", \"type\": \"ServiceTag\", \"protocol\": \"HTTPS\"");
            var ex = Assert.Throws<CatalogFormatException>(() => RuleCatalog.Load(Encoding.UTF8.GetBytes(json)));
            Assert.Contains("monitor-service-tag", ex.Message);
        }

        [Fact]
        public void LoadingRejectsTruncatedJson()
        {
            var bytes = RuleCatalog.ReadEmbeddedJson();
            Assert.Throws<CatalogFormatException>(() => RuleCatalog.Load(bytes.Take(bytes.Length / 2).ToArray()));
        }
    }
}
