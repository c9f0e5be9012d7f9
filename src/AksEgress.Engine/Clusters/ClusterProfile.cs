using System.Collections.Generic;
using AksEgress.Planning;

namespace AksEgress.Clusters
{
    /// <summary>The input shapes a cluster can arrive in.</summary>
    public enum ClusterShape
    {
        /// <summary>ARM REST GET (Invoke-AzRestMethod, az rest, Get-AzResource): settings under "properties".</summary>
        ArmJson,
        /// <summary>A Get-AzAksCluster object (Az.Aks PSKubernetesCluster): PascalCase, flattened, no security/monitoring profiles.</summary>
        AzAksObject,
        /// <summary>A Search-AzGraph row: ARM shape with tenantId/subscriptionId/resourceGroup columns, "type" possibly lower-case.</summary>
        ResourceGraphRow,
        /// <summary>'az aks show' / 'az aks list' output: camelCase, flattened, with "resourceGroup" added by the CLI.</summary>
        AzCliOutput,
    }

    /// <summary>How a shape is named to the user (never the enum name).</summary>
    public static class ClusterShapeText
    {
        public static string Describe(ClusterShape shape)
        {
            switch (shape)
            {
                case ClusterShape.AzAksObject: return "a Get-AzAksCluster object";
                case ClusterShape.ResourceGraphRow: return "a Search-AzGraph row";
                case ClusterShape.AzCliOutput: return "'az aks show' output";
                default: return "an ARM document";
            }
        }
    }

    /// <summary>The cluster's HTTP proxy settings (httpProxyConfig), kept for the probe command.</summary>
    public sealed class HttpProxySettings
    {
        public string? HttpProxy { get; set; }
        public string? HttpsProxy { get; set; }
        public IReadOnlyList<string> NoProxy { get; set; } = new string[0];
    }

    /// <summary>What a cluster is, as far as its egress rules go, whatever shape it was read from.</summary>
    public sealed class ClusterProfile
    {
        public ClusterShape Shape { get; set; }
        public string? Id { get; set; }
        public string? Name { get; set; }
        public AzureCloudName Cloud { get; set; }
        public string Location { get; set; } = "";
        public bool PrivateCluster { get; set; }
        /// <summary>The exact API server host (fqdn, or privateFQDN for a private cluster).</summary>
        public string? ApiServerFqdn { get; set; }
        /// <summary>Features detected, Core included.</summary>
        public ISet<AksFeature> Features { get; set; } = new HashSet<AksFeature> { AksFeature.Core };
        /// <summary>Ubuntu when any Linux pool runs it (its package updates are then needed), else Azure Linux.</summary>
        public LinuxOsSku OsSku => Features.Contains(AksFeature.UbuntuUpdates) ? LinuxOsSku.Ubuntu : LinuxOsSku.AzureLinux;
        public string? OutboundType { get; set; }
        public HttpProxySettings? HttpProxy { get; set; }
        /// <summary>Whether installed cluster extensions were looked up (a live read or our Resource Graph query); a piped document does not list them.</summary>
        public bool ExtensionsKnown { get; set; }
        /// <summary>The extension types installed (for example microsoft.flux), when known.</summary>
        public IReadOnlyList<string> ExtensionTypes { get; set; } = new string[0];
        /// <summary>Features this input shape cannot show (an Az.Aks object has no security or monitoring profile).</summary>
        public IReadOnlyList<AksFeature> Undetectable { get; set; } = new AksFeature[0];

        /// <summary>The plan that derives this cluster's rules.</summary>
        public RulePlan ToPlan(ICollection<RuleRequirement> requirements, bool includeLegacy)
        {
            var features = new List<AksFeature>(Features);
            features.Remove(AksFeature.UbuntuUpdates); // decided by OsSku below, as for a planned cluster
            return new RulePlan
            {
                Cloud = Cloud,
                Location = Location,
                Features = features,
                OsSku = OsSku,
                PrivateCluster = PrivateCluster,
                ApiServerFqdn = PrivateCluster ? null : ApiServerFqdn,
                Requirements = requirements,
                IncludeLegacy = includeLegacy,
                ClusterName = Name,
                ClusterId = Id,
                ClusterProxy = ClusterProxyColumns.From(HttpProxy),
                FromClusterDocument = true,
            };
        }
    }
}
