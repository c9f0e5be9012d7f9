#if NET
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace AksEgress.Loading
{
    /// <summary>
    /// The assemblies the default load context binds by itself on PowerShell 7: the runtime host's list of
    /// trusted platform assemblies, which holds the shared runtime and everything pwsh ships in $PSHOME.
    /// </summary>
    internal sealed class TrustedPlatformAssemblies
    {
        private readonly Dictionary<string, string> _pathsByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, AssemblyName?> _names = new ConcurrentDictionary<string, AssemblyName?>(StringComparer.OrdinalIgnoreCase);
        private readonly Func<string, AssemblyName?> _readName;

        /// <param name="pathList">Paths separated by the platform's path separator, as TRUSTED_PLATFORM_ASSEMBLIES holds them.</param>
        /// <param name="readName">Reads a file's assembly name; injectable for tests.</param>
        public TrustedPlatformAssemblies(string? pathList, Func<string, AssemblyName?>? readName = null)
        {
            _readName = readName ?? AssemblyMatch.ReadNameOrNull;
            foreach (var path in (pathList ?? "").Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                // The host puts the copy it chose first; a later duplicate is never what the runtime binds.
                if (name.Length > 0 && !_pathsByName.ContainsKey(name)) _pathsByName.Add(name, path);
            }
        }

        /// <summary>The list this process was started with; read once, it does not change while the process runs.</summary>
        public static TrustedPlatformAssemblies OfThisProcess() =>
            new TrustedPlatformAssemblies(AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string);

        public string? PathOf(string simpleName) => _pathsByName.TryGetValue(simpleName, out var path) ? path : null;

        /// <summary>Whether the platform's assembly of this simple name satisfies the request (see AssemblyMatch).</summary>
        public bool Satisfies(AssemblyName requested)
        {
            if (string.IsNullOrEmpty(requested.Name)) return false;
            var path = PathOf(requested.Name);
            if (path == null) return false;
            var platform = _names.GetOrAdd(requested.Name, _ => _readName(path));
            return platform != null && AssemblyMatch.Satisfies(platform, requested);
        }
    }
}
#endif
