using System;
using System.Reflection;

namespace AksEgress.Loading
{
    /// <summary>
    /// Whether an assembly that is already at hand can serve a request for another. On PowerShell 7 this decides
    /// when the copy in $PSHOME or the shared runtime serves the engine instead of the one in bin/Common: sharing
    /// it avoids a second System.Text.Json, but only when the engine cannot tell the difference.
    /// </summary>
    internal static class AssemblyMatch
    {
        /// <summary>Same simple name, same or higher version, same public key token, same culture.</summary>
        public static bool Satisfies(AssemblyName candidate, AssemblyName requested) =>
            SameName(candidate, requested)
            && NewEnough(candidate, requested)
            && SameToken(candidate, requested)
            && SameCulture(candidate, requested);

        /// <summary>Simple names compare as the runtime compares them: ignoring case.</summary>
        public static bool SameName(AssemblyName candidate, AssemblyName requested) =>
            !string.IsNullOrEmpty(requested.Name)
            && string.Equals(candidate.Name, requested.Name, StringComparison.OrdinalIgnoreCase);

        /// <summary>A request that names no version (Assembly.Load("Name")) takes any; otherwise never a lower one.</summary>
        public static bool NewEnough(AssemblyName candidate, AssemblyName requested) =>
            requested.Version == null || (candidate.Version != null && candidate.Version >= requested.Version);

        /// <summary>
        /// Tokens must be equal; unsigned on both sides counts as equal whether it is written as null or empty.
        /// A request that does not mention a token at all ("Name" rather than "Name, PublicKeyToken=null") is a
        /// by-name load and takes any, as the runtime's own binder does for such a name.
        /// </summary>
        public static bool SameToken(AssemblyName candidate, AssemblyName requested)
        {
            var wanted = requested.GetPublicKeyToken();
            if (wanted == null) return true;
            var offered = candidate.GetPublicKeyToken() ?? new byte[0];
            if (wanted.Length != offered.Length) return false;
            for (var i = 0; i < wanted.Length; i++)
            {
                if (wanted[i] != offered[i]) return false;
            }
            return true;
        }

        /// <summary>Null and empty both mean the neutral culture.</summary>
        public static bool SameCulture(AssemblyName candidate, AssemblyName requested) =>
            string.Equals(candidate.CultureName ?? "", requested.CultureName ?? "", StringComparison.OrdinalIgnoreCase);

        /// <summary>The identity of the assembly file at <paramref name="path"/>, read without loading it; null when it is not one.</summary>
        public static AssemblyName? ReadNameOrNull(string path)
        {
            try
            {
                return AssemblyName.GetAssemblyName(path);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is BadImageFormatException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                // Not a managed assembly, or gone: it cannot serve the request.
                return null;
            }
        }
    }
}
