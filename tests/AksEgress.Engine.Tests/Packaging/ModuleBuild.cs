using System.Diagnostics;
using System.Reflection;

namespace AksEgress.Engine.Tests.Packaging
{
    /// <summary>
    /// build/AksEgress.Module.proj run as build.ps1 runs it: one Publish of the hosts and the engine per test run, in
    /// the configuration these tests were built in, then Assemble and Package in workspaces of their own under the
    /// temp folder, as often as the tests need.
    /// </summary>
    public sealed class ModuleBuild : IDisposable
    {
        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

        private readonly string _root = Path.Combine(Path.GetTempPath(), "aksegress-packaging-" + Guid.NewGuid().ToString("N"));
        private readonly Lazy<ModuleWorkspace> _packaged;

        public ModuleBuild()
        {
            Configuration = typeof(ModuleBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            Version = RepositoryFiles.ModuleVersion();
            StagingDirectory = Path.Combine(_root, "staging");

            // CI builds the solution and then tests with --no-build, so the hosts and the engine are already built in
            // this configuration and are published as they are. A run that did not build them builds them here.
            var publish = Run("Publish", new Dictionary<string, string>
            {
                ["ModuleOutRoot"] = Path.Combine(_root, "publish"),
                ["ModuleStagingDir"] = StagingDirectory,
                ["ModuleNoBuild"] = HostsAreBuilt() ? "true" : "false",
            });
            if (!publish.Succeeded) throw new InvalidOperationException($"Publish of the module project failed ({publish.ExitCode}):\n{publish.Output}");
            _packaged = new Lazy<ModuleWorkspace>(PackageOnce);
        }

        public string Configuration { get; }
        public string Version { get; }

        /// <summary>The three publish outputs (core, desktop, engine); workspaces take copies.</summary>
        public string StagingDirectory { get; }

        /// <summary>A workspace whose Package target ran and succeeded, shared by the tests that only read its output.</summary>
        public ModuleWorkspace Packaged => _packaged.Value;

        public ModuleWorkspace NewWorkspace() => new ModuleWorkspace(this, Path.Combine(_root, "ws-" + Guid.NewGuid().ToString("N")));

        /// <summary>One `dotnet msbuild` of the module project in a child process.</summary>
        public MSBuildRun Run(string target, IReadOnlyDictionary<string, string> properties)
        {
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            var start = new ProcessStartInfo(string.IsNullOrEmpty(dotnet) ? "dotnet" : dotnet)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepositoryFiles.Root,
            };
            var arguments = new[]
            {
                "msbuild", RepositoryFiles.PathOf("build", "AksEgress.Module.proj"), "-t:" + target,
                "-nologo", "-v:m", "-nodeReuse:false", "-p:Configuration=" + Configuration,
            };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            foreach (var (name, value) in properties) start.ArgumentList.Add($"-p:{name}={value}");
            // No build server or worker node may outlive the run: one would keep the output pipes open.
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet msbuild");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet msbuild -t:{target} did not finish in {Limit.TotalMinutes} minutes");
            }
            process.WaitForExit();
            return new MSBuildRun(process.ExitCode, output.Result + error.Result);
        }

        public void Dispose()
        {
            try { Directory.Delete(_root, recursive: true); }
            catch (IOException) { } // a temp folder left behind is not a test failure
            catch (UnauthorizedAccessException) { }
        }

        private bool HostsAreBuilt() => new[]
        {
            RepositoryFiles.PathOf("src", "AksEgress", "bin", Configuration, "net8.0", "AksEgress.dll"),
            RepositoryFiles.PathOf("src", "AksEgress", "bin", Configuration, "net472", "AksEgress.dll"),
            RepositoryFiles.PathOf("src", "AksEgress.Engine", "bin", Configuration, "netstandard2.0", "AksEgress.Engine.dll"),
        }.All(File.Exists);

        private ModuleWorkspace PackageOnce()
        {
            var workspace = NewWorkspace();
            var run = workspace.Run("Package");
            if (!run.Succeeded) throw new InvalidOperationException($"Package failed ({run.ExitCode}):\n{run.Output}");
            return workspace;
        }
    }
}
