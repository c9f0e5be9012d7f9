using System;
using System.IO;

namespace AksEgress.Loading
{
    /// <summary>
    /// Where the built module keeps what: bin/Core/AksEgress.dll (PowerShell 7), bin/Desktop/AksEgress.dll
    /// (Windows PowerShell 5.1), and bin/Common/ with the engine and every dependency, shared by both hosts.
    /// </summary>
    internal static class ModuleLayout
    {
        public const string CommonFolderName = "Common";

        /// <summary>bin/Common, found from the host assembly's own path (bin/Core or bin/Desktop).</summary>
        public static string CommonDirectoryBeside(string hostAssemblyPath)
        {
            var hostDirectory = Path.GetDirectoryName(Path.GetFullPath(hostAssemblyPath)) ?? "";
            return Path.GetFullPath(Path.Combine(hostDirectory, "..", CommonFolderName));
        }

        /// <summary>The module folder, where AksEgress.psd1 and the format file are: two levels above the host assembly.</summary>
        public static string ModuleDirectoryBeside(string hostAssemblyPath)
        {
            var hostDirectory = Path.GetDirectoryName(Path.GetFullPath(hostAssemblyPath)) ?? "";
            return Path.GetFullPath(Path.Combine(hostDirectory, "..", ".."));
        }

        /// <summary>
        /// The file in <paramref name="commonDirectory"/> that would hold an assembly of this simple name (a
        /// satellite sits in the culture's subfolder), or null when the name cannot be a plain file name there:
        /// the name comes from whoever asks, so it must never lead out of the folder.
        /// </summary>
        public static string? PathInCommon(string commonDirectory, string? simpleName, string? cultureName)
        {
            if (!IsPlainFileName(simpleName)) return null;
            if (string.IsNullOrEmpty(cultureName)) return Path.Combine(commonDirectory, simpleName + ".dll");
            return IsPlainFileName(cultureName) ? Path.Combine(commonDirectory, cultureName, simpleName + ".dll") : null;
        }

        /// <summary>Whether <paramref name="path"/> names a file directly inside one of the given folders.</summary>
        public static bool IsDirectlyIn(string path, params string[] directories)
        {
            var folder = Trim(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "");
            foreach (var directory in directories)
            {
                if (string.Equals(folder, Trim(Path.GetFullPath(directory)), StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        private static bool IsPlainFileName(string? name) =>
            !string.IsNullOrWhiteSpace(name)
            && name!.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
            && name.IndexOfAny(new[] { '/', '\\', ':' }) < 0
            && name.Trim('.').Length > 0
            && !name.Contains("..");

        private static string Trim(string directory) => directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
    }
}
