using System;
using System.IO;
using System.Reflection;

namespace AksEgress.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 has one AppDomain and gives a module no binding redirects. The engine and its
    /// dependencies live in bin/Common, outside every probing path, and some of them ask for other versions than
    /// the ones shipped (System.Memory asks for System.Runtime.CompilerServices.Unsafe 4.0.4.1; 6.0.0.0 ships).
    /// The AssemblyResolve handler asks this policy which file, if any, answers a failed bind.
    /// </summary>
    /// <remarks>
    /// It answers only our own assemblies (the host in bin/Desktop, anything in bin/Common) and only with a file
    /// in bin/Common, so it never changes what Az or PowerShell load.
    /// <para>
    /// A request without a requesting assembly is not answered. For every static reference of an assembly in the
    /// load-from context (PowerShell loads the host with LoadFrom; the handler loads bin/Common with LoadFrom) the
    /// runtime names the requester, so the engine's own dependencies are covered. A null requester is a by-name
    /// load (Assembly.Load(string), Type.GetType with an assembly-qualified name) from a caller we cannot see: if
    /// that caller is Az asking for Azure.Core, answering would hand it our copy, which is exactly what this
    /// module must never do.
    /// </para>
    /// <para>
    /// Versions: a shipped file answers a request for an older or newer version of the same major version; that
    /// is what replaces binding redirects. A lower major version than requested is refused: across a major
    /// version APIs are removed, and a clear bind failure now is better than a MissingMethodException at some
    /// later call. The public key token must match when the request names one, so a different assembly that
    /// happens to share a simple name is never substituted.
    /// </para>
    /// </remarks>
    internal static class DesktopResolvePolicy
    {
        /// <summary>The path to load for a failed bind, or null to let the runtime and other handlers answer.</summary>
        /// <param name="requestedName">The full name the runtime could not bind.</param>
        /// <param name="requestingAssemblyPath">Location of the assembly that asked; null or empty when the runtime does not say.</param>
        /// <param name="hostDirectory">bin/Desktop, where the host assembly is.</param>
        /// <param name="commonDirectory">bin/Common, where the engine and its dependencies are.</param>
        /// <param name="fileExists">File.Exists, injectable for tests.</param>
        /// <param name="readName">Reads a file's assembly name (AssemblyName.GetAssemblyName); null when it cannot.</param>
        public static string? Choose(string requestedName, string? requestingAssemblyPath, string hostDirectory, string commonDirectory,
            Func<string, bool> fileExists, Func<string, AssemblyName?> readName)
        {
            if (string.IsNullOrEmpty(requestingAssemblyPath)) return null;
            if (!ModuleLayout.IsDirectlyIn(requestingAssemblyPath!, hostDirectory, commonDirectory)) return null;

            var requested = TryParse(requestedName);
            if (requested == null) return null;
            // Satellite lookups fall back to the neutral resources inside the assembly; none ship in bin/Common.
            if (!string.IsNullOrEmpty(requested.CultureName)) return null;
            if (requested.Name!.EndsWith(".resources", StringComparison.OrdinalIgnoreCase)) return null;

            var candidate = ModuleLayout.PathInCommon(commonDirectory, requested.Name, null);
            if (candidate == null || !fileExists(candidate)) return null;

            var shipped = readName(candidate);
            if (shipped == null) return null;
            if (!AssemblyMatch.SameName(shipped, requested) || !AssemblyMatch.SameToken(shipped, requested)) return null;
            if (requested.Version != null && (shipped.Version == null || shipped.Version.Major < requested.Version.Major)) return null;
            return candidate;
        }

        private static AssemblyName? TryParse(string requestedName)
        {
            try
            {
                var name = new AssemblyName(requestedName);
                return string.IsNullOrEmpty(name.Name) ? null : name;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FileLoadException)
            {
                return null;
            }
        }
    }
}
