namespace AksEgress.Export
{
    /// <summary>What to do with the -Path of an export, given what is already there.</summary>
    public enum ExportFileAction
    {
        Write,
        /// <summary>The file is read-only and -Force was given: clear the attribute, then write.</summary>
        ClearReadOnlyThenWrite,
        /// <summary>The file exists and -NoClobber was given.</summary>
        RefuseExisting,
        /// <summary>The file is read-only and -Force was not given.</summary>
        RefuseReadOnly,
    }

    /// <summary>The file rules of Export-AksEgressRule, as Out-File and Export-Csv have them.</summary>
    public static class ExportFilePolicy
    {
        public static ExportFileAction Decide(bool exists, bool readOnly, bool noClobber, bool force)
        {
            if (!exists) return ExportFileAction.Write;
            if (noClobber) return ExportFileAction.RefuseExisting;
            if (!readOnly) return ExportFileAction.Write;
            return force ? ExportFileAction.ClearReadOnlyThenWrite : ExportFileAction.RefuseReadOnly;
        }

        public static string Explain(ExportFileAction action, string path) =>
            action == ExportFileAction.RefuseExisting
                ? $"The file '{path}' already exists and -NoClobber was given, so it was not overwritten. Remove -NoClobber or choose another -Path."
                : $"The file '{path}' is read-only. Use -Force to overwrite it.";
    }
}
