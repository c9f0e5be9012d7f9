using System.Text.Json;
using AksEgress.Clusters;
using AksEgress.Planning;

namespace AksEgress.Tests.Clusters.Real
{
    /// <summary>
    /// Issue 12, finding 6: the specification's real outboundNetworkDependenciesEndpoints example, merged into a
    /// Linux-only cluster. Its gpu and windows endpoints are catalog rows of GpuNodePool and WindowsNodePool, not
    /// unknown Core endpoints, and each says whether this cluster was seen to have such a pool.
    /// </summary>
    public sealed class ServiceReportedCatalogTests
    {
        private static IReadOnlyList<AksEgressRule> Merge(ICollection<AksFeature> clusterFeatures, params ServiceEndpoint[] extra)
        {
            using var page = JsonDocument.Parse(File.ReadAllText(RealDocuments.PathOf(RealDocuments.Outbound)));
            var reported = ServiceEndpointReader.ReadPage(page.RootElement, out _).Concat(extra).ToList();
            var derived = RuleDeriver.Default.Derive(new RulePlan { Location = "eastus", Features = clusterFeatures.ToList(), ClusterName = "aks1" }).Rules;
            var everything = RuleDeriver.Default.Derive(new RulePlan
            {
                Location = "eastus",
                Features = Enum.GetValues<AksFeature>().ToList(),
                Requirements = Enum.GetValues<RuleRequirement>().ToList(),
                IncludeLegacy = true,
                LegacyTunnel = true,
            }).Rules;
            return ServiceReportedMerge.Merge(derived, reported, new ServiceMergeContext
            {
                Location = "eastus",
                ClusterName = "aks1",
                ClusterId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1",
                CatalogRules = everything,
                ClusterFeatures = clusterFeatures,
            });
        }

        [Theory]
        [InlineData("nvidia.github.io", AksFeature.GpuNodePool)]
        [InlineData("onegetcdn.azureedge.net", AksFeature.WindowsNodePool)]
        [InlineData("go.microsoft.com", AksFeature.WindowsNodePool)]
        public void PoolEndpointsAreTheirCatalogRowsAndSayTheClusterHasNoSuchPool(string host, AksFeature feature)
        {
            var merged = Merge(new List<AksFeature> { AksFeature.Core, AksFeature.UbuntuUpdates });
            var rule = Assert.Single(merged, r => r.Destination == host);
            Assert.Equal(feature, rule.Feature);
            Assert.Equal(RuleOrigin.CatalogAndService, rule.Origin);
            Assert.DoesNotContain("not in the catalog", rule.Condition);
            Assert.Contains("was not seen to have", rule.Condition);
            Assert.Contains(feature == AksFeature.GpuNodePool ? "GPU node pool" : "Windows node pool", rule.Condition);
            Assert.Equal("aks1", rule.ClusterName);
            Assert.False(rule.RuleId.StartsWith("service/", StringComparison.Ordinal));
        }

        [Fact]
        public void AClusterThatHasThePoolGetsTheRowDerivedAndMatched()
        {
            var merged = Merge(new List<AksFeature> { AksFeature.Core, AksFeature.GpuNodePool });
            var rule = Assert.Single(merged, r => r.Destination == "nvidia.github.io");
            Assert.Equal(RuleOrigin.CatalogAndService, rule.Origin);
            Assert.DoesNotContain("not seen", rule.Condition);
        }

        [Fact]
        public void ALegacyRowIsFoundTooAndWhatTheCatalogReallyLacksIsStillReportedAsSuch()
        {
            // apt.dockerproject.org is in the example's gpu list and in the 2020 edition of the page only.
            var merged = Merge(new List<AksFeature> { AksFeature.Core },
                new ServiceEndpoint { Category = "misc", DomainName = "unlisted.example.com", Port = 443, Protocol = "Https" });
            var legacy = Assert.Single(merged, r => r.Destination == "apt.dockerproject.org");
            Assert.Equal((AksFeature.GpuNodePool, CatalogEdition.Legacy2020), (legacy.Feature, legacy.Edition));

            var unknown = Assert.Single(merged, r => r.Destination == "unlisted.example.com");
            Assert.Equal(RuleOrigin.Service, unknown.Origin);
            Assert.Contains("not in the catalog", unknown.Condition);
        }
    }
}
