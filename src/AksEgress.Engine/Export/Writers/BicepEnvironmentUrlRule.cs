using System;
using System.Collections.Generic;

namespace AksEgress.Export
{
    /// <summary>
    /// The Bicep linter rule no-hardcoded-env-urls: the hosts it reports when a string literal names one, and how it
    /// finds them, so the Bicep writer can mark exactly the lines that name one on purpose.
    /// </summary>
    /// <remarks>
    /// The host lists are the linter's built-in defaults: the "disallowedhosts" and "excludedhosts" settings of
    /// analyzers.core.rules["no-hardcoded-env-urls"] in src/Bicep.Core/Configuration/bicepconfig.json of
    /// github.com/Azure/bicep, as they stand since pull request 16863 (Bicep 0.34). Bicep 0.49.2, which the tests
    /// run, reports these hosts and no others; a bicepconfig.json beside a file can change the lists for that file.
    /// </remarks>
    internal static class BicepEnvironmentUrlRule
    {
        public const string Code = "no-hardcoded-env-urls";

        /// <summary>The line that turns the rule off for the line after it, and only for that line.</summary>
        public const string DisableNextLine = "#disable-next-line " + Code;

        public static readonly IReadOnlyList<string> DisallowedHosts = new[]
        {
            "azuredatalakeanalytics.net",
            "azuredatalakestore.net",
            "batch.core.windows.net",
            "core.windows.net",
            "database.windows.net",
            "datalake.azure.net",
            "gallery.azure.com",
            "graph.windows.net",
            "login.microsoftonline.com",
            "management.azure.com",
            "management.core.windows.net",
            "vault.azure.net",
        };

        /// <summary>Hosts that contain a disallowed host but are the same in every cloud.</summary>
        public static readonly IReadOnlyList<string> ExcludedHosts = new[]
        {
            "schema.management.azure.com",
        };

        /// <summary>
        /// Whether the linter would report <paramref name="source"/>, the text of a string literal as written (escapes
        /// not decoded: the linter reads the source). A host counts in any letter case where no letter or digit stands
        /// right before or after it, so "*.core.windows.net" and "core.windows.net." count and "xcore.windows.net" does
        /// not; it does not count where it lies inside an excluded host that counts.
        /// </summary>
        public static bool Reports(string source)
        {
            foreach (var host in DisallowedHosts)
            {
                foreach (var at in Occurrences(source, host))
                {
                    if (!InsideExcludedHost(source, at, host.Length)) return true;
                }
            }
            return false;
        }

        private static bool InsideExcludedHost(string source, int at, int length)
        {
            foreach (var excluded in ExcludedHosts)
            {
                foreach (var start in Occurrences(source, excluded))
                {
                    if (start < at + length && at < start + excluded.Length) return true;
                }
            }
            return false;
        }

        /// <summary>Where <paramref name="host"/> stands in <paramref name="source"/> as a whole name, in any letter case.</summary>
        private static IEnumerable<int> Occurrences(string source, string host)
        {
            for (var at = source.IndexOf(host, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = source.IndexOf(host, at + host.Length, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + host.Length;
                var joined = (at > 0 && char.IsLetterOrDigit(source[at - 1])) || (end < source.Length && char.IsLetterOrDigit(source[end]));
                if (!joined) yield return at;
            }
        }
    }
}
