namespace AksEgress.Clusters
{
    /// <summary>
    /// The cluster whose service-reported endpoints are merged: the rules made for endpoints the catalog lacks carry
    /// its cloud, location, name and id, like the rules derived for it.
    /// </summary>
    public sealed class ServiceMergeContext
    {
        public AzureCloudName Cloud { get; set; } = AzureCloudName.AzureCloud;
        /// <summary>The cluster's region, as the derived rules carry it (for example "eastus").</summary>
        public string Location { get; set; } = "";
        public string? ClusterName { get; set; }
        /// <summary>The cluster's ARM id.</summary>
        public string? ClusterId { get; set; }
        /// <summary>The cluster's proxy, carried by the rules made for service-only endpoints too.</summary>
        public Planning.ClusterProxyColumns? ClusterProxy { get; set; }
        /// <summary>
        /// Every catalog rule of the cluster's cloud and region, whatever the feature, edition or requirement: a reported
        /// endpoint that no derived rule matches is looked up here before it is called "not in the catalog".
        /// </summary>
        public System.Collections.Generic.IReadOnlyList<AksEgressRule> CatalogRules { get; set; } = new AksEgressRule[0];
        /// <summary>The features seen on the cluster, to say whether it has the feature a catalog match belongs to.</summary>
        public System.Collections.Generic.ICollection<AksFeature> ClusterFeatures { get; set; } = new AksFeature[0];
    }
}
