using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace AksEgress.Engine.Tests.Loading
{
    /// <summary>
    /// One run of tests/AksEgress.LoadContextProbe in a child process (this process already has the engine's own
    /// Azure.Core in its default context, so the isolation cannot be shown here). The build puts the engine's
    /// netstandard2.0 publish output in engine-common/ (bin/Common as shipped) and another Azure.Core in
    /// other-azure-core/, and writes the probe's path to loadcontextprobe.path.
    /// </summary>
    public sealed class LoadContextProbeRun : IDisposable
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

        public LoadContextProbeRun()
        {
            var here = AppContext.BaseDirectory;
            CommonDirectory = Path.Combine(here, "engine-common");
            OtherAzureCorePath = Path.Combine(here, "other-azure-core", "Azure.Core.dll");
            var probe = File.ReadAllText(Path.Combine(here, "loadcontextprobe.path")).Trim();

            // dotnet test names the dotnet that runs it; the probe runs on that same runtime.
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            var start = new ProcessStartInfo(string.IsNullOrEmpty(dotnet) ? "dotnet" : dotnet)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { probe, CommonDirectory, OtherAzureCorePath }) start.ArgumentList.Add(argument);

            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the load context probe");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the load context probe did not finish in {Limit.TotalSeconds} s");
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"the load context probe exited with {process.ExitCode}: {error.Result}");
            }
            Report = JsonDocument.Parse(output.Result);
        }

        public string CommonDirectory { get; }
        public string OtherAzureCorePath { get; }
        public JsonDocument Report { get; }

        public JsonElement this[string property] => Report.RootElement.GetProperty(property);

        public static Version VersionOf(string path) => AssemblyName.GetAssemblyName(path).Version!;

        public void Dispose() => Report.Dispose();
    }
}
