using System.Text.Json;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// A cluster as a Resource Graph row: the ARM document's top-level properties with type lower-cased, plus the
    /// columns Resource Graph adds. Written straight from the stored element, since pages of 1,000 rows are common.
    /// </summary>
    internal static class ResourceGraphRow
    {
        public const string TenantId = "fedcba98-7654-3210-fedc-ba9876543210";

        private static readonly HashSet<string> Added =
            new(["subscriptionId", "resourceGroup", "tenantId", "extensionTypes"], StringComparer.OrdinalIgnoreCase);

        public static void Write(Utf8JsonWriter writer, StoredCluster cluster, string[] extensionTypes)
        {
            writer.WriteStartObject();
            foreach (var property in cluster.Root.EnumerateObject())
            {
                if (Added.Contains(property.Name))
                    continue;
                if (property.NameEquals("type") && property.Value.ValueKind == JsonValueKind.String)
                    writer.WriteString("type", property.Value.GetString()!.ToLowerInvariant());
                else
                    property.WriteTo(writer);
            }
            writer.WriteString("subscriptionId", cluster.Path.SubscriptionId);
            // Resource Graph lower-cases resource group names, whatever casing the resource id uses.
            writer.WriteString("resourceGroup", cluster.Path.ResourceGroup.ToLowerInvariant());
            writer.WriteString("tenantId", TenantId);
            writer.WriteStartArray("extensionTypes");
            foreach (var type in extensionTypes)
                writer.WriteStringValue(type);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }
}
