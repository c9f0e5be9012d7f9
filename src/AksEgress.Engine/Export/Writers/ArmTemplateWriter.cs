using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AksEgress.Export
{
    /// <summary>
    /// An ARM deployment template with one Microsoft.Network/firewallPolicies/ruleCollectionGroups resource,
    /// to be deployed to the resource group of an existing firewall policy.
    /// </summary>
    public sealed class ArmTemplateWriter : IRuleWriter
    {
        private const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

        // Escapes only what JSON requires, so letters of every script and the quotes inside expressions stay
        // readable. The template is a file that ARM and people read, not text for a web page, so the characters
        // HTML treats specially need no escaping (bicep build leaves them as they are, too).
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public string Write(ExportPlan plan)
        {
            var model = ArmFirewallModel.Build(plan);
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("$schema", Schema);
                json.WriteString("contentVersion", "1.0.0.0");
                json.WritePropertyName("metadata");
                json.WriteStartObject();
                json.WritePropertyName("comments");
                WriteText(json, string.Join(" ", model.Comments));
                json.WriteEndObject();

                json.WritePropertyName("parameters");
                json.WriteStartObject();
                foreach (var parameter in model.Parameters) WriteParameter(json, parameter);
                json.WriteEndObject();

                json.WritePropertyName("resources");
                json.WriteStartArray();
                json.WriteStartObject();
                json.WriteString("type", ArmFirewallModel.GroupType);
                json.WriteString("apiVersion", ArmFirewallModel.ApiVersion);
                json.WritePropertyName("name");
                WriteExpression(json, $"format('{{0}}/{{1}}', parameters('{ArmFirewallModel.PolicyNameParameter}'), {ExpressionString(model.GroupName)})");
                json.WritePropertyName("properties");
                json.WriteStartObject();
                json.WritePropertyName("priority");
                WriteNode(json, new ArmParameterRef(ArmFirewallModel.PriorityParameter));
                json.WritePropertyName("ruleCollections");
                WriteNode(json, model.RuleCollections);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            // Utf8JsonWriter ends lines with Environment.NewLine; a raw CR can only be a line end (JSON escapes it in strings).
            var text = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n");
            return text + "\n";
        }

        private static void WriteParameter(Utf8JsonWriter json, ArmParameter parameter)
        {
            json.WritePropertyName(parameter.Name);
            json.WriteStartObject();
            json.WriteString("type", parameter.Type);
            if (parameter.DefaultValue != null)
            {
                json.WritePropertyName("defaultValue");
                WriteNode(json, parameter.DefaultValue);
            }
            if (parameter.MinValue.HasValue) json.WriteNumber("minValue", parameter.MinValue.Value);
            if (parameter.MaxValue.HasValue) json.WriteNumber("maxValue", parameter.MaxValue.Value);
            if (parameter.MinLength.HasValue) json.WriteNumber("minLength", parameter.MinLength.Value);
            json.WritePropertyName("metadata");
            json.WriteStartObject();
            json.WritePropertyName("description");
            WriteText(json, parameter.Description);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void WriteNode(Utf8JsonWriter json, ArmNode node)
        {
            switch (node)
            {
                case ArmText text:
                    WriteText(json, text.Value);
                    break;
                case ArmNumber number:
                    json.WriteNumberValue(number.Value);
                    break;
                case ArmBool flag:
                    json.WriteBooleanValue(flag.Value);
                    break;
                case ArmCondition condition:
                    WriteExpression(json, Expression(condition));
                    break;
                case ArmParameterRef reference:
                    WriteExpression(json, $"parameters('{reference.Name}')");
                    break;
                case ArmArray array:
                    json.WriteStartArray();
                    foreach (var item in array.Items) WriteNode(json, item);
                    json.WriteEndArray();
                    break;
                case ArmObject obj:
                    json.WriteStartObject();
                    foreach (var property in obj.Properties)
                    {
                        json.WritePropertyName(property.Key);
                        WriteNode(json, property.Value);
                    }
                    json.WriteEndObject();
                    break;
                default:
                    throw new System.InvalidOperationException("Unknown template node " + node.GetType().Name);
            }
        }

        /// <summary>A value inside a template expression, written the way bicep build writes it.</summary>
        private static string Expression(ArmNode node)
        {
            switch (node)
            {
                case ArmText text:
                    return ExpressionString(text.Value);
                case ArmNumber number:
                    return number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                case ArmParameterRef reference:
                    return $"parameters('{reference.Name}')";
                case ArmArray array:
                    var items = new System.Collections.Generic.List<string>();
                    foreach (var item in array.Items) items.Add(Expression(item));
                    return "createArray(" + string.Join(", ", items) + ")";
                case ArmCondition condition:
                    return $"if(parameters('{condition.Parameter}'), {Expression(condition.WhenTrue)}, {Expression(condition.WhenFalse)})";
                default:
                    throw new System.InvalidOperationException("No expression form for template node " + node.GetType().Name);
            }
        }

        /// <summary>A literal string, kept from being read as a template expression.</summary>
        private static void WriteText(Utf8JsonWriter json, string value) => json.WriteStringValue(EscapeLiteral(value));

        /// <summary>
        /// ARM evaluates a string that starts with '[' and ends with ']' as an expression; a literal of that shape
        /// gets one more '[' in front, which ARM removes. A string that does not end with ']' is never evaluated
        /// and must stay as it is (there an extra '[' would be kept as text).
        /// </summary>
        internal static string EscapeLiteral(string value) =>
            value.Length > 0 && value[0] == '[' && value[value.Length - 1] == ']' ? "[" + value : value;

        /// <summary>A string literal inside a template expression: single quotes, a quote doubled.</summary>
        internal static string ExpressionString(string value) => "'" + value.Replace("'", "''") + "'";

        /// <summary>Writes "[expression]", which ARM evaluates. Expressions are built here from parameter names, the sanitized group name and string literals quoted by <see cref="ExpressionString"/>.</summary>
        private static void WriteExpression(Utf8JsonWriter json, string expression) => json.WriteStringValue("[" + expression + "]");
    }
}
