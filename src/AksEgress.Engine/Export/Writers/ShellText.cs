using System.Text;

namespace AksEgress.Export
{
    /// <summary>Words for a bash script.</summary>
    internal static class ShellText
    {
        /// <summary>
        /// One single-quoted bash word whose value is exactly <paramref name="text"/>: inside single quotes
        /// nothing is special but the quote itself, which becomes '\'' (close, escaped quote, reopen). NUL,
        /// which no command argument can hold, is dropped.
        /// </summary>
        public static string Quote(string text)
        {
            var builder = new StringBuilder(text.Length + 2);
            builder.Append('\'');
            foreach (var c in text)
            {
                if (c == '\'') builder.Append("'\\''");
                else if (c != '\0') builder.Append(c);
            }
            builder.Append('\'');
            return builder.ToString();
        }
    }
}
