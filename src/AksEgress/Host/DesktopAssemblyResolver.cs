#if NETFRAMEWORK
using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using AksEgress.Hosting;

namespace AksEgress.Commands
{
    /// <summary>
    /// Windows PowerShell 5.1 only: answers failed binds for the dependencies shipped beside this assembly
    /// (see DesktopResolvePolicy for which), registered when the module is imported.
    /// </summary>
    public sealed class DesktopAssemblyResolver : IModuleAssemblyInitializer
    {
        private static readonly string BinDirectory = Path.GetDirectoryName(typeof(DesktopAssemblyResolver).Assembly.Location) ?? "";
        private static int _registered;

        public void OnImport()
        {
            // Import-Module -Force runs this again; one handler is enough.
            if (System.Threading.Interlocked.Exchange(ref _registered, 1) == 0)
            {
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var path = DesktopResolvePolicy.Choose(args.Name, args.RequestingAssembly?.Location, BinDirectory, File.Exists);
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
#endif
