using AksEgress.Planning;
using static AksEgress.Engine.Tests.Planning.PlanFixtures;

namespace AksEgress.Engine.Tests.Planning
{
    public class PublicClusterTests
    {
        [Fact]
        public void DefaultPublicClusterGetsTheCoreRulesForItsRegion()
        {
            var result = Derive("koreacentral");

            Assert.True(result.Has("*.hcp.koreacentral.azmk8s.io", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("mcr.microsoft.com", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("*.data.mcr.microsoft.com", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("packages.aks.azure.com", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("acs-mirror.azureedge.net", RuleProtocol.HTTPS, 443));
            Assert.True(result.Has("ntp.ubuntu.com", RuleProtocol.UDP, 123));
            Assert.True(result.Has("APIServerPublicIP", RuleProtocol.TCP, 443));
            Assert.All(result.Rules, r => Assert.Equal("koreacentral", r.Location));
            Assert.All(result.Rules, r => Assert.DoesNotContain("{location}", r.Destination));
        }

        [Fact]
        public void KonnectivityClustersGetNoTunnelRulesUnlessLegacyTunnelIsAsked()
        {
            var modern = Derive("eastus");
            var legacy = Derive("eastus", configure: p => p.LegacyTunnel = true);

            Assert.DoesNotContain(modern.Rules, r => r.Port == 1194 || r.Port == 9000);
            var tunnel = legacy.Rules.Where(r => r.Port == 1194 || r.Port == 9000).ToList();
            Assert.Equal(2, tunnel.Count);
            Assert.All(tunnel, r =>
            {
                Assert.Equal("AzureCloud.eastus", r.Destination);
                Assert.Equal(DestinationType.ServiceTag, r.DestinationType);
                Assert.Contains("konnectivity", r.Condition);
            });
            Assert.Contains(tunnel, r => r.Protocol == RuleProtocol.UDP && r.Port == 1194);
            Assert.Contains(tunnel, r => r.Protocol == RuleProtocol.TCP && r.Port == 9000);
        }

        [Fact]
        public void PrivateClusterDropsTunnelApiServerIpAndHcpRules()
        {
            var result = Derive("eastus", configure: p => { p.PrivateCluster = true; p.LegacyTunnel = true; });

            Assert.DoesNotContain(result.Rules, r => r.Port == 1194 || r.Port == 9000);
            Assert.DoesNotContain(result.Rules, r => r.Destination == "APIServerPublicIP");
            Assert.DoesNotContain(result.Rules, r => r.Destination.Contains(".hcp."));
            Assert.True(result.Has("mcr.microsoft.com", RuleProtocol.HTTPS, 443));
        }

        [Fact]
        public void IssueExamplePlanGivesExactlyTheRulesToOpen()
        {
            var result = Derive("koreacentral", configure: p =>
            {
                p.Features = new List<AksFeature> { AksFeature.Monitoring, AksFeature.KeyVaultSecretsProvider };
                p.PrivateCluster = true;
            });

            var expected = new HashSet<(string, RuleProtocol, int)>
            {
                ("ntp.ubuntu.com", RuleProtocol.UDP, 123), ("CustomDnsIP", RuleProtocol.UDP, 53),
                ("mcr.microsoft.com", RuleProtocol.HTTPS, 443), ("*.data.mcr.microsoft.com", RuleProtocol.HTTPS, 443),
                ("mcr-0001.mcr-msedge.net", RuleProtocol.HTTPS, 443), ("management.azure.com", RuleProtocol.HTTPS, 443),
                ("login.microsoftonline.com", RuleProtocol.HTTPS, 443), ("packages.microsoft.com", RuleProtocol.HTTPS, 443),
                ("acs-mirror.azureedge.net", RuleProtocol.HTTPS, 443), ("packages.aks.azure.com", RuleProtocol.HTTPS, 443),
                ("security.ubuntu.com", RuleProtocol.HTTP, 80), ("azure.archive.ubuntu.com", RuleProtocol.HTTP, 80),
                ("changelogs.ubuntu.com", RuleProtocol.HTTP, 80), ("snapshot.ubuntu.com", RuleProtocol.HTTPS, 443),
                ("vault.azure.net", RuleProtocol.HTTPS, 443),
                ("AzureMonitor", RuleProtocol.TCP, 443), ("dc.services.visualstudio.com", RuleProtocol.HTTPS, 443),
                ("*.ods.opinsights.azure.com", RuleProtocol.HTTPS, 443), ("*.oms.opinsights.azure.com", RuleProtocol.HTTPS, 443),
                ("*.monitoring.azure.com", RuleProtocol.HTTPS, 443), ("koreacentral.ingest.monitor.azure.com", RuleProtocol.HTTPS, 443),
                ("koreacentral.handler.control.monitor.azure.com", RuleProtocol.HTTPS, 443),
                ("global.handler.control.monitor.azure.com", RuleProtocol.HTTPS, 443), ("*.ingest.monitor.azure.com", RuleProtocol.HTTPS, 443),
                ("*.metrics.ingest.monitor.azure.com", RuleProtocol.HTTPS, 443), ("*.in.applicationinsights.azure.com", RuleProtocol.HTTPS, 443),
            };
            Assert.Equal(expected.OrderBy(t => t.ToString()), result.Tuples().OrderBy(t => t.ToString()));
            // login.microsoftonline.com is needed by Core and by Monitoring: one rule each, so each feature's reason is kept.
            Assert.Equal(2, result.Rules.Count(r => r.Destination == "login.microsoftonline.com"));
        }

        [Fact]
        public void AzureLinuxPoolsGetNoUbuntuUpdateRules()
        {
            var ubuntu = Derive("westeurope");
            var azureLinux = Derive("westeurope", configure: p => p.OsSku = LinuxOsSku.AzureLinux);

            Assert.Contains(ubuntu.Rules, r => r.Feature == AksFeature.UbuntuUpdates && r.Requirement == RuleRequirement.Recommended);
            Assert.DoesNotContain(azureLinux.Rules, r => r.Feature == AksFeature.UbuntuUpdates);
        }

        [Fact]
        public void RequirementFilterDecidesWhatIsListed()
        {
            var requiredOnly = Derive("westeurope", configure: p => p.Requirements = new List<RuleRequirement> { RuleRequirement.Required });
            var withOptional = Derive("westeurope", configure: p => p.Requirements = new List<RuleRequirement> { RuleRequirement.Required, RuleRequirement.Optional });

            Assert.All(requiredOnly.Rules, r => Assert.Equal(RuleRequirement.Required, r.Requirement));
            Assert.DoesNotContain(Derive("westeurope").Rules, r => r.Requirement == RuleRequirement.Optional);
            Assert.Contains(withOptional.Rules, r => r.Destination == "md-*.blob.storage.azure.net" && r.Alternatives.Contains("Storage"));
        }
    }
}
