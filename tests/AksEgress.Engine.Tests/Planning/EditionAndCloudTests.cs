using AksEgress.Planning;
using static AksEgress.Engine.Tests.Planning.PlanFixtures;

namespace AksEgress.Engine.Tests.Planning
{
    public class EditionAndCloudTests
    {
        private static readonly List<AksFeature> AllFeatures = Enum.GetValues<AksFeature>().ToList();

        [Fact]
        public void LegacyRowsAppearOnlyWhenAskedForAndAreMarked()
        {
            var current = Derive("eastus", configure: p => p.Features = AllFeatures);
            var withLegacy = Derive("eastus", configure: p => { p.Features = AllFeatures; p.IncludeLegacy = true; });

            Assert.All(current.Rules, r => Assert.Equal(CatalogEdition.Current, r.Edition));
            var legacy = withLegacy.Rules.Where(r => r.Edition == CatalogEdition.Legacy2020).ToList();
            Assert.Contains(legacy, r => r.Destination == "*.cdn.mscr.io");
            Assert.Contains(legacy, r => r.Destination == "*.tun.eastus.azmk8s.io" && r.Protocol == RuleProtocol.TCP && r.Port == 22);
            Assert.Contains(legacy, r => r.Destination == "kms.core.windows.net" && r.Protocol == RuleProtocol.TCP && r.Port == 1688);
            Assert.Contains(legacy, r => r.Destination == "apt.dockerproject.org");
            Assert.All(legacy, r => Assert.Contains("001_fb1b336350dccd1a.txt", r.Source));
            // Legacy rows come after every current row, never mixed in.
            var firstLegacy = withLegacy.Rules.ToList().FindIndex(r => r.Edition == CatalogEdition.Legacy2020);
            Assert.All(withLegacy.Rules.Skip(firstLegacy), r => Assert.Equal(CatalogEdition.Legacy2020, r.Edition));
        }

        [Fact]
        public void DevSpacesWithoutIncludeLegacySaysHowToGetIt()
        {
            var result = Derive("eastus", configure: p => p.Features = new List<AksFeature> { AksFeature.DevSpaces });
            Assert.DoesNotContain(result.Rules, r => r.Feature == AksFeature.DevSpaces);
            Assert.Contains(result.Warnings, w => w.Contains("DevSpaces") && w.Contains("-IncludeLegacy"));
        }

        [Fact]
        public void ChinaClusterGetsItsOwnEndpointsAndTunnelRules()
        {
            var result = Derive("chinaeast2", AzureCloudName.AzureChinaCloud);

            Assert.True(result.Has("*.hcp.chinaeast2.cx.prod.service.azk8s.cn", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("*.tun.chinaeast2.cx.prod.service.azk8s.cn", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("management.chinacloudapi.cn", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("mcr.azure.cn", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("AzureCloud.chinaeast2", RuleProtocol.TCP, 22));
            Assert.True(result.Has("AzureCloud.chinaeast2", RuleProtocol.UDP, 1194));
            Assert.DoesNotContain(result.Rules, r => r.Destination.EndsWith("azmk8s.io") || r.Destination == "management.azure.com");
            Assert.All(result.Rules, r => Assert.Equal(AzureCloudName.AzureChinaCloud, r.Cloud));
        }

        [Fact]
        public void PrivateChinaClusterDropsThePublicApiServerPaths()
        {
            var result = Derive("chinanorth3", AzureCloudName.AzureChinaCloud, p => p.PrivateCluster = true);

            Assert.DoesNotContain(result.Rules, r => r.Port == 1194 || r.Port == 9000 || r.Port == 22);
            Assert.DoesNotContain(result.Rules, r => r.Destination.Contains(".hcp.") || r.Destination.Contains(".tun."));
            Assert.True(result.Has("mcr.microsoft.com", RuleProtocol.HTTPS, 443));
        }

        [Fact]
        public void UsGovernmentClusterUsesGovernmentEndpoints()
        {
            var result = Derive("usgovvirginia", AzureCloudName.AzureUSGovernment,
                p => p.Features = new List<AksFeature> { AksFeature.KeyVaultSecretsProvider, AksFeature.Monitoring, AksFeature.ClusterExtensions });

            Assert.True(result.Has("*.hcp.usgovvirginia.cx.aks.containerservice.azure.us", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("login.microsoftonline.us", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("*.vault.usgovcloudapi.net", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("usgovvirginia.handler.control.monitor.azure.us", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("usgovvirginia.dp.kubernetesconfiguration.azure.us", RuleProtocol.HTTPS, 443));
            var publicOnly = new[] { "vault.azure.net", "management.azure.com", "login.microsoftonline.com", "usgovvirginia.dp.kubernetesconfiguration.azure.com", "usgovvirginia.handler.control.monitor.azure.com" };
            Assert.DoesNotContain(result.Rules, r => publicOnly.Contains(r.Destination) || r.Destination.EndsWith("azmk8s.io"));
        }

        [Fact]
        public void FeatureTheCloudHasNoRowsForIsReportedNotSilentlyEmpty()
        {
            var result = Derive("chinaeast2", AzureCloudName.AzureChinaCloud, p => p.Features = new List<AksFeature> { AksFeature.KeyVaultSecretsProvider });

            Assert.DoesNotContain(result.Rules, r => r.Feature == AksFeature.KeyVaultSecretsProvider);
            Assert.Contains(result.Warnings, w => w.Contains("KeyVaultSecretsProvider") && w.Contains("AzureChinaCloud"));
        }

        [Fact]
        public void OrderIsDeterministicAndGroupedByFeatureThenKind()
        {
            void Configure(RulePlan p) { p.Features = AllFeatures; p.IncludeLegacy = true; p.CustomDnsServers = new List<string> { "10.0.0.5", "10.0.0.4" }; }
            var first = Derive("eastus", configure: Configure).Rules.Select(r => r.RuleId + "|" + r.Destination).ToList();
            var second = Derive("eastus", configure: Configure).Rules.Select(r => r.RuleId + "|" + r.Destination).ToList();
            Assert.Equal(first, second);

            var current = Derive("eastus", configure: Configure).Rules.Where(r => r.Edition == CatalogEdition.Current).ToList();
            var keys = current.Select(r => ((int)r.Feature, (int)r.Kind)).ToList();
            Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2), keys);
        }

        [Fact]
        public void EveryOutputPropertyIsAScalar()
        {
            var scalar = new[] { typeof(string), typeof(int) };
            foreach (var property in typeof(AksEgressRule).GetProperties())
            {
                Assert.True(scalar.Contains(property.PropertyType) || property.PropertyType.IsEnum,
                    $"{property.Name} is {property.PropertyType}, which Export-Csv cannot write as one cell.");
            }
        }
    }
}
