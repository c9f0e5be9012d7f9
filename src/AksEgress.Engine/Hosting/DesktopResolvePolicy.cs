using System;
using System.IO;
using System.Reflection;

namespace AksEgress.Hosting
{
    /// <summary>
    /// Windows PowerShell 5.1 gives a module no binding redirects, so a dependency that asks for an older
    /// version than the one we ship (System.Memory asks for System.Runtime.CompilerServices.Unsafe 4.0.4.1;
    /// 6.0.0.0 ships) fails to bind. The host's AssemblyResolve handler asks this policy which file, if
    /// any, answers a failed bind. It answers only for assemblies we ship, and only when one of our own
    /// assemblies (or an unknown requester) asks, so it never changes what Az or PowerShell load.
    /// </summary>
    public static class DesktopResolvePolicy
    {
        /// <summary>The path to load for a failed bind, or null to let the runtime and other handlers answer.</summary>
        /// <param name="requestedName">The full name the runtime could not bind.</param>
        /// <param name="requestingAssemblyPath">Location of the assembly that asked; null or empty when the runtime does not say.</param>
        /// <param name="binDirectory">The folder our assemblies and their dependencies ship in.</param>
        /// <param name="fileExists">File.Exists, injectable for tests.</param>
        public static string? Choose(string requestedName, string? requestingAssemblyPath, string binDirectory, Func<string, bool> fileExists)
        {
            AssemblyName name;
            try
            {
                name = new AssemblyName(requestedName);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FileLoadException)
            {
                return null;
            }

            var simpleName = name.Name;
            if (string.IsNullOrEmpty(simpleName) || simpleName!.EndsWith(".resources", StringComparison.OrdinalIgnoreCase)) return null;
            if (!string.IsNullOrEmpty(name.CultureName)) return null;
            if (simpleName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || simpleName.Contains("..")) return null;
            if (!string.IsNullOrEmpty(requestingAssemblyPath) && !IsInside(requestingAssemblyPath!, binDirectory)) return null;

            var candidate = Path.Combine(binDirectory, simpleName + ".dll");
            return fileExists(candidate) ? candidate : null;
        }

        private static bool IsInside(string path, string directory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "";
            return string.Equals(folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
                Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
                StringComparison.OrdinalIgnoreCase);
        }
    }
}
