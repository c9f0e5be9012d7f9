using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AksEgress.Benchmarks
{
    /// <summary>
    /// A fleet of realistic 'az aks show' documents, as UTF-8 bytes: each is one of the test suite's full ARM documents
    /// (tests/AksEgress.Engine.Tests/Clusters/Documents, embedded) with its own name, id, subscription, region,
    /// API-server FQDN hash and a few features switched per index, written indented as the CLI writes it.
    /// </summary>
    internal static class ClusterDocuments
    {
        private static readonly string[] PublicRegions =
            { "eastus", "westeurope", "koreacentral", "westus2", "northeurope", "southeastasia", "japaneast", "uksouth", "australiaeast", "centralindia" };
        private static readonly string[] ChinaRegions = { "chinaeast2", "chinanorth3" };
        private static readonly string[] GovernmentRegions = { "usgovvirginia", "usgovtexas", "usgovarizona" };
        private static readonly string[] KubernetesVersions = { "1.29.9", "1.30.6", "1.31.2" };
        private const string TemplateSubscription = "00000000-1111-2222-3333-444444444444";
        private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

        private sealed record Template(string File, string Text, string Name, string Location, string FqdnHash);

        public static byte[][] Build(int count)
        {
            var templates = LoadTemplates();
            var documents = new byte[count][];
            for (var i = 0; i < count; i++) documents[i] = Build(templates[i % templates.Length], i, i / templates.Length);
            return documents;
        }

        private static byte[] Build(Template template, int index, int variant)
        {
            var regions = template.Location.StartsWith("china", StringComparison.Ordinal) ? ChinaRegions
                : template.Location.StartsWith("usgov", StringComparison.Ordinal) ? GovernmentRegions
                : PublicRegions;
            var region = regions[variant % regions.Length];
            var name = $"{template.Name}-{index:D5}";
            var subscription = $"{index % 7 + 1:D8}-1111-2222-3333-444444444444";
            var hash = unchecked((uint)(index + 1) * 2654435761u).ToString("x8");
            // Every place the template names its cluster, region, subscription or FQDN hash (id, fqdn, node resource
            // group, identities, workspaces) changes together, as it would for a different cluster.
            var text = template.Text
                .Replace(template.FqdnHash, hash)
                .Replace(template.Name, name)
                .Replace(template.Location, region)
                .Replace(TemplateSubscription, subscription);

            var root = JsonNode.Parse(text)!.AsObject();
            var properties = root["properties"]!.AsObject();
            root["tags"] = new JsonObject { ["env"] = variant % 2 == 0 ? "prod" : "test", ["team"] = $"team-{index % 13}" };
            var version = KubernetesVersions[variant % KubernetesVersions.Length];
            properties["kubernetesVersion"] = version;
            properties["currentKubernetesVersion"] = version;

            // Features switched per index on top of the template's own: Container insights, Azure Policy,
            // workload identity and cost analysis, so the fleet has many plan shapes, not eleven.
            var addons = properties["addonProfiles"] as JsonObject ?? new JsonObject();
            properties["addonProfiles"] = addons;
            if (variant % 4 == 1 && !addons.ContainsKey("omsagent"))
            {
                addons["omsagent"] = new JsonObject
                {
                    ["enabled"] = true,
                    ["config"] = new JsonObject
                    {
                        ["logAnalyticsWorkspaceResourceID"] = $"/subscriptions/{subscription}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-{region}",
                        ["useAADAuth"] = "true",
                    },
                };
            }
            if (addons["azurepolicy"] is JsonObject policy) policy["enabled"] = variant % 3 == 2 || (policy["enabled"]?.GetValue<bool>() ?? false);
            if (variant % 5 == 3)
            {
                var security = properties["securityProfile"] as JsonObject ?? new JsonObject();
                properties["securityProfile"] = security;
                security["workloadIdentity"] = new JsonObject { ["enabled"] = true };
                properties["oidcIssuerProfile"] = new JsonObject { ["enabled"] = true, ["issuerURL"] = $"https://{region}.oic.prod-aks.azure.com/{subscription}/{hash}/" };
            }
            if (variant % 7 == 4 && properties["metricsProfile"]?["costAnalysis"] is JsonObject cost) cost["enabled"] = true;

            return Encoding.UTF8.GetBytes(root.ToJsonString(Indented));
        }

        private static Template[] LoadTemplates()
        {
            var assembly = typeof(ClusterDocuments).Assembly;
            var templates = new List<Template>();
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Documents.", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var text = reader.ReadToEnd();
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                var properties = root.GetProperty("properties");
                var fqdn = (properties.TryGetProperty("privateFQDN", out var p) && p.ValueKind == JsonValueKind.String ? p : properties.GetProperty("fqdn")).GetString()!;
                var hash = Regex.Match(fqdn, "-dns-([0-9a-f]{8})\\.").Groups[1].Value;
                if (hash.Length == 0) throw new InvalidOperationException($"{resource}: no '-dns-xxxxxxxx.' hash in its FQDN '{fqdn}'.");
                templates.Add(new Template(resource, text, root.GetProperty("name").GetString()!, root.GetProperty("location").GetString()!, hash));
            }
            if (templates.Count == 0) throw new InvalidOperationException("No embedded cluster documents (Documents.*.json) in the benchmark assembly.");
            return templates.ToArray();
        }
    }
}
