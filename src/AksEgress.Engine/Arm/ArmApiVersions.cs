namespace AksEgress.Arm
{
    /// <summary>
    /// The REST api-versions this module was built and tested against. Pinned so a service-side default can
    /// never change what a property means under us; raise them deliberately, with the cluster documents in the tests.
    /// </summary>
    public static class ArmApiVersions
    {
        /// <summary>Microsoft.ContainerService/managedClusters (GET and outboundNetworkDependenciesEndpoints).</summary>
        public const string ManagedClusters = "2025-10-01";

        /// <summary>Microsoft.KubernetesConfiguration/extensions, listed under a cluster.</summary>
        public const string ClusterExtensions = "2024-11-01";

        /// <summary>Microsoft.ResourceGraph/resources (POST query).</summary>
        public const string ResourceGraph = "2022-10-01";
    }
}
