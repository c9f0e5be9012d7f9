using System.Text;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>
    /// The two values of a choice on a bool deployment input, read back from what a format wrote: ARM's
    /// "[if(parameters('p'), A, B)]" and the source text hcl2json gives for Terraform's "var.p ? A : B". A value is a
    /// string literal (a <see cref="string"/>) or an array of them (a <see cref="string"/>[]). Anything else, a
    /// literal that does not end where it should included, fails the test: a value that escaped its quotes would.
    /// </summary>
    internal static class ConditionalValues
    {
        public sealed record Choice(string Input, object WhenTrue, object WhenFalse);

        public static bool IsArm(string text) => text.StartsWith("[if(", StringComparison.Ordinal);

        public static Choice Arm(string expression)
        {
            var reader = new Reader(expression);
            reader.Expect("[if(parameters('");
            var input = reader.Until('\'');
            reader.Expect("'), ");
            var whenTrue = ArmValue(reader);
            reader.Expect(", ");
            var whenFalse = ArmValue(reader);
            reader.Expect(")]");
            reader.End();
            return new Choice(input, whenTrue, whenFalse);
        }

        public static Choice Terraform(string expression)
        {
            var reader = new Reader(expression);
            reader.Expect("${var.");
            var input = reader.Until(' ');
            reader.Expect(" ? ");
            var whenTrue = HclValue(reader);
            reader.Expect(" : ");
            var whenFalse = HclValue(reader);
            reader.Expect("}");
            reader.End();
            return new Choice(input, whenTrue, whenFalse);
        }

        /// <summary>A string value, or the value chosen by <paramref name="enabled"/> when the text is a choice.</summary>
        public static string ArmText(string text, bool enabled) =>
            IsArm(text) ? (string)(enabled ? Arm(text).WhenTrue : Arm(text).WhenFalse) : text;

        private static object ArmValue(Reader reader) =>
            reader.Peek == '\'' ? ArmLiteral(reader) : List(reader, "createArray(", ')', ArmLiteral);

        /// <summary>'text' with a quote written twice.</summary>
        private static string ArmLiteral(Reader reader)
        {
            reader.Expect("'");
            var value = new StringBuilder();
            while (true)
            {
                var c = reader.Next();
                if (c != '\'') { value.Append(c); continue; }
                if (reader.Peek == '\'') { reader.Next(); value.Append('\''); continue; }
                return value.ToString();
            }
        }

        private static object HclValue(Reader reader) =>
            reader.Peek == '"' ? HclLiteral(reader) : List(reader, "[", ']', HclLiteral);

        /// <summary>Literals between <paramref name="open"/> and <paramref name="close"/>, separated by ", ".</summary>
        private static string[] List(Reader reader, string open, char close, Func<Reader, string> literal)
        {
            reader.Expect(open);
            var items = new List<string>();
            while (reader.Peek != close)
            {
                if (items.Count > 0) reader.Expect(", ");
                items.Add(literal(reader));
            }
            reader.Expect(close.ToString());
            return items.ToArray();
        }

        /// <summary>"text" with HCL's escapes, as HclText.Quote writes them.</summary>
        private static string HclLiteral(Reader reader)
        {
            reader.Expect("\"");
            var value = new StringBuilder();
            while (true)
            {
                var c = reader.Next();
                if (c == '"') return value.ToString();
                if (c == '\\')
                {
                    var e = reader.Next();
                    value.Append(e switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '"' => '"', '\\' => '\\', _ => throw new FormatException($"unknown escape \\{e}") });
                    continue;
                }
                if ((c == '$' || c == '%') && reader.Peek == c)
                {
                    reader.Next();
                    Assert.Equal('{', reader.Peek);
                }
                else if (c == '$' || c == '%')
                {
                    Assert.NotEqual('{', reader.Peek);
                }
                value.Append(c);
            }
        }

        private sealed class Reader
        {
            private readonly string _text;
            private int _at;

            public Reader(string text) => _text = text;

            public char Peek => _at < _text.Length ? _text[_at] : '\0';

            public char Next()
            {
                Assert.True(_at < _text.Length, $"the expression ends early: {_text}");
                return _text[_at++];
            }

            public void Expect(string part)
            {
                Assert.True(string.CompareOrdinal(_text, _at, part, 0, part.Length) == 0, $"expected '{part}' at {_at} of: {_text}");
                _at += part.Length;
            }

            public string Until(char end)
            {
                var start = _at;
                while (Peek != end) Next();
                return _text.Substring(start, _at - start);
            }

            public void End() => Assert.True(_at == _text.Length, $"text after the expression at {_at}: {_text}");
        }
    }
}
