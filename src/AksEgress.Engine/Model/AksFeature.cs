namespace AksEgress
{
    /// <summary>
    /// What a rule is for. Core applies to every cluster; the others to clusters that use that add-on,
    /// node pool type or integration. The declaration order is the order rules are listed in.
    /// </summary>
    public enum AksFeature
    {
        Core,
        UbuntuUpdates,
        GpuNodePool,
        WindowsNodePool,
        WorkloadIdentity,
        Defender,
        KeyVaultSecretsProvider,
        Monitoring,
        AzurePolicy,
        CostAnalysis,
        ClusterExtensions,
        /// <summary>Azure Dev Spaces: only the 2020 edition lists it (the service is retired).</summary>
        DevSpaces,
    }
}
