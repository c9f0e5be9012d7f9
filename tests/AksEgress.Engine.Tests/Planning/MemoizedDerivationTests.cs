using System.Text.Json;
using AksEgress.Catalog;
using AksEgress.Planning;
using AksEgress.Regions;

namespace AksEgress.Engine.Tests.Planning
{
    /// <summary>
    /// The deriver keeps each plan shape's rules and copies them for the next cluster of that shape. What a user
    /// sees must be exactly what a fresh derivation gives, with each cluster's own name, id and API server host.
    /// </summary>
    public sealed class MemoizedDerivationTests
    {
        private static readonly RuleDeriver Fresh = new(RuleCatalog.Default, RegionDirectory.Default, memoize: false);

        public static TheoryData<string> Plans() => new()
        {
            "eastus|AzureCloud|Core|false|",
            "koreacentral|AzureCloud|Monitoring,KeyVaultSecretsProvider|true|",
            "westeurope|AzureCloud|WindowsNodePool,GpuNodePool,Defender|false|aks-a.hcp.westeurope.azmk8s.io",
            "chinaeast2|AzureChinaCloud|Monitoring,AzurePolicy|false|x.cx.prod.service.azk8s.cn",
            "usgovvirginia|AzureUSGovernment|WorkloadIdentity|true|",
        };

        private static RulePlan Plan(string spec, string? name, string? fqdnOverride = null)
        {
            var parts = spec.Split('|');
            return new RulePlan
            {
                Location = parts[0],
                Cloud = Enum.Parse<AzureCloudName>(parts[1]),
                Features = parts[2].Split(',').Select(Enum.Parse<AksFeature>).ToList(),
                PrivateCluster = bool.Parse(parts[3]),
                ApiServerFqdn = fqdnOverride ?? (parts[4].Length > 0 ? parts[4] : null),
                ClusterName = name,
                ClusterId = name == null ? null : "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/" + name,
                IncludeLegacy = true,
            };
        }

        private static string Json(DerivationResult result) => JsonSerializer.Serialize(new { result.Rules, result.Warnings });

        [Theory]
        [MemberData(nameof(Plans))]
        public void ASecondClusterOfTheSameShapeGetsWhatAFreshDerivationGives(string spec)
        {
            var memo = new RuleDeriver(RuleCatalog.Default, RegionDirectory.Default);
            memo.Derive(Plan(spec, "first"));

            var second = memo.Derive(Plan(spec, "second"));

            Assert.Equal(Json(Fresh.Derive(Plan(spec, "second"))), Json(second));
            Assert.All(second.Rules, r => Assert.Equal("second", r.ClusterName));
        }

        [Fact]
        public void EachClusterKeepsItsOwnApiServerHostAndWarnings()
        {
            var memo = new RuleDeriver(RuleCatalog.Default, RegionDirectory.Default);
            var a = memo.Derive(Plan("eastus|AzureCloud|Core|false|", "a", "a-1.hcp.eastus.azmk8s.io"));
            var b = memo.Derive(Plan("eastus|AzureCloud|Core|false|", "b", "b-2.hcp.westus.azmk8s.io"));

            Assert.Contains(a.Rules, r => r.Destination == "a-1.hcp.eastus.azmk8s.io");
            Assert.Contains(b.Rules, r => r.Destination == "b-2.hcp.westus.azmk8s.io");
            Assert.DoesNotContain(b.Rules, r => r.Destination == "a-1.hcp.eastus.azmk8s.io");
            // Only b's host is outside eastus's API server domain, so only b is warned.
            Assert.DoesNotContain(a.Warnings, w => w.Contains("does not end in"));
            Assert.Contains(b.Warnings, w => w.Contains("'b-2.hcp.westus.azmk8s.io' does not end in"));
            Assert.Equal(Json(Fresh.Derive(Plan("eastus|AzureCloud|Core|false|", "b", "b-2.hcp.westus.azmk8s.io"))), Json(b));
        }

        [Fact]
        public void ChangingOneClustersRulesDoesNotChangeAnotherClusters()
        {
            var memo = new RuleDeriver(RuleCatalog.Default, RegionDirectory.Default);
            var first = memo.Derive(Plan("eastus|AzureCloud|Core|false|", "a"));
            foreach (var rule in first.Rules) rule.Destination = "tampered";

            var second = memo.Derive(Plan("eastus|AzureCloud|Core|false|", "b"));

            Assert.DoesNotContain(second.Rules, r => r.Destination == "tampered");
        }

        [Fact]
        public void DifferentDnsServersOrApiAddressesAreDifferentShapes()
        {
            var memo = new RuleDeriver(RuleCatalog.Default, RegionDirectory.Default);
            var one = Plan("eastus|AzureCloud|Core|false|", "a");
            one.CustomDnsServers = new[] { "10.0.0.4" };
            one.ApiServerAddress = "20.1.2.3";
            var two = Plan("eastus|AzureCloud|Core|false|", "b");
            two.CustomDnsServers = new[] { "10.9.9.9" };
            two.ApiServerAddress = "20.9.9.9";

            memo.Derive(one);
            var derived = memo.Derive(two);

            Assert.Contains(derived.Rules, r => r.Destination == "10.9.9.9");
            Assert.Contains(derived.Rules, r => r.Destination == "20.9.9.9");
            Assert.DoesNotContain(derived.Rules, r => r.Destination == "10.0.0.4" || r.Destination == "20.1.2.3");
        }
    }
}
