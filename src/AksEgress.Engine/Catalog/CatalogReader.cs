using System;
using System.Collections.Generic;
using System.Text.Json;

namespace AksEgress.Catalog
{
    /// <summary>
    /// Reads rules.json in one forward pass of Utf8JsonReader: no DOM, no intermediate objects. Rows refer to
    /// tables and purposes by key; those references are resolved once everything is read.
    /// </summary>
    internal static class CatalogReader
    {
        private static readonly JsonReaderOptions Options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip };

        public static (List<RuleRow> Rows, Dictionary<string, SourceTable> Tables, Dictionary<string, (string En, string Ko)> Purposes) Read(byte[] utf8Json)
        {
            var reader = new Utf8JsonReader(utf8Json, Options);
            List<RuleRow>? rows = null;
            Dictionary<string, SourceTable>? tables = null;
            Dictionary<string, (string, string)>? purposes = null;
            try
            {
                Expect(ref reader, JsonTokenType.StartObject, "the catalog");
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("rules"u8)) rows = ReadRules(ref reader);
                    else if (reader.ValueTextEquals("tables"u8)) tables = ReadTables(ref reader);
                    else if (reader.ValueTextEquals("purposes"u8)) purposes = ReadPurposes(ref reader);
                    else SkipValue(ref reader);
                }
            }
            catch (JsonException ex)
            {
                throw new CatalogFormatException($"The rule catalog is not valid JSON: {ex.Message}", ex);
            }

            if (rows == null || tables == null || purposes == null)
            {
                throw new CatalogFormatException("The rule catalog must have 'tables', 'purposes' and 'rules'.");
            }
            return (rows, tables, purposes);
        }

        private static List<RuleRow> ReadRules(ref Utf8JsonReader reader)
        {
            Expect(ref reader, JsonTokenType.StartArray, "'rules'");
            var rows = new List<RuleRow>(160);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                rows.Add(RuleRowReader.Read(ref reader, rows.Count));
            }
            return rows;
        }

        private static Dictionary<string, SourceTable> ReadTables(ref Utf8JsonReader reader)
        {
            Expect(ref reader, JsonTokenType.StartObject, "'tables'");
            var tables = new Dictionary<string, SourceTable>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var id = reader.GetString()!;
                string? document = null, section = null;
                ReadObject(ref reader, $"table '{id}'", (ref Utf8JsonReader r) =>
                {
                    if (r.ValueTextEquals("document"u8)) { r.Read(); document = r.GetString(); }
                    else if (r.ValueTextEquals("section"u8)) { r.Read(); section = r.GetString(); }
                    else SkipValue(ref r);
                });
                if (string.IsNullOrWhiteSpace(document) || string.IsNullOrWhiteSpace(section))
                {
                    throw new CatalogFormatException($"Source table '{id}' needs a document and a section.");
                }
                tables.Add(id, new SourceTable(id, document!, section!));
            }
            return tables;
        }

        private static Dictionary<string, (string En, string Ko)> ReadPurposes(ref Utf8JsonReader reader)
        {
            Expect(ref reader, JsonTokenType.StartObject, "'purposes'");
            var purposes = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                string? en = null, ko = null;
                ReadObject(ref reader, $"purpose '{key}'", (ref Utf8JsonReader r) =>
                {
                    if (r.ValueTextEquals("en"u8)) { r.Read(); en = r.GetString(); }
                    else if (r.ValueTextEquals("ko"u8)) { r.Read(); ko = r.GetString(); }
                    else SkipValue(ref r);
                });
                if (string.IsNullOrWhiteSpace(en) || string.IsNullOrWhiteSpace(ko))
                {
                    throw new CatalogFormatException($"Purpose '{key}' needs English ('en') and Korean ('ko') text.");
                }
                purposes.Add(key, (en!, ko!));
            }
            return purposes;
        }

        internal delegate void PropertyHandler(ref Utf8JsonReader reader);

        /// <summary>Reads an object, handing each property name to <paramref name="onProperty"/>, which must consume its value.</summary>
        internal static void ReadObject(ref Utf8JsonReader reader, string what, PropertyHandler onProperty)
        {
            Expect(ref reader, JsonTokenType.StartObject, what);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName) onProperty(ref reader);
            if (reader.TokenType != JsonTokenType.EndObject) throw new CatalogFormatException($"{what} does not end where it should.");
        }

        internal static void SkipValue(ref Utf8JsonReader reader)
        {
            reader.Read();
            reader.Skip();
        }

        private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
        {
            if (reader.TokenType != token && !(reader.Read() && reader.TokenType == token))
            {
                throw new CatalogFormatException($"Expected {what} to be a JSON {token}, found {reader.TokenType}.");
            }
        }
    }
}
