using System.Text;

namespace AksEgress.Export
{
    /// <summary>
    /// Makes any text safe inside a GitHub-flavoured Markdown table cell (and in a paragraph): it renders as
    /// the same characters, and cannot end the cell, start a code span, emphasis, link or HTML.
    /// </summary>
    internal static class MarkdownText
    {
        /// <summary>
        /// '|' and the Markdown punctuation that starts inline markup ('\\', '`', '*', '_', '~', '[', ']', '$')
        /// get a backslash; '&amp;', '&lt;' and '&gt;' become HTML entities; every line break becomes &lt;br&gt;.
        /// </summary>
        public static string Escape(string? text)
        {
            if (string.IsNullOrEmpty(text)) return "";
            var builder = new StringBuilder(text!.Length + 8);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '\\':
                    case '`':
                    case '*':
                    case '_':
                    case '~':
                    case '[':
                    case ']':
                    case '$':
                    case '|':
                        builder.Append('\\').Append(c);
                        break;
                    case '&':
                        builder.Append("&amp;");
                        break;
                    case '<':
                        builder.Append("&lt;");
                        break;
                    case '>':
                        builder.Append("&gt;");
                        break;
                    case '\r':
                        if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                        builder.Append("<br>");
                        break;
                    case '\n':
                        builder.Append("<br>");
                        break;
                    default:
                        builder.Append(c);
                        break;
                }
            }
            return builder.ToString();
        }

        /// <summary>
        /// A code span for a destination, so it reads as a literal host name. The fence is one backtick more than
        /// the longest run inside, '|' is escaped for the table. A text a code span cannot hold in a table cell
        /// (a line break, or a backslash, which the table would read as escaping the next character) is
        /// written as escaped plain text instead.
        /// </summary>
        public static string Code(string? text)
        {
            if (string.IsNullOrEmpty(text)) return "";
            if (text!.IndexOfAny(new[] { '\r', '\n', '\\' }) >= 0) return Escape(text);

            var longest = 0;
            var run = 0;
            foreach (var c in text)
            {
                run = c == '`' ? run + 1 : 0;
                if (run > longest) longest = run;
            }
            var fence = new string('`', longest + 1);
            // A space on each side keeps a backtick at either end from joining the fence; CommonMark strips one space from each side.
            var pad = text[0] == '`' || text[text.Length - 1] == '`' || (text[0] == ' ' && text[text.Length - 1] == ' ') ? " " : "";
            return fence + pad + text.Replace("|", "\\|") + pad + fence;
        }
    }
}
