#if NET
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace AksEgress.Loading
{
    /// <summary>
    /// PowerShell 7: the one load context that holds the engine and its dependencies from bin/Common, so the
    /// engine gets the Azure.Core and MSAL it was built with whatever Az has loaded into the default context.
    /// What the platform (the shared runtime, $PSHOME) has in a satisfying version is shared instead: one
    /// System.Text.Json for the whole process, and no type identity split for anything PowerShell also uses.
    /// </summary>
    /// <remarks>Not collectible: PowerShell cannot unload the host, and the host keeps engine types alive.</remarks>
    internal sealed class EngineLoadContext : AssemblyLoadContext
    {
        public const string ContextName = "AksEgress";
        public const string EngineAssemblyName = "AksEgress.Engine";

        private static readonly object Gate = new object();
        private static EngineLoadContext? _instance;

        private readonly TrustedPlatformAssemblies _platform;

        private EngineLoadContext(string commonDirectory, TrustedPlatformAssemblies platform)
            : base(ContextName, isCollectible: false)
        {
            CommonDirectory = commonDirectory;
            _platform = platform;
        }

        /// <summary>bin/Common, the only folder this context loads from.</summary>
        public string CommonDirectory { get; }

        /// <summary>
        /// The context of this process. Each host assembly has its own static state, so one host version makes one
        /// context; its bin/Common never changes, so the first caller's folder is the folder.
        /// </summary>
        public static EngineLoadContext For(string commonDirectory)
        {
            lock (Gate)
            {
                return _instance ??= new EngineLoadContext(Path.GetFullPath(commonDirectory), TrustedPlatformAssemblies.OfThisProcess());
            }
        }

        /// <summary>The engine, loaded here; null when bin/Common has none (the caller's bind then fails as usual).</summary>
        public Assembly? LoadEngine(AssemblyName requested)
        {
            // Checked first: LoadFromAssemblyName falls back to the default context when Load returns null, and the
            // default context would ask the Resolving handler that called this again.
            if (!File.Exists(Path.Combine(CommonDirectory, EngineAssemblyName + ".dll"))) return null;
            return LoadFromAssemblyName(requested);
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (_platform.Satisfies(assemblyName)) return null; // the default context binds the platform's copy
            var path = ModuleLayout.PathInCommon(CommonDirectory, assemblyName.Name, assemblyName.CultureName);
            return path != null && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
#endif
