#if NETFRAMEWORK
using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Threading;

namespace AksEgress.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1: answers failed binds of our own assemblies with the files in bin/Common (see
    /// DesktopResolvePolicy for which), registered when the module is imported. Like the PowerShell 7
    /// initializer it touches no engine type, because PowerShell runs it only after loading every exported type.
    /// </summary>
    public sealed class DesktopAssemblyResolver : IModuleAssemblyInitializer
    {
        private static readonly string HostDirectory = Path.GetDirectoryName(typeof(DesktopAssemblyResolver).Assembly.Location) ?? "";
        private static readonly string CommonDirectory = ModuleLayout.CommonDirectoryBeside(typeof(DesktopAssemblyResolver).Assembly.Location);
        private static int _registered;

        public void OnImport()
        {
            // Import-Module -Force runs this again; one handler is enough. It stays for the life of the process:
            // binds it answered are cached by the runtime, and it answers nothing that is not ours.
            if (Interlocked.Exchange(ref _registered, 1) == 0)
            {
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            // A dynamic assembly has no location (Location throws); it is not ours either.
            var requester = args.RequestingAssembly;
            var requesterPath = requester == null || requester.IsDynamic ? null : requester.Location;
            var path = DesktopResolvePolicy.Choose(args.Name, requesterPath, HostDirectory, CommonDirectory, File.Exists, AssemblyMatch.ReadNameOrNull);
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
#endif
