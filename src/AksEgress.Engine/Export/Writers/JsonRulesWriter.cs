using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AksEgress.Export
{
    /// <summary>
    /// A JSON array with one object per rule, properties in the CSV column order: enums by name, Port as a
    /// number, a missing ClusterName or ClusterId as null, and ExportNote only when it says something.
    /// ConvertFrom-Json of the file gives objects that <see cref="RuleRecord"/> reads back to the same rules.
    /// </summary>
    public sealed class JsonRulesWriter : IRuleWriter
    {
        // The file is data, never embedded in HTML: keep non-ASCII text (Korean purposes) and '<', '&', '\'' readable.
        // Quotes, backslashes and control characters are still escaped.
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public string Write(ExportPlan plan)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, WriterOptions))
            {
                json.WriteStartArray();
                foreach (var rule in plan.Rules)
                {
                    WriteRule(json, rule);
                }
                json.WriteEndArray();
            }
            // Utf8JsonWriter indents with Environment.NewLine; values never hold a raw line break (it is escaped).
            var text = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n");
            return text + "\n";
        }

        private static void WriteRule(Utf8JsonWriter json, AksEgressRule rule)
        {
            json.WriteStartObject();
            json.WriteString(nameof(AksEgressRule.RuleId), rule.RuleId);
            json.WriteString(nameof(AksEgressRule.Edition), rule.Edition.ToString());
            json.WriteString(nameof(AksEgressRule.Cloud), rule.Cloud.ToString());
            json.WriteString(nameof(AksEgressRule.Location), rule.Location);
            WriteNullable(json, nameof(AksEgressRule.ClusterName), rule.ClusterName);
            WriteNullable(json, nameof(AksEgressRule.ClusterId), rule.ClusterId);
            json.WriteString(nameof(AksEgressRule.Feature), rule.Feature.ToString());
            json.WriteString(nameof(AksEgressRule.Kind), rule.Kind.ToString());
            json.WriteString(nameof(AksEgressRule.Destination), rule.Destination);
            json.WriteString(nameof(AksEgressRule.DestinationType), rule.DestinationType.ToString());
            json.WriteString(nameof(AksEgressRule.Protocol), rule.Protocol.ToString());
            json.WriteNumber(nameof(AksEgressRule.Port), rule.Port);
            json.WriteString(nameof(AksEgressRule.Requirement), rule.Requirement.ToString());
            json.WriteString(nameof(AksEgressRule.Condition), rule.Condition);
            json.WriteString(nameof(AksEgressRule.Alternatives), rule.Alternatives);
            json.WriteString(nameof(AksEgressRule.Purpose), rule.Purpose);
            json.WriteString(nameof(AksEgressRule.PurposeKo), rule.PurposeKo);
            json.WriteString(nameof(AksEgressRule.DestinationTemplate), rule.DestinationTemplate);
            json.WriteString(nameof(AksEgressRule.Source), rule.Source);
            json.WriteString(nameof(AksEgressRule.Origin), rule.Origin.ToString());
            WriteNullable(json, nameof(AksEgressRule.ClusterHttpProxy), rule.ClusterHttpProxy);
            WriteNullable(json, nameof(AksEgressRule.ClusterHttpsProxy), rule.ClusterHttpsProxy);
            WriteNullable(json, nameof(AksEgressRule.ClusterNoProxy), rule.ClusterNoProxy);
            var note = CsvColumns.NoteFor(rule);
            if (note.Length > 0) json.WriteString(CsvColumns.ExportNote, note);
            json.WriteEndObject();
        }

        private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
        {
            if (value == null) json.WriteNull(name);
            else json.WriteString(name, value);
        }
    }
}
