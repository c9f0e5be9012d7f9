using System.Text;
using System.Text.RegularExpressions;

namespace AksEgress.Errors
{
    /// <summary>
    /// Text from inputs and servers as it may appear in a message, warning or log line: one line, no terminal control,
    /// no credential. A cluster name, a piped value or an ARM error body is data: with CR/LF it would forge log lines
    /// of its own, with ESC sequences it would drive the terminal, and a server may echo a request's Authorization
    /// header or a bearer token back in its error text.
    /// </summary>
    public static class MessageText
    {
        // "Bearer <token>", "Authorization: <value>" and a JWT anywhere (three base64url parts, the first two of them
        // JSON objects, so starting with "eyJ"); SAS signatures (sig=...) and "access_token"/"client_secret" fields.
        private static readonly Regex Secrets = new Regex(
            @"(?<keep>\bBearer\s+)[A-Za-z0-9\-._~+/]+=*" +
            @"|(?<keep>\bAuthorization\s*[:=]\s*)(?:""[^""]*""|[^\s,;]+(?:\s+[^\s,;]+)?)" +
            @"|\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*" +
            @"|(?<keep>\b(?:sig|access_token|refresh_token|client_secret|password)\s*[""']?\s*[:=]\s*[""']?)[^""'&\s,;}]+",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public const string Hidden = "***";

        /// <summary>
        /// Line breaks and tabs become spaces; other control characters (C0, DEL, C1 such as U+009B, the Unicode line
        /// and paragraph separators, and the bidirectional overrides that reorder what a reader sees) become a visible
        /// \x.. or \u.... escape; credentials become ***. Unpaired surrogates become U+FFFD.
        /// </summary>
        public static string Safe(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? "";
            var redacted = Secrets.Replace(text!, m => m.Groups["keep"].Success ? m.Groups["keep"].Value + Hidden : Hidden);
            StringBuilder? builder = null;
            for (var i = 0; i < redacted.Length; i++)
            {
                var c = redacted[i];
                string? replacement = null;
                if (c == '\r' || c == '\n' || c == '\t') replacement = " ";
                else if (c < 0x20 || c == 0x7F) replacement = "\\x" + ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
                else if ((c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
                    replacement = "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
                else if (char.IsHighSurrogate(c) ? !(i + 1 < redacted.Length && char.IsLowSurrogate(redacted[i + 1])) : char.IsLowSurrogate(c) && !(i > 0 && char.IsHighSurrogate(redacted[i - 1])))
                    replacement = "\uFFFD";
                if (replacement == null)
                {
                    builder?.Append(c);
                    continue;
                }
                builder ??= new StringBuilder(redacted, 0, i, redacted.Length + 16);
                builder.Append(replacement);
            }
            return builder?.ToString() ?? redacted;
        }
    }
}
