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

        public static ClusterProfile Read(IReadOnlyDictionary<string, object?> cluster) => Read(cluster, null);

        /// <param name="cluster">The cluster's property tree.</param>
        /// <param name="statedCloud">
        /// The cloud the cluster is known to be in apart from the document: the cloud whose ARM endpoint it was read
        /// from, or -Cloud for a piped document. The API server's domain names the cloud first; this is used without one,
        /// and a domain of another cloud is refused as a contradiction.
        /// </param>
        public static ClusterProfile Read(IReadOnlyDictionary<string, object?> cluster, AzureCloudName? statedCloud)
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
            var properties = Object(cluster, "properties");
            if (type == null) RefuseWhatIsNoCluster(cluster, properties, who);

            var shape = ShapeOf(cluster, properties);
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
                Cloud = CloudFrom(who, location, fqdn ?? privateFqdn, statedCloud),
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

            profile.Undetectable = Unseen(shape, cluster, features, profile.ExtensionsKnown);
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

        /// <summary>
        /// Tells the shapes apart by what they hold. ARM and Resource Graph keep the settings under "properties" (a
        /// Resource Graph row also has tenantId, subscriptionId and resourceGroup columns). Flattened documents are
        /// 'az aks show' output when their keys are camelCase as the CLI prints them (agentPoolProfiles, fqdn,
        /// resourceGroup, which the CLI adds), and a Get-AzAksCluster object otherwise: PascalCase (AgentPoolProfiles,
        /// Fqdn, ResourceGroupName), or its ToJsonString() form, which keeps the computed resourceGroupName.
        /// </summary>
        internal static ClusterShape ShapeOf(IReadOnlyDictionary<string, object?> cluster, IReadOnlyDictionary<string, object?>? properties)
        {
            if (properties != null)
            {
                return Has(cluster, "tenantId") || Has(cluster, "subscriptionId") || Has(cluster, "resourceGroup")
                    ? ClusterShape.ResourceGraphRow
                    : ClusterShape.ArmJson;
            }
            if (Has(cluster, "resourceGroupName")) return ClusterShape.AzAksObject;
            foreach (var key in AzCliKeys)
            {
                if (HasExactKey(cluster, key)) return ClusterShape.AzCliOutput;
            }
            return ClusterShape.AzAksObject;
        }

        /// <summary>Keys as the Azure CLI prints them, which a Get-AzAksCluster object spells in PascalCase.</summary>
        private static readonly string[] AzCliKeys = { "resourceGroup", "agentPoolProfiles", "fqdn", "nodeResourceGroup", "kubernetesVersion", "dnsPrefix", "networkProfile" };

        /// <summary>
        /// What a shape cannot show. A Get-AzAksCluster object has no securityProfile, azureMonitorProfile or
        /// metricsProfile (unless a newer Az.Aks adds them), so Defender, workload identity and cost analysis are unseen,
        /// and Monitoring too unless the omsagent add-on shows it. 'az aks show' prints every profile its CLI knows, null
        /// when unset, so only a profile key missing altogether (an older CLI) leaves its features unseen. ARM documents
        /// omit what is not set, so there absence means off. Extensions: see ExtensionsKnown.
        /// </summary>
        private static IReadOnlyList<AksFeature> Unseen(ClusterShape shape, IReadOnlyDictionary<string, object?> cluster, ISet<AksFeature> features, bool extensionsKnown)
        {
            if (shape != ClusterShape.AzAksObject && shape != ClusterShape.AzCliOutput) return new AksFeature[0];
            var unseen = new List<AksFeature>();
            if (!Has(cluster, "securityProfile")) unseen.AddRange(new[] { AksFeature.Defender, AksFeature.WorkloadIdentity });
            if (!Has(cluster, "metricsProfile")) unseen.Add(AksFeature.CostAnalysis);
            if (!Has(cluster, "azureMonitorProfile")) unseen.Add(AksFeature.Monitoring);
            if (shape == ClusterShape.AzAksObject && !extensionsKnown) unseen.Add(AksFeature.ClusterExtensions);
            return unseen.Where(f => !features.Contains(f)).ToArray();
        }

        /// <summary>
        /// A document with no type must still look like a cluster: an empty object, a string's properties, an ARM or
        /// Resource Graph list page, or an unrelated object is refused here with what to pipe instead.
        /// </summary>
        private static void RefuseWhatIsNoCluster(IReadOnlyDictionary<string, object?> cluster, IReadOnlyDictionary<string, object?>? properties, string? who)
        {
            if (properties != null) return;
            foreach (var key in ClusterKeys)
            {
                if (Has(cluster, key)) return;
            }
            var items = List(cluster, "value");
            if (items != null)
            {
                throw new AksEgressInputException("NotAnAksCluster",
                    $"The piped object is a list page of {items.Count} resource(s) ('value'{(Has(cluster, "nextLink") ? " and 'nextLink'" : "")}), not one cluster. " +
                    "Pipe its clusters instead: $page.value | Get-AksEgressRule" + (Has(cluster, "nextLink") ? ", and read the page at nextLink for the rest." : "."),
                    who ?? "value", AksEgressErrorKind.InvalidData);
            }
            var rows = List(cluster, "data");
            if (rows != null && (Has(cluster, "totalRecords") || Has(cluster, "resultTruncated")))
            {
                throw new AksEgressInputException("NotAnAksCluster",
                    $"The piped object is a Resource Graph response of {rows.Count} row(s) ('data'), not one cluster. Pipe its rows instead: $response.data | Get-AksEgressRule (Search-AzGraph returns the rows themselves).",
                    who ?? "data", AksEgressErrorKind.InvalidData);
            }
            var shown = cluster.Count == 0 ? "has no properties at all" : "has none of an AKS cluster's properties (" + string.Join(", ", ClusterKeys.Take(6)) + ", ...)";
            throw new AksEgressInputException("NotAnAksCluster",
                $"The piped object{(who == null ? "" : $" '{who}'")} {shown}, so it is not an AKS cluster. " +
                "Pipe Get-AzAksCluster output, 'az aks show' output (ConvertFrom-Json), or Search-AzGraph rows of type microsoft.containerservice/managedclusters.",
                who, AksEgressErrorKind.InvalidData);
        }

        /// <summary>
        /// A first look at a piped object before any of it is copied: its top-level property names only. An object
        /// with none of a cluster's properties (a string, a file, a type, a script block) is refused here at once, so
        /// nothing of it is walked. <paramref name="objectText"/> says what it is, e.g. "a string", "a FileInfo object".
        /// </summary>
        public static void RefuseByNames(IReadOnlyCollection<string> names, string objectText)
        {
            foreach (var name in names)
            {
                if (string.Equals(name, "properties", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "type", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "value", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "data", StringComparison.OrdinalIgnoreCase)) return;
                foreach (var key in ClusterKeys)
                {
                    if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) return;
                }
            }
            throw new AksEgressInputException("NotAnAksCluster",
                $"The piped object is {objectText}, which has none of an AKS cluster's properties ({string.Join(", ", ClusterKeys.Take(6))}, ...). " +
                "Pipe Get-AzAksCluster output, 'az aks show' output (ConvertFrom-Json), or Search-AzGraph rows of type microsoft.containerservice/managedclusters.",
                null, AksEgressErrorKind.InvalidData);
        }

        /// <summary>Properties every shape of a cluster has at least one of, whatever else is missing.</summary>
        private static readonly string[] ClusterKeys = { "agentPoolProfiles", "fqdn", "privateFQDN", "dnsPrefix", "kubernetesVersion", "nodeResourceGroup", "networkProfile", "addonProfiles", "apiServerAccessProfile" };

        private static bool HasExactKey(IReadOnlyDictionary<string, object?> node, string key)
        {
            foreach (var pair in node)
            {
                if (string.Equals(pair.Key, key, StringComparison.Ordinal)) return true;
            }
            return false;
        }

        /// <summary>
        /// The cluster's cloud. The API server's domain names it; without one the stated cloud (the ARM endpoint read,
        /// or -Cloud), else the cloud whose regions hold the location. Two facts that disagree are refused, naming both,
        /// rather than deriving one cloud's rules for another cloud's cluster.
        /// </summary>
        private static AzureCloudName CloudFrom(string? who, string location, string? host, AzureCloudName? stated)
        {
            var name = who ?? "(unnamed)";
            var byHost = CloudOf(host);
            if (byHost != null)
            {
                if (stated != null && stated != byHost)
                {
                    throw new AksEgressInputException("ClusterCloudConflict",
                        $"Cluster '{name}': its API server host '{host}' is in the domain of {byHost}, but -Cloud (or the ARM endpoint it was read from) is {stated}. " +
                        $"A cluster's API server is in its own cloud: leave out -Cloud for this cluster, or give -Cloud {byHost}.",
                        who, AksEgressErrorKind.InvalidData);
                }
                var clouds = RegionDirectory.Default.CloudsWith(location).ToList();
                if (clouds.Count > 0 && !clouds.Contains(byHost.Value))
                {
                    throw new AksEgressInputException("ClusterFactsDisagree",
                        $"Cluster '{name}': its location '{location}' is a region of {clouds[0]}, but its API server host '{host}' is in the domain of {byHost}. " +
                        "The two facts of this document disagree (it was edited, or put together from two clusters), so no rules were derived. " +
                        "Read the cluster again (az aks show, Get-AzAksCluster, Search-AzGraph), or correct its location or fqdn, and pipe it again.",
                        who, AksEgressErrorKind.InvalidData);
                }
                return byHost.Value;
            }
            return stated ?? CloudOfRegion(location);
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
