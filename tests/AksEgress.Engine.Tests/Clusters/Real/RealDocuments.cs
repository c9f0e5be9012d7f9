using System.Text.Json;
using System.Text.Json.Nodes;
using AksEgress.Clusters;
using AksEgress.Engine.Tests.Export;

namespace AksEgress.Tests.Clusters.Real
{
    /// <summary>
    /// Documents nobody on this project wrote, kept in tests/RealDocuments with their sources in SOURCES.md there:
    /// Azure REST API specification examples, real Azure CLI output, and two documents derived from them by the CLI's
    /// own rules (marked "derived").
    /// </summary>
    internal static class RealDocuments
    {
        public static string PathOf(string relative) => Path.Combine(ExternalTool.RepositoryRoot(), "tests", "RealDocuments", relative);

        public static JsonNode Node(string relative) => JsonNode.Parse(File.ReadAllText(PathOf(relative)))!;

        public static IReadOnlyDictionary<string, object?> Tree(JsonNode node) =>
            (IReadOnlyDictionary<string, object?>)JsonPropertyTree.Convert(JsonSerializer.SerializeToElement(node))!;

        public static IReadOnlyDictionary<string, object?> Tree(string relative) => Tree(Node(relative));

        /// <summary>A specification example with its placeholder location ("location1") replaced by the region its fqdn names.</summary>
        public static IReadOnlyDictionary<string, object?> SpecCluster(string relative, string location = "eastus")
        {
            var node = Node(relative);
            node["location"] = location;
            return Tree(node);
        }

        public const string AzPublic2019 = "az-cli/azure-public_eastus_az-aks-create_2019_hacker65536-myit.json";
        public const string AzUsGov2019 = "az-cli/azure-us-gov_usgovvirginia_az-aks-create_wallenc-deployAKS-README.json";
        public const string AzUsGovCustomVnet = "az-cli/azure-us-gov_usgovvirginia_az-aks-create_custom-vnet_wallenc-deployAKS.json";
        public const string AzPublicCurrent = "az-cli/derived_azure-public_eastus_az-aks-show_from-ManagedClustersGet-2026-04-01.json";
        public const string AzChinaCurrent = "az-cli/derived_azure-china_chinaeast2_az-aks-show.json";
        public const string ArmGet = "aks-arm/2026-04-01_ManagedClustersGet.200.body.json";
        public const string ArmSecurity = "aks-arm/2026-03-01_ManagedClustersCreate_SecurityProfile.200.body.json";
        public const string ArmGpu = "aks-arm/2026-04-01_ManagedClustersCreate_GPUMIG.200.body.json";
        public const string ArmList = "aks-arm/2026-02-01_ManagedClustersList.200.body.json";
        public const string ArmRecordedPrivate = "aks-arm/recorded/azure-cli-recording_westus2_private-cluster-no-public-fqdn_GET_2021-10-01.json";
        public const string GraphFirstPage = "resource-graph/2024-04-01_ResourcesFirstPageQuery.200.body.json";
        public const string Outbound = "aks-arm/2026-01-01_OutboundNetworkDependenciesEndpointsList.200.body.json";
    }
}
