using System.Text.Json;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// The parts of a Resource Graph POST body the fake acts on. The KQL itself is not run: the fake only checks that
    /// it is about managed clusters, since every stored resource is one.
    /// </summary>
    internal sealed record ResourceGraphQuery(IReadOnlySet<string>? Subscriptions, int Top, int Offset)
    {
        private const string ClusterType = "microsoft.containerservice/managedclusters";

        /// <summary>The query, or null with the reason it would be a 400.</summary>
        public static ResourceGraphQuery? Parse(string body, out string error)
        {
            error = "";
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String
                    || !query.GetString()!.Contains(ClusterType, StringComparison.OrdinalIgnoreCase))
                    return Fail(out error, $"The fake runs no KQL: the query must name '{ClusterType}'.");
                HashSet<string>? subscriptions = null;
                if (root.TryGetProperty("subscriptions", out var subs) && subs.ValueKind != JsonValueKind.Null)
                    subscriptions = new HashSet<string>(
                        subs.EnumerateArray().Select(s => s.GetString()!), StringComparer.OrdinalIgnoreCase);
                var options = root.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
                var top = Int(options, "$top") ?? 1000;
                var offset = Int(options, "$skip") ?? 0;
                if (top < 1 || offset < 0)
                    return Fail(out error, "$top must be at least 1 and $skip at least 0.");
                if (options.ValueKind == JsonValueKind.Object && options.TryGetProperty("$skipToken", out var token)
                    && token.ValueKind == JsonValueKind.String && !SkipToken.TryDecode(token.GetString()!, out offset))
                    return Fail(out error, "The $skipToken is not one this server issued.");
                return new ResourceGraphQuery(subscriptions, top, offset);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return Fail(out error, "The request body is not a valid Resource Graph query: " + e.Message);
            }
        }

        private static int? Int(JsonElement options, string name) =>
            options.ValueKind == JsonValueKind.Object && options.TryGetProperty(name, out var value)
            && value.ValueKind != JsonValueKind.Null
                ? value.GetInt32()
                : null;

        private static ResourceGraphQuery? Fail(out string error, string message)
        {
            error = message;
            return null;
        }
    }
}
