using System.Text.Json;
using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>Shared inputs and small checks for the live ARM tests: documents, piped objects, outcome views.</summary>
    internal static class LiveSupport
    {
        public const string Sub = "00000000-1111-2222-3333-444444444444";

        /// <summary>A token distinctive enough that finding it anywhere in output can only mean it leaked.</summary>
        public const string SecretToken = "SECRET-TOKEN-do-not-print-1234";

        /// <summary>One of tests/…/Clusters/Documents, with its id and name.</summary>
        public static (string Json, string Id, string Name) Document(string name)
        {
            var json = LiveArm.DocumentText(name);
            using var document = JsonDocument.Parse(json);
            return (json, document.RootElement.GetProperty("id").GetString()!, document.RootElement.GetProperty("name").GetString()!);
        }

        /// <summary>Serves the document and returns its id and cluster name.</summary>
        public static (string Id, string Name) Serve(FakeArmServer server, string document)
        {
            var (json, id, name) = Document(document);
            server.AddCluster(json);
            return (id, name);
        }

        /// <summary>An ARM document (as 'az aks show' prints it) as the property tree the host builds from it.</summary>
        public static IReadOnlyDictionary<string, object?> Tree(string json)
        {
            using var document = JsonDocument.Parse(json);
            return (IReadOnlyDictionary<string, object?>)JsonPropertyTree.Convert(document.RootElement)!;
        }

        public static Dictionary<string, object?> Map(params (string Key, object? Value)[] pairs)
        {
            var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in pairs) map[key] = value;
            return map;
        }

        /// <summary>
        /// A Get-AzAksCluster (PSKubernetesCluster) object as the host copies it: PascalCase and flat, with no
        /// security, monitoring or metrics profile (the shape of ClusterProfileReaderTests' AzAks helper).
        /// </summary>
        public static Dictionary<string, object?> AzAks(string id, string name, string location = "koreacentral", string? fqdn = null) => Map(
            ("Id", id),
            ("Name", name),
            ("Type", "Microsoft.ContainerService/ManagedClusters"),
            ("Location", location),
            ("ProvisioningState", "Succeeded"),
            ("KubernetesVersion", "1.30.6"),
            ("DnsPrefix", name + "-dns"),
            ("Fqdn", fqdn ?? $"{name}-dns-1a2b3c4d.hcp.{location}.azmk8s.io"),
            ("PrivateFQDN", null),
            ("ApiServerAccessProfile", null),
            ("AddonProfiles", null),
            ("AgentPoolProfiles", new List<object?>
            {
                Map(("Name", "system"), ("Count", 3L), ("VmSize", "Standard_D4ds_v5"), ("OsType", "Linux"), ("OsSKU", "Ubuntu"), ("Mode", "System")),
            }),
            ("NetworkProfile", Map(("NetworkPlugin", "azure"), ("OutboundType", "loadBalancer"), ("LoadBalancerSku", "standard"))),
            ("NodeResourceGroup", $"MC_rg_{name}_{location}"),
            ("EnableRBAC", true));

        public static ISet<AksFeature> Features(ClusterOutcome outcome) => outcome.Rules.Select(r => r.Feature).ToHashSet();

        public static IReadOnlyList<RecordedRequest> Of(this IReadOnlyList<RecordedRequest> requests, FakeRequestKind kind) =>
            requests.Where(r => r.Kind == kind).ToList();

        /// <summary>The one cluster an outcome is about: its rules' ClusterId, else its error's target.</summary>
        public static string ClusterOf(ClusterOutcome outcome)
        {
            if (outcome.Error != null)
            {
                Assert.Empty(outcome.Rules);
                return Assert.IsType<string>(outcome.Error.Target);
            }
            Assert.NotEmpty(outcome.Rules);
            return Assert.Single(outcome.Rules.Select(r => r.ClusterId).Distinct(StringComparer.OrdinalIgnoreCase))!;
        }

        /// <summary>
        /// Every line of text the user could see from these outcomes and this run: error messages, warnings, the
        /// -Verbose request log.
        /// </summary>
        public static IEnumerable<string> VisibleText(LiveArm arm, IEnumerable<ClusterOutcome> outcomes, IEnumerable<Exception>? thrown = null)
        {
            foreach (var outcome in outcomes)
            {
                if (outcome.Error != null)
                {
                    yield return outcome.Error.Message;
                    yield return outcome.Error.ErrorId;
                    yield return outcome.Error.Target?.ToString() ?? "";
                    yield return outcome.Error.ToString();
                }
                foreach (var warning in outcome.Warnings) yield return warning;
                foreach (var rule in outcome.Rules) yield return $"{rule.Destination} {rule.Condition} {rule.ClusterId}";
            }
            foreach (var ex in thrown ?? Array.Empty<Exception>()) yield return ex.ToString();
            foreach (var line in arm.Log) yield return line;
        }
    }
}
