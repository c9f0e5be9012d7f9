using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Security;
using AksEgress.Loading;

namespace AksEgress.LoadContextProbe
{
    /// <summary>
    /// Usage: AksEgress.LoadContextProbe &lt;bin/Common folder&gt; &lt;another Azure.Core.dll&gt;. Prints one JSON
    /// document (see ProbeReport) on stdout; exit code 1 and the exception on stderr when a step fails.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: AksEgress.LoadContextProbe <bin/Common folder> <another Azure.Core.dll>");
                return 2;
            }

            try
            {
                var report = Run(Path.GetFullPath(args[0]), Path.GetFullPath(args[1]));
                Console.Out.Write(report.ToJson());
                return 0;
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine(ex);
                return 1;
            }
        }

        private static ProbeReport Run(string commonDirectory, string otherAzureCore)
        {
            var report = new ProbeReport();

            // Az got there first: its Azure.Core is in the default context before our module is imported.
            report.OtherAzureCore = LoadedAssembly.Of(AssemblyLoadContext.Default.LoadFromAssemblyPath(otherAzureCore));

            // What CoreModuleInitializer.OnImport does, then what the host's first use of an engine type does.
            EngineResolver.Register(commonDirectory);
            var engine = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(EngineLoadContext.EngineAssemblyName));
            var engineContext = AssemblyLoadContext.GetLoadContext(engine)!;
            report.Engine = LoadedAssembly.Of(engine);

            // Offline: Get-AksEgressRule -Location eastus. Nothing Azure-related may be loaded by it.
            report.OfflineRuleCount = DeriveOffline(engine);
            report.AfterOffline = LoadedAssembly.AllIn(engineContext);

            // Live: what Get-AksEgressRule -ResourceId builds before its first request. No request is sent.
            report.TokenCredentialFrom = LoadedAssembly.Of(BuildArmClient(engine));
            report.AfterLive = LoadedAssembly.AllIn(engineContext);
            report.DefaultAzureCore = AssemblyLoadContext.Default.Assemblies
                .Where(a => a.GetName().Name == "Azure.Core").Select(LoadedAssembly.Of).ToList();

            // Where each of the engine's references binds from inside its context.
            foreach (var reference in engine.GetReferencedAssemblies())
            {
                report.EngineReferences.Add(LoadedAssembly.Of(engineContext.LoadFromAssemblyName(reference)));
            }
            return report;
        }

        private static int DeriveOffline(Assembly engine)
        {
            var plan = Activator.CreateInstance(engine.GetType("AksEgress.Planning.RulePlan", throwOnError: true)!)!;
            plan.GetType().GetProperty("Location")!.SetValue(plan, "eastus");
            var deriver = engine.GetType("AksEgress.Planning.RuleDeriver", throwOnError: true)!.GetProperty("Default")!.GetValue(null)!;
            var result = deriver.GetType().GetMethod("Derive")!.Invoke(deriver, new[] { plan })!;
            var rules = (IEnumerable)result.GetType().GetProperty("Rules")!.GetValue(result)!;
            return rules.Cast<object>().Count();
        }

        /// <summary>Builds the ARM client (an Azure.Core pipeline with a bearer-token policy); returns Azure.Core's assembly as the engine sees it.</summary>
        private static Assembly BuildArmClient(Assembly engine)
        {
            var cloudType = engine.GetType("AksEgress.Arm.ArmCloud", throwOnError: true)!;
            var cloudName = Enum.Parse(engine.GetType("AksEgress.AzureCloudName", throwOnError: true)!, "AzureCloud");
            var cloud = cloudType.GetMethod("For")!.Invoke(null, new[] { cloudName })!;
            cloud = cloudType.GetMethod("WithEndpoint")!.Invoke(cloud, new object[] { new Uri("https://127.0.0.1:9/") })!;

            var token = new SecureString();
            foreach (var c in "not-a-token") token.AppendChar(c);
            token.MakeReadOnly();
            var credentialType = engine.GetType("AksEgress.Arm.SecureStringTokenCredential", throwOnError: true)!;
            var credential = Activator.CreateInstance(credentialType, token, null)!;
            Activator.CreateInstance(engine.GetType("AksEgress.Arm.ArmClient", throwOnError: true)!, cloud, credential, null);
            return credentialType.BaseType!.Assembly;
        }
    }
}
