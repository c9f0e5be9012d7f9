using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace AksEgress.Catalog
{
    // The shape of rules.json as written on disk. RuleCatalog validates it into CatalogEntry objects.
    internal sealed class CatalogDocument
    {
        [JsonPropertyName("tables")] public Dictionary<string, TableDocument>? Tables { get; set; }
        [JsonPropertyName("purposes")] public Dictionary<string, PurposeDocument>? Purposes { get; set; }
        [JsonPropertyName("rules")] public List<RuleDocument>? Rules { get; set; }
    }

    internal sealed class TableDocument
    {
        [JsonPropertyName("document")] public string? Document { get; set; }
        [JsonPropertyName("section")] public string? Section { get; set; }
    }

    internal sealed class PurposeDocument
    {
        [JsonPropertyName("en")] public string? En { get; set; }
        [JsonPropertyName("ko")] public string? Ko { get; set; }
    }

    internal sealed class RuleDocument
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("edition")] public string? Edition { get; set; }
        [JsonPropertyName("clouds")] public List<string>? Clouds { get; set; }
        [JsonPropertyName("feature")] public string? Feature { get; set; }
        [JsonPropertyName("kind")] public string? Kind { get; set; }
        [JsonPropertyName("destination")] public string? Destination { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("protocol")] public string? Protocol { get; set; }
        [JsonPropertyName("port")] public int Port { get; set; }
        [JsonPropertyName("requirement")] public string? Requirement { get; set; }
        [JsonPropertyName("conditions")] public List<string>? Conditions { get; set; }
        [JsonPropertyName("alternatives")] public string? Alternatives { get; set; }
        [JsonPropertyName("apiServerHost")] public bool ApiServerHost { get; set; }
        [JsonPropertyName("prefersApiServerAddress")] public bool PrefersApiServerAddress { get; set; }
        [JsonPropertyName("purpose")] public string? Purpose { get; set; }
        [JsonPropertyName("sources")] public List<string>? Sources { get; set; }
        [JsonPropertyName("note")] public string? Note { get; set; }
    }

    [JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
    [JsonSerializable(typeof(CatalogDocument))]
    internal sealed partial class CatalogJsonContext : JsonSerializerContext
    {
    }
}
