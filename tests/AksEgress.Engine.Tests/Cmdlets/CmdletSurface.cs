using System.Globalization;
using System.Reflection;

namespace AksEgress.Engine.Tests.Cmdlets
{
    /// <summary>
    /// A cmdlet as Get-Help and the parameter binder see it, read from the host assembly's metadata: its name,
    /// parameter sets and parameters with their bindings and validation. The help tests compare the MAML to this.
    /// </summary>
    internal sealed class CmdletSurface
    {
        /// <summary>The set PowerShell puts a cmdlet's parameters in when it names no set at all.</summary>
        public const string AllSets = "__AllParameterSets";

        public sealed record Binding(string? Set, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);

        public sealed record Parameter(string Name, string TypeName, IReadOnlyList<Binding> Bindings, string[]? ValidValues, (string Min, string Max)? Range)
        {
            /// <summary>A parameter whose [Parameter] names no set belongs to every set.</summary>
            public Binding? In(string set) =>
                Bindings.FirstOrDefault(b => b.Set == set) ?? Bindings.FirstOrDefault(b => b.Set == null);
        }

        private CmdletSurface(string name, string verb, string noun, string defaultSet, IReadOnlyList<string> sets,
            IReadOnlyList<Parameter> parameters, IReadOnlyList<string> outputTypes)
        {
            Name = name;
            Verb = verb;
            Noun = noun;
            DefaultSet = defaultSet;
            Sets = sets;
            Parameters = parameters;
            OutputTypes = outputTypes;
        }

        public string Name { get; }
        public string Verb { get; }
        public string Noun { get; }
        public string DefaultSet { get; }
        public IReadOnlyList<string> Sets { get; }
        public IReadOnlyList<Parameter> Parameters { get; }
        public IReadOnlyList<string> OutputTypes { get; }

        public IEnumerable<Parameter> ParametersOf(string set) => Parameters.Where(p => p.In(set) != null);

        /// <summary>Every public, non-abstract [Cmdlet] type of the host assembly.</summary>
        public static IReadOnlyList<CmdletSurface> All(CmdletMetadata metadata) =>
            metadata.Assembly.GetExportedTypes()
                .Where(t => !t.IsAbstract && CmdletMetadata.Attribute(t, "CmdletAttribute") != null)
                .Select(From)
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .ToList();

        public static CmdletSurface From(Type type)
        {
            var cmdlet = CmdletMetadata.Attribute(type, "CmdletAttribute")!;
            var verb = (string)cmdlet.ConstructorArguments[0].Value!;
            var noun = (string)cmdlet.ConstructorArguments[1].Value!;
            var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => CmdletMetadata.Attribute(p, "ParameterAttribute") != null)
                .Select(Read)
                .ToList();
            // -WhatIf and -Confirm are real parameters of a ShouldProcess cmdlet, in every set; Get-Help lists them.
            if (CmdletMetadata.Named<bool>(cmdlet, "SupportsShouldProcess"))
            {
                var everywhere = new[] { new Binding(null, false, null, false, false) };
                parameters.Add(new Parameter("WhatIf", "System.Management.Automation.SwitchParameter", everywhere, null, null));
                parameters.Add(new Parameter("Confirm", "System.Management.Automation.SwitchParameter", everywhere, null, null));
            }

            // A default set that no parameter names still exists (Export-AksEgressRule's ToPipeline): it holds the
            // parameters that name no set, and PowerShell shows it as a syntax line of its own.
            var declaredDefault = CmdletMetadata.Named<string>(cmdlet, "DefaultParameterSetName");
            var named = parameters.SelectMany(p => p.Bindings).Select(b => b.Set).OfType<string>()
                .Prepend(declaredDefault).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var sets = named.Count == 0 ? new List<string> { AllSets } : named;
            var defaultSet = declaredDefault ?? sets[0];
            var outputs = CmdletMetadata.Attributes(type, "OutputTypeAttribute")
                .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
                .Select(t => t.Value!.ToString()!)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return new CmdletSurface($"{verb}-{noun}", verb, noun, defaultSet, sets, parameters, outputs);
        }

        private static Parameter Read(PropertyInfo property)
        {
            // A binding marked DontShow is hidden from syntax and completion by PowerShell itself (Test-AksEgress takes
            // -InputObject in the Plan set only to explain that piped rules and -Location do not mix), so help omits it too.
            var bindings = CmdletMetadata.Attributes(property, "ParameterAttribute")
                .Where(a => !CmdletMetadata.Named<bool>(a, "DontShow"))
                .Select(a => new Binding(
                    CmdletMetadata.Named<string>(a, "ParameterSetName"),
                    CmdletMetadata.Named<bool>(a, "Mandatory"),
                    CmdletMetadata.Named<int?>(a, "Position"),
                    CmdletMetadata.Named<bool>(a, "ValueFromPipeline"),
                    CmdletMetadata.Named<bool>(a, "ValueFromPipelineByPropertyName")))
                .ToList();
            var range = CmdletMetadata.Attribute(property, "ValidateRangeAttribute");
            (string, string)? bounds = range == null ? null
                : (Invariant(range.ConstructorArguments[0].Value), Invariant(range.ConstructorArguments[1].Value));
            return new Parameter(property.Name, property.PropertyType.FullName!, bindings, CmdletMetadata.ValidateSet(property), bounds);
        }

        private static string Invariant(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }
}
