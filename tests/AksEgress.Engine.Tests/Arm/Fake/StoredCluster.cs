using System.Text.Json;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// One cluster added to the fake: the bytes as given (a GET returns exactly those) and the parsed root (Resource
    /// Graph rows are written from it), parsed once at add time so fleets of thousands stay cheap to page through.
    /// </summary>
    internal sealed record StoredCluster(ArmPath Path, byte[] Utf8Json, JsonElement Root)
    {
        public static StoredCluster Parse(string armJson)
        {
            using var document = JsonDocument.Parse(armJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                throw new ArgumentException("An ARM managedClusters document needs a string \"id\".", nameof(armJson));
            if (!ArmPath.TryParseClusterId(id.GetString()!, out var path))
                throw new ArgumentException($"'{id.GetString()}' is not a managedClusters resource id.", nameof(armJson));
            // Clone detaches the element from the pooled document, so it outlives this method and is safe to read
            // from many requests at once.
            return new StoredCluster(path, System.Text.Encoding.UTF8.GetBytes(armJson), root.Clone());
        }
    }
}
