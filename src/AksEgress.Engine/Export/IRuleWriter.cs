namespace AksEgress.Export
{
    /// <summary>Writes one export format. Same plan in, same bytes out.</summary>
    public interface IRuleWriter
    {
        /// <summary>The whole file, with "\n" line ends and a final newline.</summary>
        string Write(ExportPlan plan);
    }
}
