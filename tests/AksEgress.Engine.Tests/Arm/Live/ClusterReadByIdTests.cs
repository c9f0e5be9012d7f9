using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>Get-AksEgressRule -ResourceId: each sample cluster read live through ARM, in its own cloud.</summary>
    public sealed class ClusterReadByIdTests
    {
        private const string PublicScope = "https://management.azure.com/.default";
        private const string ChinaScope = "https://management.chinacloudapi.cn/.default";
        private const string USGovScope = "https://management.usgovcloudapi.net/.default";

        public static TheoryData<string, AzureCloudName, string, AksFeature[], AksFeature[]> Documents => new()
        {
            { "basic-public", AzureCloudName.AzureCloud, PublicScope, [AksFeature.Core, AksFeature.UbuntuUpdates],
                [AksFeature.GpuNodePool, AksFeature.WindowsNodePool, AksFeature.Defender, AksFeature.WorkloadIdentity, AksFeature.KeyVaultSecretsProvider, AksFeature.AzurePolicy, AksFeature.ClusterExtensions] },
            { "private", AzureCloudName.AzureCloud, PublicScope, [AksFeature.Core, AksFeature.UbuntuUpdates],
                [AksFeature.GpuNodePool, AksFeature.WindowsNodePool, AksFeature.Defender] },
            { "gpu-pool", AzureCloudName.AzureCloud, PublicScope, [AksFeature.Core, AksFeature.GpuNodePool],
                [AksFeature.WindowsNodePool, AksFeature.Defender] },
            { "windows-pool", AzureCloudName.AzureCloud, PublicScope, [AksFeature.Core, AksFeature.WindowsNodePool, AksFeature.UbuntuUpdates],
                [AksFeature.GpuNodePool, AksFeature.Defender] },
            { "defender-workload-identity", AzureCloudName.AzureCloud, PublicScope, [AksFeature.Core, AksFeature.Defender, AksFeature.WorkloadIdentity],
                [AksFeature.GpuNodePool, AksFeature.WindowsNodePool, AksFeature.KeyVaultSecretsProvider] },
            { "kv-csi", AzureCloudName.AzureCloud, PublicScope, [AksFeature.Core, AksFeature.KeyVaultSecretsProvider, AksFeature.AzurePolicy, AksFeature.Monitoring],
                [AksFeature.Defender, AksFeature.WorkloadIdentity, AksFeature.GpuNodePool] },
            { "china", AzureCloudName.AzureChinaCloud, ChinaScope, [AksFeature.Core, AksFeature.UbuntuUpdates],
                [AksFeature.GpuNodePool, AksFeature.Defender] },
            { "usgov", AzureCloudName.AzureUSGovernment, USGovScope, [AksFeature.Core, AksFeature.UbuntuUpdates],
                [AksFeature.GpuNodePool, AksFeature.Defender] },
        };

        [Theory]
        [MemberData(nameof(Documents))]
        public async Task A_cluster_read_by_id_gives_rules_for_its_cloud_and_features(
            string document, AzureCloudName cloud, string scope, AksFeature[] present, AksFeature[] absent)
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, name) = LiveSupport.Serve(server, document);
            var arm = new LiveArm(server, cloud);

            var outcome = await new LiveClusterRules(new RuleRequest(), arm.Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.Equal(id, outcome.Target);
            Assert.NotEmpty(outcome.Rules);
            Assert.All(outcome.Rules, r =>
            {
                Assert.Equal(name, r.ClusterName);
                Assert.Equal(id, r.ClusterId);
                Assert.Equal(cloud, r.Cloud);
            });
            var features = LiveSupport.Features(outcome);
            Assert.All(present, f => Assert.Contains(f, features));
            Assert.All(absent, f => Assert.DoesNotContain(f, features));
            // The token was asked for this cloud's ARM audience, never another cloud's.
            Assert.NotEmpty(arm.Credential.Scopes);
            Assert.All(arm.Credential.Scopes, s => Assert.Equal(scope, s));
            // One read of the cluster and one of its extensions, nothing else.
            Assert.Equal(new[] { FakeRequestKind.ClusterGet, FakeRequestKind.ExtensionsList }, server.Requests.Select(r => r.Kind));
            Assert.All(server.Requests, r => Assert.True(r.Authorized));
        }

        [Theory]
        [InlineData("basic-public", "aks-basic-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io")]
        [InlineData("gpu-pool", "aks-gpu-dns-9c0d1e2f.hcp.eastus.azmk8s.io")]
        [InlineData("china", "aks-cn-dns-2b3c4d5e.hcp.chinaeast2.cx.prod.service.azk8s.cn")]
        [InlineData("usgov", "aks-gov-dns-6f7a8b9c.hcp.usgovvirginia.cx.aks.containerservice.azure.us")]
        public async Task A_public_cluster_gets_its_exact_api_server_host(string document, string fqdn)
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, document);
            var cloud = document == "china" ? AzureCloudName.AzureChinaCloud : document == "usgov" ? AzureCloudName.AzureUSGovernment : AzureCloudName.AzureCloud;

            var outcome = await new LiveClusterRules(new RuleRequest(), new LiveArm(server, cloud).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Contains(outcome.Rules, r => r.Destination == fqdn && r.Port == 443);
            Assert.DoesNotContain(outcome.Rules, r => r.Destination.StartsWith("*.hcp.", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_private_cluster_gets_no_api_server_rule()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "private");

            var outcome = await new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.NotEmpty(outcome.Rules);
            // The private FQDN resolves inside the virtual network: neither it nor a public API server host or address is a rule.
            Assert.DoesNotContain(outcome.Rules, r => r.Destination.Contains(".hcp.") || r.Destination.Contains("privatelink"));
            Assert.DoesNotContain(outcome.Rules, r => r.Destination == "APIServerPublicIP");
            Assert.DoesNotContain(outcome.Warnings, w => w.Contains("-ApiServerAddress"));
        }

        [Fact]
        public async Task A_china_cluster_gets_the_china_endpoints_and_no_public_ones()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "china");
            var arm = new LiveArm(server, AzureCloudName.AzureChinaCloud);

            var outcome = await new LiveClusterRules(new RuleRequest(), arm.Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Contains(outcome.Rules, r => r.Destination == "management.chinacloudapi.cn");
            Assert.DoesNotContain(outcome.Rules, r => r.Destination == "management.azure.com" || r.Destination.EndsWith("azmk8s.io", StringComparison.Ordinal));
            Assert.Equal(ChinaScope, Assert.Single(arm.Credential.Scopes.Distinct()));
        }
    }
}
