using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AksEgress.Clusters;

namespace AksEgress.Arm
{
    /// <summary>The three ARM reads about one cluster: the cluster, its extensions, its service-reported endpoints.</summary>
    public sealed class ClusterReads
    {
        private readonly ArmClient _arm;

        public ClusterReads(ArmClient arm) => _arm = arm;

        /// <summary>The cluster document as a property tree (a mutable dictionary, so callers can add what ARM keeps elsewhere).</summary>
        public async Task<Dictionary<string, object?>> GetClusterAsync(string clusterId, CancellationToken cancel)
        {
            using (var document = await _arm.GetAsync(_arm.UriFor(clusterId, ArmApiVersions.ManagedClusters), cancel).ConfigureAwait(false))
            {
                if (JsonPropertyTree.Convert(document.RootElement) is Dictionary<string, object?> tree) return tree;
                throw new ArmRequestException(ArmFailureReason.MalformedResponse, 200, null,
                    $"ARM answered with a JSON {document.RootElement.ValueKind} instead of the cluster object");
            }
        }

        /// <summary>The extensionType of every Microsoft.KubernetesConfiguration extension installed on the cluster.</summary>
        public async Task<IReadOnlyList<string>> ListExtensionTypesAsync(string clusterId, CancellationToken cancel)
        {
            var types = new List<string>();
            await ForEachPageAsync(_arm.UriFor(clusterId + "/providers/Microsoft.KubernetesConfiguration/extensions", ArmApiVersions.ClusterExtensions), root =>
            {
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var extension in value.EnumerateArray()) AddType(extension, types);
                }
            }, cancel).ConfigureAwait(false);
            return types;
        }

        /// <summary>The endpoints AKS itself reports the cluster's nodes reach, every page.</summary>
        public async Task<IReadOnlyList<ServiceEndpoint>> ListServiceEndpointsAsync(string clusterId, CancellationToken cancel)
        {
            var endpoints = new List<ServiceEndpoint>();
            await ForEachPageAsync(_arm.UriFor(clusterId + "/outboundNetworkDependenciesEndpoints", ArmApiVersions.ManagedClusters),
                root => endpoints.AddRange(ServiceEndpointReader.ReadPage(root, out _)), cancel).ConfigureAwait(false);
            return endpoints;
        }

        /// <summary>Hands each page of an ARM list to <paramref name="read"/> while the document is alive, following nextLink.</summary>
        private async Task ForEachPageAsync(Uri? uri, Action<JsonElement> read, CancellationToken cancel)
        {
            for (var page = 0; uri != null && page < ArmPaging.MaxPages; page++)
            {
                using (var document = await _arm.GetAsync(uri, cancel).ConfigureAwait(false))
                {
                    read(document.RootElement);
                    uri = ArmPaging.NextLink(document.RootElement, _arm.Cloud);
                }
            }
        }

        private static void AddType(JsonElement extension, List<string> types)
        {
            if (extension.ValueKind == JsonValueKind.Object
                && extension.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("extensionType", out var type) && type.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(type.GetString()))
            {
                types.Add(type.GetString()!);
            }
        }
    }
}
