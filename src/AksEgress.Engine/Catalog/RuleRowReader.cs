using System;
using System.Text.Json;

namespace AksEgress.Catalog
{
    /// <summary>What a row needs to resolve its references while it is read.</summary>
    internal sealed class RowContext
    {
        public RowContext(byte[] json, Utf8KeyIndex<SourceTable> tables, Utf8KeyIndex<Purpose> purposes)
        {
            Json = json;
            Tables = tables;
            Purposes = purposes;
        }

        public byte[] Json { get; }

        // Scratch space reused by every row; a row's arrays are copied out at their exact length.
        public readonly AzureCloudName[] Clouds = new AzureCloudName[8];
        public readonly RuleCondition[] Conditions = new RuleCondition[8];
        public readonly SourceTable[] Sources = new SourceTable[16];
        public Utf8KeyIndex<SourceTable> Tables { get; }
        public Utf8KeyIndex<Purpose> Purposes { get; }
    }

    /// <summary>Reads one element of "rules" into a CatalogEntry, matching enum fields as UTF-8 in place.</summary>
    internal static class RuleRowReader
    {
        public static CatalogEntry Read(ref Utf8JsonReader reader, RowContext context, int order)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new CatalogFormatException($"Rule #{order + 1} is not a JSON object.");
            var entry = new CatalogEntry(order);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!ReadField(ref reader, context, entry)) throw new CatalogFormatException($"Rule {Name(entry)} has an unknown field '{reader.GetString()}'.");
            }
            return entry;
        }

        /// <summary>
        /// Reads the field whose name the reader is on. Dispatches on the name's first byte so each property
        /// costs one comparison, not one per known field. Returns false for an unknown field.
        /// </summary>
        private static bool ReadField(ref Utf8JsonReader reader, RowContext context, CatalogEntry entry)
        {
            var first = reader.ValueIsEscaped || reader.ValueSpan.Length == 0 ? (byte)0 : reader.ValueSpan[0];
            switch (first)
            {
                case (byte)'i' when reader.ValueTextEquals("id"u8): entry.IdText = NextText(ref reader, context.Json); return true;
                case (byte)'d' when reader.ValueTextEquals("destination"u8): entry.DestinationText = NextText(ref reader, context.Json); return true;
                case (byte)'k' when reader.ValueTextEquals("kind"u8): entry.Kind = NextEnum<RuleKind>(ref reader, entry, "kind"); return true;
                case (byte)'f' when reader.ValueTextEquals("feature"u8): entry.Feature = NextEnum<AksFeature>(ref reader, entry, "feature"); return true;
                case (byte)'t' when reader.ValueTextEquals("type"u8):
                    entry.DestinationType = NextEnum<DestinationType>(ref reader, entry, "type");
                    entry.HasExplicitType = true;
                    return true;
                case (byte)'e' when reader.ValueTextEquals("edition"u8): entry.Edition = NextEnum<CatalogEdition>(ref reader, entry, "edition"); return true;
                case (byte)'r' when reader.ValueTextEquals("requirement"u8): entry.Requirement = NextEnum<RuleRequirement>(ref reader, entry, "requirement"); return true;
                case (byte)'n' when reader.ValueTextEquals("note"u8): entry.NoteText = NextText(ref reader, context.Json); return true;
                case (byte)'s' when reader.ValueTextEquals("sources"u8): entry.SourceTableObjects = NextSources(ref reader, context, entry); return true;
                case (byte)'c':
                    if (reader.ValueTextEquals("clouds"u8)) { entry.Clouds = NextEnumArray(ref reader, entry, "clouds", context.Clouds); return true; }
                    if (reader.ValueTextEquals("conditions"u8)) { entry.Conditions = NextEnumArray(ref reader, entry, "conditions", context.Conditions); return true; }
                    return false;
                case (byte)'p':
                    if (reader.ValueTextEquals("protocol"u8)) { entry.Protocol = NextEnum<RuleProtocol>(ref reader, entry, "protocol"); return true; }
                    if (reader.ValueTextEquals("port"u8)) { entry.Port = NextInt(ref reader, entry); return true; }
                    if (reader.ValueTextEquals("purpose"u8)) { entry.PurposeText = NextPurpose(ref reader, context, entry); return true; }
                    if (reader.ValueTextEquals("prefersApiServerAddress"u8)) { entry.PrefersApiServerAddress = NextBool(ref reader); return true; }
                    // The probe fields are on a few wildcard rows only, so they are tried last.
                    if (reader.ValueTextEquals("probeHost"u8)) { entry.ProbeHostText = NextText(ref reader, context.Json); return true; }
                    if (reader.ValueTextEquals("probeHostNote"u8)) { entry.ProbeHostNoteText = NextText(ref reader, context.Json); return true; }
                    return false;
                case (byte)'a':
                    if (reader.ValueTextEquals("alternatives"u8)) { entry.AlternativesText = NextText(ref reader, context.Json); return true; }
                    if (reader.ValueTextEquals("apiServerHost"u8)) { entry.IsApiServerHost = NextBool(ref reader); return true; }
                    return false;
                default:
                    return false;
            }
        }

        private static string Name(CatalogEntry entry) => entry.IdText.Utf8Length > 0 ? $"'{entry.Id}'" : $"#{entry.Order + 1}";

        private static LazyUtf8Text NextText(ref Utf8JsonReader reader, byte[] json)
        {
            reader.Read();
            return LazyUtf8Text.Read(ref reader, json);
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

        private static T[] NextEnumArray<T>(ref Utf8JsonReader reader, CatalogEntry entry, string field, T[] values) where T : struct
        {
            var count = 0;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray) throw new CatalogFormatException($"Rule {Name(entry)}: '{field}' must be an array.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count == values.Length) throw new CatalogFormatException($"Rule {Name(entry)} lists more than {values.Length} {field}.");
                values[count++] = MatchEnum<T>(ref reader, entry, field);
            }
            return Trim(values, count);
        }

        private static SourceTable[] NextSources(ref Utf8JsonReader reader, RowContext context, CatalogEntry entry)
        {
            var values = context.Sources;
            var count = 0;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray) throw new CatalogFormatException($"Rule {Name(entry)}: 'sources' must be an array.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count == values.Length) throw new CatalogFormatException($"Rule {Name(entry)} cites more than {values.Length} sources.");
                values[count++] = context.Tables.Find(ref reader)
                    ?? throw new CatalogFormatException($"Rule {Name(entry)} cites unknown source table '{ValueText(ref reader)}'.");
            }
            return Trim(values, count);
        }

        private static Purpose NextPurpose(ref Utf8JsonReader reader, RowContext context, CatalogEntry entry)
        {
            reader.Read();
            return context.Purposes.Find(ref reader)
                ?? throw new CatalogFormatException($"Rule {Name(entry)} needs a purpose key with English and Korean text; '{ValueText(ref reader)}' has none.");
        }

        private static T[] Trim<T>(T[] values, int count)
        {
            var trimmed = new T[count];
            Array.Copy(values, trimmed, count);
            return trimmed;
        }

        private static string ValueText(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : reader.TokenType.ToString();
    }
}
