using System.Collections.Generic;
using System.Text;

namespace AksEgress.Export
{
    /// <summary>HCL (Terraform native syntax) literals: quoted template strings with every special sequence escaped.</summary>
    internal static class HclText
    {
        /// <summary>
        /// A quoted HCL string whose value is exactly <paramref name="text"/>: backslash, quote and the usual
        /// control characters are backslash-escaped, "${" and "%{" are doubled so they never start an
        /// interpolation or a template directive, and any other control character is dropped.
        /// </summary>
        public static string Quote(string text)
        {
            var builder = new StringBuilder(text.Length + 2);
            builder.Append('"');
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                switch (c)
                {
                    case '\\': builder.Append("\\\\"); break;
                    case '"': builder.Append("\\\""); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '$' when next == '{': builder.Append("$${"); i++; break;
                    case '%' when next == '{': builder.Append("%%{"); i++; break;
                    default:
                        if (c < ' ' || c == '\u007f') break;
                        builder.Append(c);
                        break;
                }
            }
            builder.Append('"');
            return builder.ToString();
        }

        /// <summary>A tuple of quoted strings: ["a", "b"].</summary>
        public static string List(IEnumerable<string> values)
        {
            var parts = new List<string>();
            foreach (var value in values) parts.Add(Quote(value));
            return "[" + string.Join(", ", parts) + "]";
        }
    }

    /// <summary>
    /// A small HCL body builder: attributes, nested blocks, comments and blank lines, rendered with two-space
    /// indentation and the '=' of consecutive attributes aligned the way terraform fmt aligns them.
    /// </summary>
    internal sealed class HclBody
    {
        private abstract class Item { }

        private sealed class Attribute : Item
        {
            public Attribute(string name, string expression) { Name = name; Expression = expression; }
            public string Name { get; }
            public string Expression { get; }
        }

        private sealed class Block : Item
        {
            public Block(string header, HclBody body) { Header = header; Body = body; }
            public string Header { get; }
            public HclBody Body { get; }
        }

        private sealed class CommentLine : Item
        {
            public CommentLine(string text) { Text = text; }
            public string Text { get; }
        }

        private sealed class Blank : Item { }

        private readonly List<Item> _items = new List<Item>();

        /// <summary>An attribute whose value is an expression already written in HCL (a reference, a number, a quoted string).</summary>
        public HclBody Expression(string name, string expression)
        {
            _items.Add(new Attribute(name, expression));
            return this;
        }

        public HclBody String(string name, string value) => Expression(name, HclText.Quote(value));

        public HclBody Strings(string name, IEnumerable<string> values) => Expression(name, HclText.List(values));

        public HclBody Number(string name, int value) => Expression(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>A comment line; the text must be plain (the writer's own words, never user data with line breaks).</summary>
        public HclBody Comment(string text)
        {
            _items.Add(new CommentLine(text));
            return this;
        }

        public HclBody BlankLine()
        {
            _items.Add(new Blank());
            return this;
        }

        /// <summary>A nested block; <paramref name="header"/> is its type and labels, e.g. <c>variable "x"</c>.</summary>
        public HclBody Nested(string header, HclBody body)
        {
            _items.Add(new Block(header, body));
            return this;
        }

        public bool IsEmpty => _items.Count == 0;

        public void WriteTo(StringBuilder output, int depth)
        {
            var indent = new string(' ', depth * 2);
            var i = 0;
            while (i < _items.Count)
            {
                if (_items[i] is Attribute)
                {
                    var run = i;
                    var width = 0;
                    while (run < _items.Count && _items[run] is Attribute a)
                    {
                        if (a.Name.Length > width) width = a.Name.Length;
                        run++;
                    }
                    for (; i < run; i++)
                    {
                        var attribute = (Attribute)_items[i];
                        output.Append(indent).Append(attribute.Name.PadRight(width)).Append(" = ").Append(attribute.Expression).Append('\n');
                    }
                    continue;
                }
                switch (_items[i])
                {
                    case Block block:
                        if (block.Body.IsEmpty)
                        {
                            output.Append(indent).Append(block.Header).Append(" {}\n");
                        }
                        else
                        {
                            output.Append(indent).Append(block.Header).Append(" {\n");
                            block.Body.WriteTo(output, depth + 1);
                            output.Append(indent).Append("}\n");
                        }
                        break;
                    case CommentLine comment:
                        output.Append(indent).Append(comment.Text.Length == 0 ? "#" : "# " + comment.Text).Append('\n');
                        break;
                    default:
                        output.Append('\n');
                        break;
                }
                i++;
            }
        }
    }
}
