using System.Reflection;
using AksEgress.Engine.Tests.Cmdlets;

namespace AksEgress.Engine.Tests.Loading
{
    /// <summary>
    /// What the PowerShell 7 host assembly (read as metadata) must look like for the loader to work: it names no
    /// Azure SDK assembly anywhere PowerShell can see, and PowerShell can list its types before the engine
    /// resolver is registered.
    /// </summary>
    public sealed class HostAssemblyLoadingMetadataTests : IDisposable
    {
        private readonly CmdletMetadata _metadata = new();

        public void Dispose() => _metadata.Dispose();

        private static bool IsAzureSdk(string? assemblyName) =>
            assemblyName != null && (assemblyName.StartsWith("Azure.", StringComparison.OrdinalIgnoreCase)
                || assemblyName.StartsWith("Microsoft.Identity.", StringComparison.OrdinalIgnoreCase));

        private IEnumerable<Type> Cmdlets() =>
            _metadata.Assembly.GetExportedTypes().Where(t => !t.IsAbstract && BaseTypes(t).Any(b => b.FullName == "System.Management.Automation.Cmdlet"));

        private static IEnumerable<Type> BaseTypes(Type type)
        {
            for (var b = type.BaseType; b != null; b = b.BaseType) yield return b;
        }

        /// <summary>The type and, for arrays, generics and by-refs, every type it is made of.</summary>
        private static IEnumerable<Type> Parts(Type type)
        {
            yield return type;
            if (type.HasElementType)
            {
                foreach (var part in Parts(type.GetElementType()!)) yield return part;
            }
            if (type.IsGenericType)
            {
                foreach (var part in type.GetGenericArguments().SelectMany(Parts)) yield return part;
            }
        }

        [Fact]
        public void TheHostReferencesNoAzureSdkAssembly()
        {
            var references = _metadata.Assembly.GetReferencedAssemblies().Select(r => r.Name).ToList();
            Assert.Contains("AksEgress.Engine", references);
            Assert.DoesNotContain(references, IsAzureSdk);
        }

        [Fact]
        public void NoCmdletParameterOrOutputTypeComesFromTheAzureSdk()
        {
            var cmdlets = Cmdlets().ToList();
            Assert.Equal(3, cmdlets.Count);
            var seen = 0;
            foreach (var cmdlet in cmdlets)
            {
                var parameters = cmdlet.GetProperties().Where(p => CmdletMetadata.Attribute(p, "ParameterAttribute") != null).Select(p => p.PropertyType);
                var outputs = CmdletMetadata.Attributes(cmdlet, "OutputTypeAttribute")
                    .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
                    .Select(v => v.Value).ToList();
                Assert.DoesNotContain(outputs, v => v is string name && IsAzureSdk(name));
                foreach (var type in parameters.Concat(outputs.OfType<Type>()).SelectMany(Parts))
                {
                    seen++;
                    Assert.False(IsAzureSdk(type.Assembly.GetName().Name), $"{cmdlet.Name} exposes {type.FullName} from {type.Assembly.GetName().Name}");
                }
            }
            Assert.True(seen > 20, "the cmdlets' parameters and output types were not read");
        }

        [Fact]
        public void PowerShellCanListTheExportedTypesBeforeTheEngineResolverExists()
        {
            // PowerShell loads every exported type (Assembly.ExportedTypes) before it runs OnImport. Loading a type
            // loads its base types, interfaces and the types of its value-type fields; none may be the engine's or
            // the Azure SDK's, or Import-Module fails before the resolver is registered.
            var offenders = new List<string>();
            foreach (var type in _metadata.Assembly.GetExportedTypes())
            {
                var needed = BaseTypes(type).Concat(type.GetInterfaces())
                    .Concat(type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                        .Select(f => f.FieldType).Where(t => t.IsValueType))
                    .SelectMany(Parts);
                offenders.AddRange(needed.Where(t => t.Assembly.GetName().Name == "AksEgress.Engine" || IsAzureSdk(t.Assembly.GetName().Name))
                    .Select(t => $"{type.FullName} needs {t.FullName}"));
            }
            Assert.Empty(offenders);
        }

        [Fact]
        public void ImportingTheModuleRegistersTheEngineResolverAndRemovingItUnregisters()
        {
            var initializers = _metadata.Assembly.GetExportedTypes()
                .Where(t => t.GetInterfaces().Any(i => i.FullName == "System.Management.Automation.IModuleAssemblyInitializer")).ToList();
            var initializer = Assert.Single(initializers);
            Assert.Equal("AksEgress.Loading.CoreModuleInitializer", initializer.FullName);
            Assert.Contains(initializer.GetInterfaces(), i => i.FullName == "System.Management.Automation.IModuleAssemblyCleanup");
            Assert.NotNull(initializer.GetConstructor(Type.EmptyTypes));
        }
    }
}
