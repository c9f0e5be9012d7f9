using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AksEgress.Loading;

namespace AksEgress.Commands
{
    /// <summary>
    /// The display views of AksEgress.Format.ps1xml, added to a session by the first command there that writes
    /// rules or test results rather than by Import-Module.
    /// </summary>
    /// <remarks>
    /// FormatsToProcess would load them at import, but adding one format file makes PowerShell rebuild the session's
    /// whole format table, every built-in view included (InitialSessionState.UpdateFormats); that was the largest
    /// part of Import-Module's time. Update-FormatData -AppendPath does the same rebuild with the file appended, as
    /// FormatsToProcess appends it, once per session and only in sessions that show our objects. It is the public
    /// way to add views on Windows PowerShell 5.1 and PowerShell 7 alike, so both run this code.
    /// <para>
    /// Formats belong to a runspace (ForEach-Object -Parallel, runspace pools and jobs each have their own), so the
    /// attempt is remembered per runspace. A session that cannot take the file (a shared format table, format
    /// updates disabled, an endpoint without Update-FormatData) still gets every object, in PowerShell's default
    /// layout, and the reason as verbose output. Unlike FormatsToProcess, Remove-Module leaves the views loaded:
    /// they only change how our own types print.
    /// </para>
    /// </remarks>
    internal static class ModuleViews
    {
        public const string FormatFileName = "AksEgress.Format.ps1xml";

        private static readonly ConditionalWeakTable<Runspace, object> Attempted = new ConditionalWeakTable<Runspace, object>();
        private static readonly object Marker = new object();

        /// <summary>
        /// Adds the views to the runspace <paramref name="cmdlet"/> runs in, the first time only. Call it on the
        /// pipeline thread before the command writes anything: the formatter reads the table per object written.
        /// </summary>
        public static void EnsureLoaded(PSCmdlet cmdlet)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null) return; // not on a pipeline thread: nothing to add the views to
            var first = false;
            Attempted.GetValue(runspace, _ =>
            {
                first = true;
                return Marker;
            });
            if (!first) return;

            var path = Path.Combine(ModuleLayout.ModuleDirectoryBeside(typeof(ModuleViews).Assembly.Location), FormatFileName);
            if (!File.Exists(path))
            {
                // The host assembly was imported from outside the built module (a build folder): no views to add.
                cmdlet.WriteVerbose($"AksEgress views not loaded: {path} does not exist.");
                return;
            }

            try
            {
                using (var powerShell = PowerShell.Create(RunspaceMode.CurrentRunspace))
                {
                    // Module-qualified so a function or alias of the same name cannot stand in; the path provider-
                    // qualified and escaped because -AppendPath is a wildcard path; -Confirm:$false so a low
                    // $ConfirmPreference does not prompt for our own views, -WhatIf:$false so they load under -WhatIf.
                    powerShell.AddCommand("Microsoft.PowerShell.Utility\\Update-FormatData")
                        .AddParameter("AppendPath", "Microsoft.PowerShell.Core\\FileSystem::" + WildcardPattern.Escape(path))
                        .AddParameter("Confirm", false)
                        .AddParameter("WhatIf", false);
                    powerShell.Invoke();
                    foreach (var error in powerShell.Streams.Error)
                    {
                        cmdlet.WriteVerbose($"AksEgress views not loaded: {error}");
                    }
                }
            }
            catch (Exception ex) when ((ex is RuntimeException || ex is InvalidOperationException) && !(ex is PipelineStoppedException))
            {
                cmdlet.WriteVerbose($"AksEgress views not loaded: {ex.Message}");
            }
        }
    }
}
