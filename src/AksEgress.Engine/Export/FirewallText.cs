using System.Text;

namespace AksEgress.Export
{
    /// <summary>
    /// The one rule for text that the deployable formats (ARM, Bicep, Terraform, az) put into the firewall, so the
    /// four describe it in the same words: every run of control characters (C0, DEL, C1, and the line and paragraph
    /// separators U+2028/U+2029) becomes one space, an unpaired surrogate (which neither JSON nor UTF-8 can carry)
    /// becomes U+FFFD, and a rule description is cut to <see cref="MaxDescriptionLength"/> characters. Cluster names
    /// reach descriptions from any input (a CSV cell may hold a line break), and each language would otherwise keep,
    /// escape or drop such characters its own way.
    /// </summary>
    public static class FirewallText
    {
        /// <summary>The longest rule description written; longer ones are cut, keeping the note at the end.</summary>
        public const int MaxDescriptionLength = 1024;
        private const string Ellipsis = "...";
        private const string Separator = "; ";

        /// <summary>
        /// A rule description of at most <see cref="MaxDescriptionLength"/> characters: the cleaned text, cut with "..."
        /// on a whole character when too long, then the note, kept whole since it says what the rule needs to work.
        /// </summary>
        public static string Description(string text, string? note)
        {
            text = Clean(text);
            note = note == null ? null : Clean(note);
            var budget = note == null ? MaxDescriptionLength : MaxDescriptionLength - note.Length - Separator.Length;
            if (text.Length > budget)
            {
                var keep = budget - Ellipsis.Length;
                if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
                text = text.Substring(0, keep) + Ellipsis;
            }
            return note == null ? text : text + Separator + note;
        }

        /// <summary>The text with each run of control characters as one space and unpaired surrogates as U+FFFD.</summary>
        public static string Clean(string text)
        {
            if (!NeedsCleaning(text)) return text;
            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (IsControl(text[i]))
                {
                    while (i + 1 < text.Length && IsControl(text[i + 1])) i++;
                    builder.Append(' ');
                }
                else
                {
                    builder.Append(IsPaired(text, i) ? text[i] : '\uFFFD');
                }
            }
            return builder.ToString();
        }

        private static bool NeedsCleaning(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (IsControl(text[i]) || !IsPaired(text, i)) return true;
            }
            return false;
        }

        private static bool IsControl(char c) => char.IsControl(c) || c == '\u2028' || c == '\u2029';

        private static bool IsPaired(string text, int i)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c)) return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            return !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(text[i - 1]));
        }
    }
}
