using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using AksEgress.Loading;

namespace AksEgress.LoadContextProbe
{
    /// <summary>One loaded assembly as the test sees it: which copy (version, file) and which load context.</summary>
    internal sealed class LoadedAssembly
    {
        private static readonly TrustedPlatformAssemblies Platform = TrustedPlatformAssemblies.OfThisProcess();

        public string Name { get; private set; } = "";
        public string Version { get; private set; } = "";
        public string Location { get; private set; } = "";
        public string Context { get; private set; } = "";
        /// <summary>True when the file is the one the runtime's trusted platform list names.</summary>
        public bool Trusted { get; private set; }

        public static LoadedAssembly Of(Assembly assembly)
        {
            var name = assembly.GetName();
            var location = assembly.IsDynamic ? "" : assembly.Location;
            return new LoadedAssembly
            {
                Name = name.Name ?? "",
                Version = name.Version?.ToString() ?? "",
                Location = location,
                Context = AssemblyLoadContext.GetLoadContext(assembly)?.Name ?? "",
                Trusted = location.Length > 0 && Platform.PathOf(name.Name ?? "") == location,
            };
        }

        public static List<LoadedAssembly> AllIn(AssemblyLoadContext context) =>
            context.Assemblies.Select(Of).OrderBy(a => a.Name, System.StringComparer.Ordinal).ToList();

        public void Write(Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteString("name", Name);
            json.WriteString("version", Version);
            json.WriteString("location", Location);
            json.WriteString("context", Context);
            json.WriteBoolean("trusted", Trusted);
            json.WriteEndObject();
        }
    }
}
