using AksEgress.Export;
using AksEgress.Planning;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>The three rule sets the golden files are made from, and helpers to export them.</summary>
    public static class ExportFixtures
    {
        public const string Public = "public";
        public const string ChinaPrivate = "china-private";
        public const string UsGov = "usgov";
        public static readonly string[] SetNames = { Public, ChinaPrivate, UsGov };

        /// <summary>A cluster name built to break every output format that does not escape.</summary>
        public const string HostileClusterName = "a\"b${x}'; rm -rf / #`$(id)` %{y} \\ [z] <b>|c|";

        public static IReadOnlyList<AksEgressRule> Rules(string set) => set switch
        {
            // Public planning set with add-ons; placeholders left unfilled so they become parameters.
            Public => Derive(new RulePlan
            {
                Location = "koreacentral",
                Features = new List<AksFeature> { AksFeature.Monitoring, AksFeature.KeyVaultSecretsProvider, AksFeature.Defender, AksFeature.AzurePolicy, AksFeature.ClusterExtensions, AksFeature.WorkloadIdentity },
            }),
            // A private cluster in Azure operated by 21Vianet.
            ChinaPrivate => Derive(new RulePlan
            {
                Cloud = AzureCloudName.AzureChinaCloud,
                Location = "chinaeast2",
                PrivateCluster = true,
                Features = new List<AksFeature> { AksFeature.Monitoring, AksFeature.AzurePolicy },
                ClusterName = "aks-cn-1",
                ClusterId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-cn/providers/Microsoft.ContainerService/managedClusters/aks-cn-1",
            }),
            // US Government with Windows and GPU pools, API server address and custom DNS known.
            UsGov => Derive(new RulePlan
            {
                Cloud = AzureCloudName.AzureUSGovernment,
                Location = "usgovvirginia",
                Features = new List<AksFeature> { AksFeature.WindowsNodePool, AksFeature.GpuNodePool, AksFeature.Monitoring },
                ApiServerAddress = "20.1.2.3",
                CustomDnsServers = new List<string> { "10.0.0.4", "10.0.0.5" },
                ClusterName = "aks-gov",
                ClusterId = "/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg-gov/providers/Microsoft.ContainerService/managedClusters/aks-gov",
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(set)),
        };

        /// <summary>Options used for every golden file: a node subnet as source, default priority and name.</summary>
        public static ExportOptions Options() => new() { SourceAddresses = new List<string> { "10.240.0.0/16" } };

        /// <summary>The public set once more for a second cluster whose name is hostile, merged into the same export.</summary>
        public static IReadOnlyList<AksEgressRule> HostileRules()
        {
            var second = Derive(new RulePlan { Location = "koreacentral", Features = new List<AksFeature> { AksFeature.Monitoring }, ClusterName = HostileClusterName, ClusterId = "/subscriptions/x/resourceGroups/y/providers/Microsoft.ContainerService/managedClusters/" + HostileClusterName });
            return Rules(Public).Concat(second).ToList();
        }

        /// <summary>
        /// Placeholders whose derived names collide: "My+Dns", "My-Dns" and "My_Dns" all read my_dns (and MyDns), and
        /// the first two also make the same rule name. Each must still get its own input in every format.
        /// </summary>
        public static readonly string[] CollidingPlaceholders = { "My+Dns", "My-Dns", "My_Dns" };

        public static IReadOnlyList<AksEgressRule> CollidingPlaceholderRules() => CollidingPlaceholders
            .Select(p => new AksEgressRule { RuleId = "custom-dns", Kind = RuleKind.Network, Destination = p, DestinationType = DestinationType.Placeholder, Protocol = RuleProtocol.UDP, Port = 53, Feature = AksFeature.Core })
            .ToList();

        public static ExportResult Export(string set, ExportFormat format, ExportOptions? options = null) =>
            RuleExporter.Export(Rules(set), format, options ?? Options());

        private static IReadOnlyList<AksEgressRule> Derive(RulePlan plan) => RuleDeriver.Default.Derive(plan).Rules;
    }
}
