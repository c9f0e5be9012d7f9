using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace AksEgress.LoadContextProbe
{
    /// <summary>
    /// What the probe saw. Written with System.Text.Json only at the very end, so the probe's own use of it
    /// cannot decide which copy the engine got.
    /// </summary>
    internal sealed class ProbeReport
    {
        public LoadedAssembly? OtherAzureCore { get; set; }
        public LoadedAssembly? Engine { get; set; }
        public int OfflineRuleCount { get; set; }
        public List<LoadedAssembly> AfterOffline { get; set; } = new();
        public LoadedAssembly? TokenCredentialFrom { get; set; }
        public List<LoadedAssembly> AfterLive { get; set; } = new();
        public List<LoadedAssembly> DefaultAzureCore { get; set; } = new();
        public List<LoadedAssembly> EngineReferences { get; } = new();

        public string ToJson()
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                One(json, "otherAzureCore", OtherAzureCore);
                One(json, "engine", Engine);
                json.WriteNumber("offlineRuleCount", OfflineRuleCount);
                Many(json, "afterOffline", AfterOffline);
                One(json, "tokenCredentialFrom", TokenCredentialFrom);
                Many(json, "afterLive", AfterLive);
                Many(json, "defaultAzureCore", DefaultAzureCore);
                Many(json, "engineReferences", EngineReferences);
                json.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void One(Utf8JsonWriter json, string name, LoadedAssembly? assembly)
        {
            json.WritePropertyName(name);
            if (assembly == null) json.WriteNullValue();
            else assembly.Write(json);
        }

        private static void Many(Utf8JsonWriter json, string name, List<LoadedAssembly> assemblies)
        {
            json.WriteStartArray(name);
            foreach (var assembly in assemblies) assembly.Write(json);
            json.WriteEndArray();
        }
    }
}
