using System.Globalization;
using System.Text;

namespace AksEgress.Export
{
    /// <summary>
    /// A Bicep file with the same rule collection group as the ARM template: parameters, the existing firewall
    /// policy, and the group as its child. It compiles to the ARM template's JSON (apart from the compiler's own
    /// metadata) and passes the Bicep linter without warnings.
    /// </summary>
    public sealed class BicepWriter : IRuleWriter
    {
        private const string Indent = "  ";

        /// <summary>Why some lines turn off the linter rule that asks for environment() instead of a cloud's host name.</summary>
        internal const string IntendedHostsComment =
            "Lines after " + BicepEnvironmentUrlRule.DisableNextLine + " name a cloud's host on purpose: the firewall must " +
            "allow the hosts of the clusters' cloud by name, and environment() would give the hosts of the cloud that deploys this file.";

        public string Write(ExportPlan plan)
        {
            var model = ArmFirewallModel.Build(plan);
            var declarations = new StringBuilder();
            // The header comments again as template metadata, where the ARM template has them.
            declarations.Append("metadata comments = ").Append(Literal(string.Join(" ", model.Comments))).Append("\n\n");
            WriteParameters(declarations, model);
            WriteResources(declarations, model);
            var body = MarkIntendedHosts(declarations.ToString(), out var marked);

            var text = new StringBuilder();
            foreach (var comment in model.Comments) text.Append("// ").Append(Comment(comment)).Append('\n');
            if (marked) text.Append("// ").Append(IntendedHostsComment).Append('\n');
            text.Append('\n');
            return text.Append(body).ToString();
        }

        private static void WriteParameters(StringBuilder text, ArmFirewallModel model)
        {
            foreach (var parameter in model.Parameters)
            {
                text.Append("@description(").Append(Literal(parameter.Description)).Append(")\n");
                if (parameter.MinValue.HasValue) text.Append("@minValue(").Append(Number(parameter.MinValue.Value)).Append(")\n");
                if (parameter.MaxValue.HasValue) text.Append("@maxValue(").Append(Number(parameter.MaxValue.Value)).Append(")\n");
                if (parameter.MinLength.HasValue) text.Append("@minLength(").Append(Number(parameter.MinLength.Value)).Append(")\n");
                text.Append("param ").Append(parameter.Name).Append(' ').Append(parameter.Type);
                if (parameter.DefaultValue != null)
                {
                    text.Append(" = ");
                    WriteNode(text, parameter.DefaultValue, 0);
                }
                text.Append("\n\n");
            }
        }

        private static void WriteResources(StringBuilder text, ArmFirewallModel model)
        {
            text.Append("resource policy '").Append(ArmFirewallModel.PolicyType).Append('@').Append(ArmFirewallModel.ApiVersion).Append("' existing = {\n");
            text.Append(Indent).Append("name: ").Append(ArmFirewallModel.PolicyNameParameter).Append('\n');
            text.Append("}\n\n");

            var properties = new ArmObject()
                .Add("priority", new ArmParameterRef(ArmFirewallModel.PriorityParameter))
                .Add("ruleCollections", model.RuleCollections);
            text.Append("resource group '").Append(ArmFirewallModel.GroupType).Append('@').Append(ArmFirewallModel.ApiVersion).Append("' = {\n");
            text.Append(Indent).Append("parent: policy\n");
            text.Append(Indent).Append("name: ").Append(Literal(model.GroupName)).Append('\n');
            text.Append(Indent).Append("properties: ");
            WriteNode(text, properties, 1);
            text.Append("\n}\n");
        }

        /// <summary>
        /// Puts the linter's per-line suppression, indented like the line, before every line that names a host the
        /// no-hardcoded-env-urls rule reports. Every string literal stands on one line and nothing but literals can
        /// hold a host name, so the line is the literal's source as the linter reads it. A suppression the linter did
        /// not need (it skips metadata and @description text) is harmless.
        /// </summary>
        private static string MarkIntendedHosts(string declarations, out bool marked)
        {
            marked = false;
            var text = new StringBuilder(declarations.Length);
            var lines = declarations.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (i > 0) text.Append('\n');
                if (BicepEnvironmentUrlRule.Reports(line))
                {
                    text.Append(line, 0, line.Length - line.TrimStart(' ').Length).Append(BicepEnvironmentUrlRule.DisableNextLine).Append('\n');
                    marked = true;
                }
                text.Append(line);
            }
            return text.ToString();
        }

        /// <summary>Writes a value whose first line continues the current line; later lines are indented by <paramref name="depth"/>.</summary>
        private static void WriteNode(StringBuilder text, ArmNode node, int depth)
        {
            switch (node)
            {
                case ArmText literal:
                    text.Append(Literal(literal.Value));
                    break;
                case ArmNumber number:
                    text.Append(Number(number.Value));
                    break;
                case ArmParameterRef reference:
                    text.Append(reference.Name);
                    break;
                case ArmBool flag:
                    text.Append(flag.Value ? "true" : "false");
                    break;
                case ArmCondition condition:
                    // On one line, so a host it names stands on the line the linter suppression covers.
                    text.Append(condition.Parameter).Append(" ? ").Append(Inline(condition.WhenTrue)).Append(" : ").Append(Inline(condition.WhenFalse));
                    break;
                case ArmArray array:
                    if (array.Items.Count == 0)
                    {
                        text.Append("[]");
                        break;
                    }
                    text.Append("[\n");
                    foreach (var item in array.Items)
                    {
                        AppendIndent(text, depth + 1);
                        WriteNode(text, item, depth + 1);
                        text.Append('\n');
                    }
                    AppendIndent(text, depth);
                    text.Append(']');
                    break;
                case ArmObject obj:
                    if (obj.Properties.Count == 0)
                    {
                        text.Append("{}");
                        break;
                    }
                    text.Append("{\n");
                    foreach (var property in obj.Properties)
                    {
                        AppendIndent(text, depth + 1);
                        text.Append(property.Key).Append(": ");
                        WriteNode(text, property.Value, depth + 1);
                        text.Append('\n');
                    }
                    AppendIndent(text, depth);
                    text.Append('}');
                    break;
                default:
                    throw new System.InvalidOperationException("Unknown template node " + node.GetType().Name);
            }
        }

        /// <summary>A value written on one line: a literal, a number, a parameter or a one-line array of them.</summary>
        private static string Inline(ArmNode node)
        {
            switch (node)
            {
                case ArmText literal:
                    return Literal(literal.Value);
                case ArmNumber number:
                    return Number(number.Value);
                case ArmParameterRef reference:
                    return reference.Name;
                case ArmArray array:
                    var items = new System.Collections.Generic.List<string>();
                    foreach (var item in array.Items) items.Add(Inline(item));
                    return "[" + string.Join(", ", items) + "]";
                default:
                    throw new System.InvalidOperationException("No one-line form for template node " + node.GetType().Name);
            }
        }

        private static void AppendIndent(StringBuilder text, int depth)
        {
            for (var i = 0; i < depth; i++) text.Append(Indent);
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// A single-quoted Bicep string with the same value: backslash, quote and interpolation start escaped, line
        /// breaks, tabs and every other control character as escapes, so the literal always closes on its own line.
        /// </summary>
        internal static string Literal(string value)
        {
            var text = new StringBuilder(value.Length + 2);
            text.Append('\'');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '\\': text.Append("\\\\"); break;
                    case '\'': text.Append("\\'"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    case '$':
                        text.Append(i + 1 < value.Length && value[i + 1] == '{' ? "\\$" : "$");
                        break;
                    default:
                        if (char.IsControl(c) || c == '\u2028' || c == '\u2029') text.Append("\\u{").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append('}');
                        else text.Append(c);
                        break;
                }
            }
            return text.Append('\'').ToString();
        }

        /// <summary>Text for a // comment: one line, no control characters.</summary>
        private static string Comment(string value)
        {
            var text = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (!char.IsControl(c) && c != '\u2028' && c != '\u2029') text.Append(c);
            }
            return text.ToString();
        }
    }
}
