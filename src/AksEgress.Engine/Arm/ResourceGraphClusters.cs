using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AksEgress.Clusters;

namespace AksEgress.Arm
{
    /// <summary>
    /// Every AKS cluster the caller can see, from Azure Resource Graph, a page of up to 1,000 at a time. The
    /// query joins each cluster's installed extensions, so a fleet costs one request per 1,000 clusters and
    /// nothing per cluster.
    /// </summary>
    public sealed class ResourceGraphClusters
    {
        /// <summary>
        /// Clusters with their extension types. extensionTypes is always present (empty when none), which tells
        /// the profile reader the extensions are known. Sorted by id so $skipToken pages are stable.
        /// </summary>
        public const string Query =
            "resources\n" +
            "| where type =~ 'microsoft.containerservice/managedclusters'\n" +
            "| extend clusterKey = tolower(id)\n" +
            "| join kind=leftouter (\n" +
            "    kubernetesconfigurationresources\n" +
            "    | where type =~ 'microsoft.kubernetesconfiguration/extensions' and id contains '/microsoft.containerservice/managedclusters/'\n" +
            "    | extend clusterKey = tolower(strcat_array(array_slice(split(id, '/'), 0, 8), '/'))\n" +
            "    | summarize extensionTypes = make_set(tostring(properties.extensionType)) by clusterKey\n" +
            "  ) on clusterKey\n" +
            "| project id, name, type, location, tenantId, subscriptionId, resourceGroup, properties,\n" +
            "    extensionTypes = iff(isnull(extensionTypes), dynamic([]), extensionTypes)\n" +
            "| order by id asc";

        private readonly ArmClient _arm;

        public ResourceGraphClusters(ArmClient arm) => _arm = arm;

        /// <summary>
        /// Calls <paramref name="onPage"/> with each page's rows, in order, until Resource Graph has no $skipToken.
        /// Rows are property trees; a row that is not an object is passed as null so the caller can report it.
        /// </summary>
        /// <param name="subscriptions">Subscriptions to search; null or empty searches every subscription the caller can see.</param>
        public async Task QueryAsync(IReadOnlyList<string>? subscriptions, Func<ResourceGraphPage, Task> onPage, CancellationToken cancel)
        {
            var uri = _arm.UriFor("providers/Microsoft.ResourceGraph/resources", ArmApiVersions.ResourceGraph);
            string? skipToken = null;
            for (var number = 1; number <= ArmPaging.MaxPages; number++)
            {
                ResourceGraphPage page;
                using (var document = await _arm.PostAsync(uri, Body(subscriptions, skipToken), cancel).ConfigureAwait(false))
                {
                    page = ReadPage(document.RootElement, number, out skipToken);
                }
                await onPage(page).ConfigureAwait(false);
                if (skipToken == null) return;
            }
        }

        private byte[] Body(IReadOnlyList<string>? subscriptions, string? skipToken)
        {
            using (var stream = new MemoryStream())
            {
                using (var json = new Utf8JsonWriter(stream))
                {
                    json.WriteStartObject();
                    if (subscriptions != null && subscriptions.Count > 0)
                    {
                        json.WriteStartArray("subscriptions");
                        foreach (var subscription in subscriptions) json.WriteStringValue(subscription);
                        json.WriteEndArray();
                    }
                    json.WriteString("query", Query);
                    json.WriteStartObject("options");
                    json.WriteNumber("$top", _arm.Options.ResourceGraphPageSize);
                    if (skipToken != null) json.WriteString("$skipToken", skipToken);
                    json.WriteString("resultFormat", "objectArray");
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                return stream.ToArray();
            }
        }

        private static ResourceGraphPage ReadPage(JsonElement root, int number, out string? skipToken)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new ArmRequestException(ArmFailureReason.MalformedResponse, 200, null,
                    "Resource Graph answered without a 'data' array (objectArray result format expected)");
            }
            skipToken = root.TryGetProperty("$skipToken", out var token) && token.ValueKind == JsonValueKind.String && token.GetString()!.Length > 0
                ? token.GetString()
                : null;
            long? total = root.TryGetProperty("totalRecords", out var totalElement) && totalElement.TryGetInt64(out var count) ? count : (long?)null;

            var rows = new List<IReadOnlyDictionary<string, object?>?>(data.GetArrayLength());
            foreach (var row in data.EnumerateArray()) rows.Add(JsonPropertyTree.Convert(row) as IReadOnlyDictionary<string, object?>);
            return new ResourceGraphPage(number, rows, total);
        }
    }

    /// <summary>One page of Resource Graph rows.</summary>
    public sealed class ResourceGraphPage
    {
        public ResourceGraphPage(int number, IReadOnlyList<IReadOnlyDictionary<string, object?>?> rows, long? totalRecords)
        {
            Number = number;
            Rows = rows;
            TotalRecords = totalRecords;
        }

        public int Number { get; }
        public IReadOnlyList<IReadOnlyDictionary<string, object?>?> Rows { get; }
        /// <summary>How many rows the whole query has, as Resource Graph counted them; null when not given.</summary>
        public long? TotalRecords { get; }
    }
}
