using System.Linq;

namespace AksEgress.Completion
{
    /// <summary>
    /// The word PowerShell hands a completer is the raw token, so a user who began with a quote ('kor) passes that
    /// quote in. This reads the word without its quotes and writes a value back as a token that parses to it.
    /// </summary>
    public static class CompletionWord
    {
        // Characters that end or change a bare argument in PowerShell's argument mode.
        private const string EndsBareWord = "'\"`$(){}[]@;,|&<>#\u2018\u2019\u201A\u201B\u201C\u201D\u201E";
        private const string SingleQuotes = "'\u2018\u2019\u201A\u201B";
        private const string DoubleQuotes = "\"\u201C\u201D\u201E";

        /// <summary>"'kor" and "\"kor\"" both read as "kor"; null reads as "".</summary>
        public static string Unquote(string? word)
        {
            var text = word ?? "";
            if (text.Length > 0 && IsQuote(text[0])) text = text.Substring(1);
            if (text.Length > 0 && IsQuote(text[text.Length - 1])) text = text.Substring(0, text.Length - 1);
            return text;
        }

        /// <summary>
        /// The value as the token to insert: bare when it can stand bare and the user opened no quote; otherwise in
        /// the quote the user opened, so the token they began is closed; in single quotes when that is the only safe way.
        /// </summary>
        public static string Quote(string value, string? typedWord)
        {
            var opened = string.IsNullOrEmpty(typedWord) || !IsQuote(typedWord![0]) ? (char?)null : typedWord[0];
            if (opened.HasValue && DoubleQuotes.IndexOf(opened.Value) >= 0 && CanStandInDoubleQuotes(value))
                return "\"" + value + "\"";
            if (!opened.HasValue && CanStandBare(value)) return value;
            // Inside single quotes only a single quote is special; doubling it is PowerShell's escape.
            return "'" + string.Concat(value.Select(c => SingleQuotes.IndexOf(c) >= 0 ? new string(c, 2) : c.ToString())) + "'";
        }

        // A bare word that begins with a dash would be read as a parameter name.
        private static bool CanStandBare(string value) =>
            value.Length > 0 && value[0] != '-' && !value.Any(c => char.IsWhiteSpace(c) || EndsBareWord.IndexOf(c) >= 0);

        // Double quotes expand $ and ` and end at any double quote, so only values without them stay in double quotes.
        private static bool CanStandInDoubleQuotes(string value) =>
            !value.Any(c => c == '$' || c == '`' || DoubleQuotes.IndexOf(c) >= 0);

        private static bool IsQuote(char c) => SingleQuotes.IndexOf(c) >= 0 || DoubleQuotes.IndexOf(c) >= 0;
    }
}
