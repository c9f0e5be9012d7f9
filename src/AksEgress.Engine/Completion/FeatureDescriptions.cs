using System.Collections.Generic;

namespace AksEgress.Completion
{
    /// <summary>
    /// One line per feature saying what choosing it adds, shown as the -Feature completion tooltip. The catalog
    /// describes each rule's purpose but not the features themselves, so these are our own summaries of the rows
    /// rules.json files under each feature.
    /// </summary>
    internal static class FeatureDescriptions
    {
        private static readonly Dictionary<AksFeature, string> Text = new Dictionary<AksFeature, string>
        {
            [AksFeature.Core] = "Always included: API server, container images, ARM and Entra ID sign-in, node packages, time sync.",
            [AksFeature.UbuntuUpdates] = "Ubuntu security and package update hosts for Linux nodes (recommended).",
            [AksFeature.GpuNodePool] = "GPU node pools: NVIDIA driver and container runtime downloads.",
            [AksFeature.WindowsNodePool] = "Windows Server node pools: Windows binaries, updates and certificate lists.",
            [AksFeature.WorkloadIdentity] = "Workload identity: token exchange with Microsoft Entra ID.",
            [AksFeature.Defender] = "Microsoft Defender for Containers: sensor sign-in and security event upload.",
            [AksFeature.KeyVaultSecretsProvider] = "Key Vault Secrets Store CSI driver: access to Azure Key Vault.",
            [AksFeature.Monitoring] = "Container insights and Managed Prometheus: Azure Monitor and Log Analytics ingestion.",
            [AksFeature.AzurePolicy] = "Azure Policy add-on: policy download, compliance reports and telemetry.",
            [AksFeature.CostAnalysis] = "Cost analysis add-on: Azure Resource Manager and Entra ID sign-in.",
            [AksFeature.ClusterExtensions] = "Cluster extensions: extension configuration, agent images and marketplace metering.",
            [AksFeature.DevSpaces] = "Azure Dev Spaces (retired): 2020 edition rules, listed only with -IncludeLegacy.",
        };

        /// <summary>The feature's line, or its name when a new feature has none yet (a test keeps that from shipping).</summary>
        public static string Of(AksFeature feature) => Text.TryGetValue(feature, out var line) ? line : feature.ToString();

        public static bool Has(AksFeature feature) => Text.ContainsKey(feature);
    }
}
