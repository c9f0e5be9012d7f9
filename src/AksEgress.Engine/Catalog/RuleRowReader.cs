using System.Collections.Generic;
using System.Text.Json;

namespace AksEgress.Catalog
{
    /// <summary>A rule as read, before its purpose and sources are resolved against the catalog's dictionaries.</summary>
    internal sealed class RuleRow
    {
        public RuleRow(CatalogEntry entry) => Entry = entry;

        public CatalogEntry Entry { get; }
        public string? PurposeKey { get; set; }
        public bool HasType { get; set; }
    }

    /// <summary>Reads one element of "rules" into a CatalogEntry, matching enum fields as UTF-8 in place.</summary>
    internal static class RuleRowReader
    {
        public static RuleRow Read(ref Utf8JsonReader reader, int order)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new CatalogFormatException($"Rule #{order + 1} is not a JSON object.");
            var entry = new CatalogEntry(order);
            var row = new RuleRow(entry);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8)) entry.Id = NextString(ref reader);
                else if (reader.ValueTextEquals("destination"u8)) entry.DestinationTemplate = NextString(ref reader).Trim();
                else if (reader.ValueTextEquals("protocol"u8)) entry.Protocol = NextEnum<RuleProtocol>(ref reader, entry, "protocol");
                else if (reader.ValueTextEquals("port"u8)) entry.Port = NextInt(ref reader, entry);
                else if (reader.ValueTextEquals("kind"u8)) entry.Kind = NextEnum<RuleKind>(ref reader, entry, "kind");
                else if (reader.ValueTextEquals("feature"u8)) entry.Feature = NextEnum<AksFeature>(ref reader, entry, "feature");
                else if (reader.ValueTextEquals("clouds"u8)) entry.Clouds = NextEnumArray<AzureCloudName>(ref reader, entry, "clouds");
                else if (reader.ValueTextEquals("sources"u8)) entry.SourceTables = NextStringArray(ref reader, entry);
                else if (reader.ValueTextEquals("purpose"u8)) row.PurposeKey = NextString(ref reader);
                else if (reader.ValueTextEquals("type"u8)) { entry.DestinationType = NextEnum<DestinationType>(ref reader, entry, "type"); row.HasType = true; }
                else if (reader.ValueTextEquals("edition"u8)) entry.Edition = NextEnum<CatalogEdition>(ref reader, entry, "edition");
                else if (reader.ValueTextEquals("requirement"u8)) entry.Requirement = NextEnum<RuleRequirement>(ref reader, entry, "requirement");
                else if (reader.ValueTextEquals("conditions"u8)) entry.Conditions = NextEnumArray<RuleCondition>(ref reader, entry, "conditions");
                else if (reader.ValueTextEquals("alternatives"u8)) entry.Alternatives = NextString(ref reader);
                else if (reader.ValueTextEquals("note"u8)) entry.Note = NextString(ref reader);
                else if (reader.ValueTextEquals("apiServerHost"u8)) entry.IsApiServerHost = NextBool(ref reader);
                else if (reader.ValueTextEquals("prefersApiServerAddress"u8)) entry.PrefersApiServerAddress = NextBool(ref reader);
                else throw new CatalogFormatException($"Rule {Name(entry)} has an unknown field '{reader.GetString()}'.");
            }
            return row;
        }

        private static string Name(CatalogEntry entry) => entry.Id.Length > 0 ? $"'{entry.Id}'" : $"#{entry.Order + 1}";

        private static string NextString(ref Utf8JsonReader reader)
        {
            reader.Read();
            return reader.GetString() ?? "";
        }

        private static int NextInt(ref Utf8JsonReader reader, CatalogEntry entry)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
            {
                throw new CatalogFormatException($"Rule {Name(entry)} needs a whole-number port.");
            }
            return value;
        }

        private static bool NextBool(ref Utf8JsonReader reader)
        {
            reader.Read();
            return reader.GetBoolean();
        }

        private static T NextEnum<T>(ref Utf8JsonReader reader, CatalogEntry entry, string field) where T : struct
        {
            reader.Read();
            return MatchEnum<T>(ref reader, entry, field);
        }

        private static T MatchEnum<T>(ref Utf8JsonReader reader, CatalogEntry entry, string field) where T : struct
        {
            var names = Utf8EnumNames<T>.Instance;
            if (reader.TokenType == JsonTokenType.String && names.TryMatch(ref reader, out var value)) return value;
            throw new CatalogFormatException($"Rule {Name(entry)} has {field} '{ValueText(ref reader)}', which is not one of: {names.List}.");
        }

        private static T[] NextEnumArray<T>(ref Utf8JsonReader reader, CatalogEntry entry, string field) where T : struct
        {
            var values = new List<T>(3);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray) throw new CatalogFormatException($"Rule {Name(entry)}: '{field}' must be an array.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) values.Add(MatchEnum<T>(ref reader, entry, field));
            return values.ToArray();
        }

        private static string[] NextStringArray(ref Utf8JsonReader reader, CatalogEntry entry)
        {
            var values = new List<string>(4);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray) throw new CatalogFormatException($"Rule {Name(entry)}: 'sources' must be an array.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) values.Add(reader.GetString() ?? "");
            return values.ToArray();
        }

        private static string ValueText(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : reader.TokenType.ToString();
    }
}
