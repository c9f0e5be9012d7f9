namespace AksEgress.Export
{
    /// <summary>
    /// Keeps spreadsheets from reading a CSV cell as a formula ("CSV injection"), reversibly.
    /// <para>
    /// A cell whose text starts with '=', '+', '-', '@', tab or carriage return is written with a leading
    /// apostrophe, which spreadsheets take as "this is text". So that the apostrophe can be removed again
    /// without guessing, a text that already is one or more apostrophes followed by one of those six
    /// characters gets one more apostrophe too. Reading removes exactly one apostrophe from any text of
    /// that shape (<see cref="Restore"/>) and leaves every other text alone, so a text such as "'hello"
    /// survives as it is, and <c>Restore(Neutralise(x)) == x</c> for every x.
    /// </para>
    /// </summary>
    internal static class CsvFormulaGuard
    {
        /// <summary>The first characters that make a spreadsheet evaluate a cell.</summary>
        public static bool IsTrigger(char c) => c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';

        /// <summary>True for a text that is zero or more apostrophes followed by a trigger character.</summary>
        private static bool NeedsGuard(string text, int apostrophes)
        {
            var i = 0;
            while (i < text.Length && text[i] == '\'') i++;
            return i >= apostrophes && i < text.Length && IsTrigger(text[i]);
        }

        /// <summary>The text to put in a cell: with one apostrophe in front when a spreadsheet would evaluate it.</summary>
        public static string Neutralise(string text) => NeedsGuard(text, 0) ? "'" + text : text;

        /// <summary>The text a cell held before <see cref="Neutralise"/>: one leading apostrophe fewer when it guards a trigger character.</summary>
        public static string Restore(string text) => NeedsGuard(text, 1) ? text.Substring(1) : text;
    }
}
