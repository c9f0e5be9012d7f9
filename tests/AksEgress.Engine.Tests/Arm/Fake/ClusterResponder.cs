using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>The answers about one cluster: its document, its extensions and its outbound endpoint pages.</summary>
    internal sealed class ClusterResponder(FakeArmState state)
    {
        private const string EmptyList = """{"value":[]}""";

        /// <param name="baseUri">Where this server listens, for nextLink; ends with '/'.</param>
        public FakeResponse Answer(ArmPath path, HttpRequest request, Uri baseUri)
        {
            var clusterId = path.ClusterId!;
            // Denial comes first: ARM checks access to a scope before it looks for the resource.
            if (state.IsDenied(clusterId))
                return ArmErrors.Denied(clusterId);
            if (state.Find(clusterId) is not { } cluster)
                return ArmErrors.ClusterNotFound(path);
            return path.Kind switch
            {
                FakeRequestKind.ClusterGet => FakeResponse.Json(200, cluster.Utf8Json),
                FakeRequestKind.ExtensionsList => Extensions(clusterId),
                _ => OutboundPage(clusterId, request, baseUri),
            };
        }

        private FakeResponse Extensions(string clusterId)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var value = new List<object>();
            foreach (var type in state.ExtensionTypes(clusterId))
            {
                var name = UniqueName(type, names);
                value.Add(new
                {
                    id = $"{clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/{name}",
                    name,
                    type = "Microsoft.KubernetesConfiguration/extensions",
                    properties = new { extensionType = type, provisioningState = "Succeeded" },
                });
            }
            return FakeResponse.Json(200, JsonSerializer.SerializeToUtf8Bytes(new { value }));
        }

        /// <summary>An extension's name as users tend to pick it: the type's last part ("microsoft.flux" → "flux").</summary>
        private static string UniqueName(string extensionType, HashSet<string> taken)
        {
            var name = extensionType[(extensionType.LastIndexOf('.') + 1)..].ToLowerInvariant();
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
                unique = $"{name}-{n}";
            return unique;
        }

        private FakeResponse OutboundPage(string clusterId, HttpRequest request, Uri baseUri)
        {
            var pages = state.OutboundPages(clusterId) ?? [];
            var pageText = request.Query["page"].ToString();
            var page = 1;
            if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page)
                                        || page < 1 || page > Math.Max(pages.Length, 1)))
                return ArmErrors.BadRequest($"'{pageText}' is not a page of this list.");
            if (pages.Length == 0)
                return FakeResponse.Json(200, EmptyList);
            if (page == pages.Length)
                return FakeResponse.Json(200, pages[page - 1]);
            var body = JsonNode.Parse(pages[page - 1])!.AsObject();
            var apiVersion = Uri.EscapeDataString(request.Query["api-version"].ToString());
            body["nextLink"] = new Uri(baseUri, $"{request.Path.ToUriComponent()}?api-version={apiVersion}&page={page + 1}").AbsoluteUri;
            return FakeResponse.Json(200, body.ToJsonString());
        }
    }
}
