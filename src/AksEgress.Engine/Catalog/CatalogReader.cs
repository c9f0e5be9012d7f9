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

        public static (List<CatalogEntry> Entries, List<SourceTable> Tables) Read(byte[] utf8Json)
        {
            var reader = new Utf8JsonReader(utf8Json, Options);
            List<CatalogEntry>? rows = null;
            (List<SourceTable> List, Utf8KeyIndex<SourceTable> Index)? tables = null;
            Utf8KeyIndex<Purpose>? purposes = null;
            try
            {
                Expect(ref reader, JsonTokenType.StartObject, "the catalog");
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("rules"u8))
                    {
                        if (tables == null || purposes == null) throw new CatalogFormatException("'tables' and 'purposes' must come before 'rules' in the rule catalog.");
                        rows = ReadRules(ref reader, new RowContext(utf8Json, tables.Value.Index, purposes));
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
            return (rows, tables.Value.List);
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

        private static (List<SourceTable>, Utf8KeyIndex<SourceTable>) ReadTables(ref Utf8JsonReader reader, byte[] json)
        {
            Expect(ref reader, JsonTokenType.StartObject, "'tables'");
            var list = new List<SourceTable>(48);
            var index = new Utf8KeyIndex<SourceTable>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (index.Contains(ref reader)) throw new CatalogFormatException($"Source table '{reader.GetString()}' is defined twice.");
                var keyReader = reader;
                var id = LazyUtf8Text.Read(ref keyReader, json);
                var (document, section) = ReadTextPair(ref reader, json, Document, Section);
                if (document == null || section == null) throw new CatalogFormatException($"Source table '{id}' needs non-empty 'document' and 'section'.");
                var table = new SourceTable(id, document, section);
                index.Add(ref keyReader, table);
                list.Add(table);
            }
            return (list, index);
        }

        private static Utf8KeyIndex<Purpose> ReadPurposes(ref Utf8JsonReader reader, byte[] json)
        {
            Expect(ref reader, JsonTokenType.StartObject, "'purposes'");
            // Only rows look purposes up, by the bytes of their key, so no string-keyed dictionary is built.
            var purposes = new Utf8KeyIndex<Purpose>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (purposes.Contains(ref reader)) throw new CatalogFormatException($"Purpose '{reader.GetString()}' is defined twice.");
                var keyReader = reader;
                var (en, ko) = ReadTextPair(ref reader, json, En, Ko);
                if (en == null || ko == null) throw new CatalogFormatException($"Purpose '{keyReader.GetString()}' needs non-empty 'en' and 'ko' text.");
                purposes.Add(ref keyReader, new Purpose(en, ko));
            }
            return purposes;
        }

        private static readonly byte[] En = Encoding.UTF8.GetBytes("en");
        private static readonly byte[] Ko = Encoding.UTF8.GetBytes("ko");
        private static readonly byte[] Document = Encoding.UTF8.GetBytes("document");
        private static readonly byte[] Section = Encoding.UTF8.GetBytes("section");

        /// <summary>Reads an object holding two strings; each is null when missing or blank.</summary>
        private static (LazyUtf8Text?, LazyUtf8Text?) ReadTextPair(ref Utf8JsonReader reader, byte[] json, byte[] first, byte[] second)
        {
            Expect(ref reader, JsonTokenType.StartObject, "an object of texts");
            LazyUtf8Text? a = null, b = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(first)) { reader.Read(); a = LazyUtf8Text.Read(ref reader, json); }
                else if (reader.ValueTextEquals(second)) { reader.Read(); b = LazyUtf8Text.Read(ref reader, json); }
                else SkipValue(ref reader);
            }
            return (a != null && a.HasContent ? a : null, b != null && b.HasContent ? b : null);
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
