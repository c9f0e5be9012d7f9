namespace AksEgress.Planning
{
    /// <summary>A feature as a cluster has it, for sentences such as "this cluster has a GPU node pool".</summary>
    internal static class FeatureText
    {
        public static string Of(AksFeature feature)
        {
            switch (feature)
            {
                case AksFeature.GpuNodePool: return "a GPU node pool (an N-series vmSize or a gpuInstanceProfile in agentPoolProfiles)";
                case AksFeature.WindowsNodePool: return "a Windows node pool (osType Windows in agentPoolProfiles)";
                case AksFeature.UbuntuUpdates: return "an Ubuntu node pool";
                case AksFeature.Monitoring: return "Azure Monitor (the omsagent add-on or azureMonitorProfile)";
                case AksFeature.Defender: return "Microsoft Defender for Containers (securityProfile.defender)";
                case AksFeature.WorkloadIdentity: return "workload identity (securityProfile.workloadIdentity)";
                case AksFeature.KeyVaultSecretsProvider: return "the Key Vault secrets provider add-on";
                case AksFeature.AzurePolicy: return "the Azure Policy add-on";
                case AksFeature.CostAnalysis: return "cost analysis (metricsProfile.costAnalysis)";
                case AksFeature.ClusterExtensions: return "cluster extensions";
                case AksFeature.DevSpaces: return "Azure Dev Spaces";
                default: return "the core rules";
            }
        }
    }
}
