using AksEgress.Clusters;
using AksEgress.Errors;

namespace AksEgress.Engine.Tests.Clusters
{
    /// <summary>The entry point the cmdlet calls for each piped cluster.</summary>
    public class ClusterRulesTests
    {
        private static Dictionary<string, object?> Map(params (string Key, object? Value)[] pairs) =>
            pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

        /// <summary>Shaped like a Get-AzAksCluster object after the host copied it into a tree.</summary>
        private static Dictionary<string, object?> AzAksObject(string location = "koreacentral") => Map(
            ("Id", "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1"),
            ("Name", "aks1"),
            ("Location", location),
            ("Fqdn", "aks1-dns-1a2b.hcp.koreacentral.azmk8s.io"),
            ("ApiServerAccessProfile", Map(("EnablePrivateCluster", false))),
            ("AddonProfiles", null),
            ("AgentPoolProfiles", new List<object?> { Map(("OsType", "Linux"), ("OsSKU", "Ubuntu"), ("VmSize", "Standard_D4s_v5")) }));

        private static DerivationResultView Derive(IReadOnlyDictionary<string, object?> tree, params AksFeature[] extra)
        {
            var result = ClusterRules.Derive(tree, extra.ToList(), new List<RuleRequirement>(), includeLegacy: false);
            return new DerivationResultView(result.Rules, result.Warnings);
        }

        private sealed record DerivationResultView(IReadOnlyList<AksEgressRule> Rules, IReadOnlyList<string> Warnings);

        [Fact]
        public void EveryRuleCarriesTheClusterAndTheExactApiServerHost()
        {
            var result = Derive(AzAksObject());

            Assert.All(result.Rules, r => Assert.Equal(("aks1", "/subscriptions/s/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1"), (r.ClusterName, r.ClusterId)));
            Assert.Contains(result.Rules, r => r.Destination == "aks1-dns-1a2b.hcp.koreacentral.azmk8s.io");
            Assert.DoesNotContain(result.Rules, r => r.Destination.StartsWith("*.hcp."));
        }

        [Fact]
        public void FeaturesTheShapeCannotShowAreNamedInOneWarningUnlessAdded()
        {
            var plain = Derive(AzAksObject());
            var withExtras = Derive(AzAksObject(), AksFeature.Defender, AksFeature.WorkloadIdentity, AksFeature.CostAnalysis, AksFeature.Monitoring, AksFeature.ClusterExtensions);

            var warning = Assert.Single(plain.Warnings, w => w.Contains("does not show"));
            Assert.Contains("aks1", warning);
            Assert.Contains("Defender", warning);
            Assert.Contains("-Feature", warning);
            Assert.DoesNotContain(withExtras.Warnings, w => w.Contains("does not show"));
            Assert.Contains(withExtras.Rules, r => r.Feature == AksFeature.Defender);
        }

        [Fact]
        public void AnUnknownRegionIsAnErrorAboutThatClusterWithTheClusterAsTarget()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => Derive(AzAksObject("koreacentrl")));

            Assert.Equal("UnknownLocation", ex.ErrorId);
            Assert.StartsWith("Cluster 'aks1':", ex.Message);
            Assert.Equal("/subscriptions/s/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1", ex.Target);
        }
    }
}
