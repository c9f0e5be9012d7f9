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
        /// <summary>The path is a folder.</summary>
        RefuseDirectory,
        /// <summary>The path is a named pipe (or socket): opening it to write waits for a reader that may never come.</summary>
        RefusePipe,
    }

    /// <summary>What is at an export's path before it is written.</summary>
    public enum ExportTargetKind
    {
        Missing,
        File,
        Directory,
        /// <summary>A FIFO or a socket.</summary>
        Pipe,
        /// <summary>A character or block device (/dev/null): written as Out-File would, it does not wait.</summary>
        Device,
    }

    /// <summary>The file rules of Export-AksEgressRule, as Out-File and Export-Csv have them.</summary>
    public static class ExportFilePolicy
    {
        public static ExportFileAction Decide(bool exists, bool readOnly, bool noClobber, bool force) =>
            Decide(exists ? ExportTargetKind.File : ExportTargetKind.Missing, readOnly, noClobber, force);

        public static ExportFileAction Decide(ExportTargetKind kind, bool readOnly, bool noClobber, bool force)
        {
            if (kind == ExportTargetKind.Directory) return ExportFileAction.RefuseDirectory;
            if (kind == ExportTargetKind.Pipe) return ExportFileAction.RefusePipe;
            if (kind == ExportTargetKind.Missing) return ExportFileAction.Write;
            if (noClobber) return ExportFileAction.RefuseExisting;
            if (!readOnly) return ExportFileAction.Write;
            return force ? ExportFileAction.ClearReadOnlyThenWrite : ExportFileAction.RefuseReadOnly;
        }

        public static string Explain(ExportFileAction action, string path)
        {
            switch (action)
            {
                case ExportFileAction.RefuseExisting:
                    return $"The file '{path}' already exists and -NoClobber was given, so it was not overwritten. Remove -NoClobber or choose another -Path.";
                case ExportFileAction.RefuseReadOnly:
                    return $"The file '{path}' is read-only. Use -Force to overwrite it.";
                case ExportFileAction.RefuseDirectory:
                    return $"'{path}' is a folder. Give the path of the file to write, e.g. '{System.IO.Path.Combine(path, "aks-egress")}' with the format's extension.";
                case ExportFileAction.RefusePipe:
                    return $"'{path}' is a named pipe (FIFO) or socket, which would hold the export until something reads it. Give a file path, or leave out -Path and pipe the text where it should go.";
                default:
                    return "";
            }
        }

        /// <summary>
        /// An export is not written when rules were piped in and every one was refused: the file would otherwise be
        /// overwritten with an empty rule set, losing what it held, because of input errors already reported.
        /// </summary>
        public static bool WritesNothing(int rulesRead, int itemsRefused) => rulesRead == 0 && itemsRefused > 0;

        public static string ExplainNothingWritten(int itemsRefused, string path) =>
            $"'{path}' was not written: all {itemsRefused} piped object(s) were refused (see the errors above), and writing an empty rule set would replace what the file holds. Fix the input and run the export again.";
    }
}
