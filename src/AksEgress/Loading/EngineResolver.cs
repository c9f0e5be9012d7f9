#if NET
using System;
using System.Reflection;
using System.Runtime.Loader;

namespace AksEgress.Loading
{
    /// <summary>
    /// PowerShell 7: the host assembly sits in the default load context and references AksEgress.Engine, which is
    /// not beside it. The default context cannot find it and raises Resolving; this answers that one name, and
    /// only that one, with the engine loaded into <see cref="EngineLoadContext"/>. Every other failed bind is left
    /// to PowerShell and Az.
    /// </summary>
    internal static class EngineResolver
    {
        private static readonly object Gate = new object();
        private static Func<AssemblyLoadContext, AssemblyName, Assembly?>? _handler;
        private static int _imports;

        [ThreadStatic]
        private static bool _resolving;

        public static bool IsRegistered
        {
            get { lock (Gate) return _handler != null; }
        }

        /// <summary>
        /// Called on every import. The handler is added once however often the module is imported
        /// (Import-Module -Force, several runspaces); imports are counted so that removing the module from one
        /// runspace does not take the engine away from another that has not touched it yet. The load context (and
        /// the platform list it reads) is made on the first request for the engine, not here: import stays cheap,
        /// and a session that never runs a command never makes it.
        /// </summary>
        public static void Register(string commonDirectory)
        {
            lock (Gate)
            {
                _imports++;
                if (_handler != null) return;
                _handler = (_, name) => Resolve(commonDirectory, name);
                AssemblyLoadContext.Default.Resolving += _handler;
            }
        }

        /// <summary>Called on every removal; the handler goes when the last import is removed.</summary>
        public static void Unregister()
        {
            lock (Gate)
            {
                if (_imports > 0) _imports--;
                if (_imports > 0 || _handler == null) return;
                AssemblyLoadContext.Default.Resolving -= _handler;
                _handler = null;
            }
        }

        private static Assembly? Resolve(string commonDirectory, AssemblyName name)
        {
            if (!string.Equals(name.Name, EngineLoadContext.EngineAssemblyName, StringComparison.OrdinalIgnoreCase)) return null;
            // Never re-enter: a bind the engine context hands back to the default context must not come here again.
            if (_resolving) return null;
            _resolving = true;
            try
            {
                return EngineLoadContext.For(commonDirectory).LoadEngine(name);
            }
            finally
            {
                _resolving = false;
            }
        }
    }
}
#endif
