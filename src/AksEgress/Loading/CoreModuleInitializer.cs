#if NET
using System.Management.Automation;

namespace AksEgress.Loading
{
    /// <summary>
    /// PowerShell 7: registers the engine resolver when the module is imported and removes it when the module is.
    /// </summary>
    /// <remarks>
    /// PowerShell lists the assembly's exported types first and runs OnImport before it reads any cmdlet's
    /// attributes or parameters (PSSnapInHelpers.AnalyzeModuleAssemblyWithReflection calls GetAssemblyTypes, then
    /// ExecuteModuleInitializer, then reads the CmdletAttribute of each type). Listing the types loads them, so no
    /// exported type of the host may derive from, implement, or hold a value-type field of an engine type; the
    /// cmdlet metadata tests check that. [OutputType(typeof(AksEgressRule))] and parameter types are read later,
    /// when the resolver is in place.
    /// </remarks>
    public sealed class CoreModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() =>
            EngineResolver.Register(ModuleLayout.CommonDirectoryBeside(typeof(CoreModuleInitializer).Assembly.Location));

        public void OnRemove(PSModuleInfo psModuleInfo) => EngineResolver.Unregister();
    }
}
#endif
