using System;
using System.Collections.Generic;
using System.Text;
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

        public static (List<CatalogEntry> Entries, Dictionary<string, SourceTable> Tables) Read(byte[] utf8Json)
        {
            var reader = new Utf8JsonReader(utf8Json, Options);
            List<CatalogEntry>? rows = null;
            Dictionary<string, SourceTable>? tables = null;
            Dictionary<string, Purpose>? purposes = null;
            try
            {
                Expect(ref reader, JsonTokenType.StartObject, "the catalog");
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("rules"u8))
                    {
                        if (tables == null || purposes == null) throw new CatalogFormatException("'tables' and 'purposes' must come before 'rules' in the rule catalog.");
                        rows = ReadRules(ref reader, new RowContext(utf8Json, Index(tables), Index(purposes)));
                    }
                    else if (reader.ValueTextEquals("tables"u8)) tables = ReadTables(ref reader, utf8Json);
                    else if (reader.ValueTextEquals("purposes"u8)) purposes = ReadPurposes(ref reader, utf8Json);
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
            return (rows, tables);
        }

        private static Utf8KeyIndex<T> Index<T>(Dictionary<string, T> values) where T : class
        {
            var index = new Utf8KeyIndex<T>();
            foreach (var pair in values) index.Add(pair.Key, pair.Value);
            return index;
        }

        private static List<CatalogEntry> ReadRules(ref Utf8JsonReader reader, RowContext context)
        {
            Expect(ref reader, JsonTokenType.StartArray, "'rules'");
            var rows = new List<CatalogEntry>(160);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                rows.Add(RuleRowReader.Read(ref reader, context, rows.Count));
            }
            return rows;
        }

        private static Dictionary<string, SourceTable> ReadTables(ref Utf8JsonReader reader, byte[] json)
        {
            Expect(ref reader, JsonTokenType.StartObject, "'tables'");
            var tables = new Dictionary<string, SourceTable>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var id = reader.GetString()!;
                var (document, section) = ReadTextPair(ref reader, json, "document"u8.ToArray(), "section"u8.ToArray(), $"Source table '{id}'");
                tables.Add(id, new SourceTable(id, document, section));
            }
            return tables;
        }

        private static Dictionary<string, Purpose> ReadPurposes(ref Utf8JsonReader reader, byte[] json)
        {
            Expect(ref reader, JsonTokenType.StartObject, "'purposes'");
            var purposes = new Dictionary<string, Purpose>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var (en, ko) = ReadTextPair(ref reader, json, En, Ko, $"Purpose '{key}'");
                purposes.Add(key, new Purpose(en, ko));
            }
            return purposes;
        }

        private static readonly byte[] En = { (byte)'e', (byte)'n' };
        private static readonly byte[] Ko = { (byte)'k', (byte)'o' };

        /// <summary>Reads an object holding two required, non-blank strings (and nothing else we use).</summary>
        private static (LazyUtf8Text, LazyUtf8Text) ReadTextPair(ref Utf8JsonReader reader, byte[] json, byte[] first, byte[] second, string what)
        {
            Expect(ref reader, JsonTokenType.StartObject, what);
            LazyUtf8Text? a = null, b = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(first)) { reader.Read(); a = LazyUtf8Text.Read(ref reader, json); }
                else if (reader.ValueTextEquals(second)) { reader.Read(); b = LazyUtf8Text.Read(ref reader, json); }
                else SkipValue(ref reader);
            }
            if (a == null || b == null || !a.HasContent || !b.HasContent)
            {
                throw new CatalogFormatException($"{what} needs non-empty '{Encoding.UTF8.GetString(first)}' and '{Encoding.UTF8.GetString(second)}'.");
            }
            return (a, b);
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
