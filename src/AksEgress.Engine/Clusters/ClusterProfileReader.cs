using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AksEgress.Errors;
using AksEgress.Regions;
using static AksEgress.Clusters.PropertyTree;

namespace AksEgress.Clusters
{
    /// <summary>
    /// Reads a cluster from any of its shapes into a ClusterProfile. Input is a property tree: objects are
    /// IReadOnlyDictionary&lt;string, object?&gt; (keys matched case-insensitively), arrays IReadOnlyList&lt;object?&gt;,
    /// leaves string, bool, long, double or null. The PowerShell host builds that tree from piped objects.
    /// </summary>
    public static class ClusterProfileReader
    {
        private const string ManagedClusterType = "Microsoft.ContainerService/managedClusters";

        /// <summary>Features a Get-AzAksCluster object has no field for (Monitoring is added when no omsagent add-on is on).</summary>
        private static readonly AksFeature[] AzAksBlindSpots = { AksFeature.Defender, AksFeature.WorkloadIdentity, AksFeature.CostAnalysis };

        public static ClusterProfile Read(IReadOnlyDictionary<string, object?> cluster) => Read(cluster, null);

        /// <param name="cluster">The cluster's property tree.</param>
        /// <param name="endpointCloud">The cloud whose ARM endpoint the cluster was read from, used when no API-server FQDN names it.</param>
        public static ClusterProfile Read(IReadOnlyDictionary<string, object?> cluster, AzureCloudName? endpointCloud)
        {
            if (cluster == null) throw new ArgumentNullException(nameof(cluster));

            var id = String(cluster, "id");
            var name = String(cluster, "name");
            var who = id ?? name;

            var type = String(cluster, "type");
            if (type != null && !string.Equals(type, ManagedClusterType, StringComparison.OrdinalIgnoreCase))
            {
                throw new AksEgressInputException("NotAnAksCluster",
                    $"'{who ?? "(unnamed)"}' is a '{type}' resource, not an AKS cluster ({ManagedClusterType}). " +
                    "Pipe Get-AzAksCluster output, 'az aks show' output, or Search-AzGraph rows of type microsoft.containerservice/managedclusters instead.",
                    who, AksEgressErrorKind.InvalidData);
            }

            // ARM and Resource Graph keep the cluster's settings under "properties"; an Az.Aks object is flat.
            var properties = Object(cluster, "properties");
            var shape = properties == null
                ? ClusterShape.AzAksObject
                : Has(cluster, "tenantId") || Has(cluster, "subscriptionId") || Has(cluster, "resourceGroup")
                    ? ClusterShape.ResourceGraphRow
                    : ClusterShape.ArmJson;
            var settings = properties ?? cluster;

            var location = String(cluster, "location");
            if (location == null)
            {
                throw new AksEgressInputException("ClusterLocationMissing",
                    $"Cluster '{who ?? "(unnamed)"}' has no location, so its regional endpoints cannot be named. " +
                    "Pipe the whole cluster object (Get-AzAksCluster, 'az aks show', or a Search-AzGraph row including the location column).",
                    who, AksEgressErrorKind.InvalidData);
            }
            // An unknown region passes through: the deriver reports UnknownLocation with suggestions.
            location = RegionDirectory.Normalize(location);

            var fqdn = String(settings, "fqdn")?.ToLowerInvariant();
            var privateFqdn = String(settings, "privateFQDN")?.ToLowerInvariant();
            var isPrivate = IsTrue(settings, "apiServerAccessProfile", "enablePrivateCluster");

            var profile = new ClusterProfile
            {
                Shape = shape,
                Id = id,
                Name = name,
                Location = location,
                PrivateCluster = isPrivate,
                ApiServerFqdn = isPrivate ? privateFqdn ?? fqdn : fqdn,
                Cloud = CloudOf(fqdn) ?? CloudOf(privateFqdn) ?? endpointCloud ?? CloudOfRegion(location),
                OutboundType = String(settings, "networkProfile", "outboundType"),
                HttpProxy = ReadProxy(Object(settings, "httpProxyConfig")),
            };

            var features = new HashSet<AksFeature> { AksFeature.Core };
            ReadAddons(Object(settings, "addonProfiles"), features);
            if (IsTrue(settings, "securityProfile", "defender", "securityMonitoring", "enabled")) features.Add(AksFeature.Defender);
            if (IsTrue(settings, "securityProfile", "workloadIdentity", "enabled")) features.Add(AksFeature.WorkloadIdentity);
            if (IsTrue(settings, "azureMonitorProfile", "metrics", "enabled")) features.Add(AksFeature.Monitoring);
            if (IsTrue(settings, "metricsProfile", "costAnalysis", "enabled")) features.Add(AksFeature.CostAnalysis);
            ReadPools(List(settings, "agentPoolProfiles"), features);
            // "extensionTypes" is not an ARM property: our Resource Graph query projects it and a live read adds it from
            // Microsoft.KubernetesConfiguration/extensions. Its presence, even empty, means the extensions are known.
            profile.ExtensionsKnown = Has(cluster, "extensionTypes");
            var extensionTypes = (List(cluster, "extensionTypes") ?? new object?[0]).Select(AsString).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToArray();
            profile.ExtensionTypes = extensionTypes;
            if (extensionTypes.Length > 0) features.Add(AksFeature.ClusterExtensions);
            profile.Features = features;

            if (shape == ClusterShape.AzAksObject)
            {
                // A PSKubernetesCluster has no securityProfile, azureMonitorProfile or metricsProfile, so Defender,
                // workload identity and cost analysis cannot be seen. Monitoring can be seen only through the omsagent
                // add-on: when that is on it is known, otherwise Managed Prometheus (azureMonitorProfile) may still be on,
                // so Monitoring is reported as undetectable too. A feature that was seen anyway (a newer Az.Aks that
                // does carry a profile) is not reported as undetectable.
                var blind = new List<AksFeature>(AzAksBlindSpots);
                if (!features.Contains(AksFeature.Monitoring)) blind.Add(AksFeature.Monitoring);
                if (!profile.ExtensionsKnown) blind.Add(AksFeature.ClusterExtensions);
                profile.Undetectable = blind.Where(f => !features.Contains(f)).ToArray();
            }

            return profile;
        }

        public static ClusterProfile Read(JsonElement cluster)
        {
            if (JsonPropertyTree.Convert(cluster) is IReadOnlyDictionary<string, object?> tree) return Read(tree);
            throw new AksEgressInputException("NotAnAksCluster",
                $"Expected one cluster as a JSON object but received a JSON {cluster.ValueKind}. " +
                "Pass each cluster of 'az aks list' on its own, or use 'az aks show', Get-AzAksCluster, or Search-AzGraph rows of type microsoft.containerservice/managedclusters.",
                null, AksEgressErrorKind.InvalidData);
        }

        /// <summary>The cloud an API server host belongs to, from its domain; null when the host is absent or foreign.</summary>
        private static AzureCloudName? CloudOf(string? host)
        {
            if (host == null) return null;
            host = host.TrimEnd('.');
            if (EndsWithDomain(host, "azmk8s.io")) return AzureCloudName.AzureCloud;
            if (EndsWithDomain(host, "azk8s.cn")) return AzureCloudName.AzureChinaCloud; // cx.prod.service.azk8s.cn and older forms
            if (EndsWithDomain(host, "cx.aks.containerservice.azure.us")) return AzureCloudName.AzureUSGovernment;
            return null;
        }

        private static bool EndsWithDomain(string host, string domain) =>
            string.Equals(host, domain, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);

        /// <summary>Without an FQDN: the cloud whose region list has the location, the public cloud first; else the public cloud.</summary>
        private static AzureCloudName CloudOfRegion(string location)
        {
            var clouds = RegionDirectory.Default.CloudsWith(location).ToList();
            if (clouds.Count == 0 || clouds.Contains(AzureCloudName.AzureCloud)) return AzureCloudName.AzureCloud;
            return clouds[0];
        }

        private static void ReadAddons(IReadOnlyDictionary<string, object?>? addons, ISet<AksFeature> features)
        {
            if (addons == null) return;
            foreach (var addon in addons)
            {
                if (!IsTrue(addon.Value as IReadOnlyDictionary<string, object?>, "enabled")) continue;
                var feature = FeatureOfAddon(addon.Key);
                if (feature != null) features.Add(feature.Value);
            }
        }

        private static AksFeature? FeatureOfAddon(string key)
        {
            if (string.Equals(key, "omsagent", StringComparison.OrdinalIgnoreCase)) return AksFeature.Monitoring;
            if (string.Equals(key, "azurepolicy", StringComparison.OrdinalIgnoreCase)) return AksFeature.AzurePolicy;
            if (string.Equals(key, "azureKeyvaultSecretsProvider", StringComparison.OrdinalIgnoreCase)) return AksFeature.KeyVaultSecretsProvider;
            return null;
        }

        private static void ReadPools(IReadOnlyList<object?>? pools, ISet<AksFeature> features)
        {
            var poolObjects = pools?.OfType<IReadOnlyDictionary<string, object?>>().ToList();
            if (poolObjects == null || poolObjects.Count == 0)
            {
                features.Add(AksFeature.UbuntuUpdates); // nothing listed: assume the default Linux OS, Ubuntu
                return;
            }

            foreach (var pool in poolObjects)
            {
                var osType = String(pool, "osType");
                var osSku = String(pool, "osSKU");
                var vmSize = String(pool, "vmSize");

                var windows = string.Equals(osType, "Windows", StringComparison.OrdinalIgnoreCase)
                    || (osType == null && osSku != null && osSku.StartsWith("Windows", StringComparison.OrdinalIgnoreCase));
                if (windows)
                {
                    features.Add(AksFeature.WindowsNodePool);
                }
                else if (osSku == null || osSku.StartsWith("Ubuntu", StringComparison.OrdinalIgnoreCase))
                {
                    features.Add(AksFeature.UbuntuUpdates); // Ubuntu is the default osSKU of a Linux pool
                }

                if ((vmSize != null && vmSize.StartsWith("Standard_N", StringComparison.OrdinalIgnoreCase))
                    || String(pool, "gpuInstanceProfile") != null)
                {
                    features.Add(AksFeature.GpuNodePool);
                }
            }
        }

        private static HttpProxySettings? ReadProxy(IReadOnlyDictionary<string, object?>? config)
        {
            if (config == null) return null;
            var noProxy = (List(config, "noProxy") ?? new object?[0]).Select(AsString).Where(s => s != null).Select(s => s!).ToArray();
            var proxy = new HttpProxySettings
            {
                HttpProxy = String(config, "httpProxy"),
                HttpsProxy = String(config, "httpsProxy"),
                NoProxy = noProxy,
            };
            return proxy.HttpProxy == null && proxy.HttpsProxy == null && noProxy.Length == 0 ? null : proxy;
        }
    }
}
