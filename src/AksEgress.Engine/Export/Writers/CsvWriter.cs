using System.Collections.Generic;
using System.Text;

namespace AksEgress.Export
{
    /// <summary>
    /// One row per rule, as Export-Csv would write the rule objects, plus an ExportNote column; Import-Csv gives
    /// the rules back (see <see cref="RuleRecord"/>). Every field is double-quoted with '"' doubled, line breaks
    /// stay inside the quotes, and a cell a spreadsheet would evaluate as a formula gets a leading apostrophe
    /// (<see cref="CsvFormulaGuard"/>). The host writes the text as UTF-8 without BOM.
    /// </summary>
    public sealed class CsvWriter : IRuleWriter
    {
        public string Write(ExportPlan plan)
        {
            var text = new StringBuilder();
            AppendRow(text, CsvColumns.Names);
            foreach (var rule in plan.Rules)
            {
                AppendRow(text, CsvColumns.Values(rule));
            }
            return text.ToString();
        }

        private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells)
        {
            for (var i = 0; i < cells.Count; i++)
            {
                if (i > 0) text.Append(',');
                text.Append('"').Append(CsvFormulaGuard.Neutralise(cells[i]).Replace("\"", "\"\"")).Append('"');
            }
            text.Append('\n');
        }
    }
}
