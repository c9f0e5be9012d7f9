using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace AksEgress.Benchmarks
{
    /// <summary>
    /// Import-Module of the built module (out/AksEgress/&lt;version&gt;) against a bare binary module with one cmdlet
    /// (tests/AksEgress.BareModule), each timed inside a fresh `pwsh -NoProfile -NonInteractive` by a stopwatch around
    /// Import-Module alone, so pwsh's own start-up is not in either number. The rounds alternate the two modules so a
    /// busy moment hits both; the medians are compared. Each import also reports the Azure.* assemblies loaded in any
    /// load context: the module should load none until a live call needs one. The spread of each side and the
    /// median of the per-round ratios are printed beside the result, to tell a real change from a noisy run.
    /// </summary>
    internal static class ImportTime
    {
        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

        public sealed record Result(IReadOnlyList<double> Module, IReadOnlyList<double> Bare, IReadOnlyList<string> AzureAssemblies)
        {
            public double ModuleMilliseconds => Median(Module);

            public double BareMilliseconds => Median(Bare);

            /// <summary>The enforced ratio: median module import over median bare import.</summary>
            public double Ratio => ModuleMilliseconds / BareMilliseconds;

            /// <summary>For reading the run only: the median of each round's module/bare ratio (the two ran back to back).</summary>
            public double RoundRatio => Median(Module.Zip(Bare, (m, b) => m / b).ToList());

            public string Spread => $"module {Quartiles(Module)} ms, bare {Quartiles(Bare)} ms (quartiles); " +
                $"median of the {Module.Count} per-round ratios {RoundRatio.ToString("0.00", CultureInfo.InvariantCulture)}";

            private static string Quartiles(IReadOnlyList<double> values)
            {
                var sorted = values.OrderBy(v => v).ToArray();
                string At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))].ToString("0", CultureInfo.InvariantCulture);
                return $"{At(0.25)}-{At(0.75)}";
            }
        }

        /// <summary>The medians over the rounds, or null with the reason when this machine cannot measure it.</summary>
        public static Result? Measure(int rounds, out string skipReason)
        {
            skipReason = "";
            var pwsh = FindOnPath(OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
            if (pwsh == null)
            {
                skipReason = "pwsh is not on PATH";
                return null;
            }
            var root = RepositoryRoot();
            var version = XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("Version").Single().Value.Trim();
            var manifest = Path.Combine(root, "out", "AksEgress", version, "AksEgress.psd1");
            if (!File.Exists(manifest))
            {
                skipReason = $"{manifest} is not built (pwsh ./build.ps1)";
                return null;
            }

            var work = Path.Combine(Path.GetTempPath(), "aksegress-import-" + Guid.NewGuid().ToString("N"));
            try
            {
                var bare = BuildBareModule(root, work, out var buildError);
                if (bare == null)
                {
                    skipReason = "the bare module did not build: " + buildError;
                    return null;
                }

                // One import of each first, so neither pays for a cold disk cache in the timed rounds.
                ImportOnce(pwsh, bare);
                ImportOnce(pwsh, manifest);
                var module = new List<double>();
                var baseline = new List<double>();
                IReadOnlyList<string> azure = Array.Empty<string>();
                for (var round = 0; round < rounds; round++)
                {
                    var first = round % 2 == 0;
                    if (first) baseline.Add(ImportOnce(pwsh, bare).Milliseconds);
                    var import = ImportOnce(pwsh, manifest);
                    module.Add(import.Milliseconds);
                    azure = import.AzureAssemblies;
                    if (!first) baseline.Add(ImportOnce(pwsh, bare).Milliseconds);
                }
                return new Result(module, baseline, azure);
            }
            finally
            {
                try { Directory.Delete(work, recursive: true); } catch (IOException) { }
            }
        }

        private static (double Milliseconds, IReadOnlyList<string> AzureAssemblies) ImportOnce(string pwsh, string modulePath)
        {
            var script = string.Join("; ",
                "$ErrorActionPreference = 'Stop'",
                "$clock = [System.Diagnostics.Stopwatch]::StartNew()",
                $"Import-Module -Name '{modulePath.Replace("'", "''")}'",
                "$clock.Stop()",
                "$azure = @([System.Runtime.Loader.AssemblyLoadContext]::All | ForEach-Object { $_.Assemblies } | " +
                "Where-Object { $_.GetName().Name -like 'Azure.*' } | ForEach-Object { '{0} {1}' -f $_.GetName().Name, $_.GetName().Version })",
                "'{0}|{1}' -f $clock.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture), ($azure -join ',')");
            var (exitCode, output) = Run(pwsh, "-NoProfile", "-NonInteractive", "-Command", script);
            var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Contains('|'));
            if (exitCode != 0 || line == null) throw new InvalidOperationException($"Import-Module of {modulePath} failed ({exitCode}): {output}");
            var parts = line.Split('|');
            var azure = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries);
            return (double.Parse(parts[0], CultureInfo.InvariantCulture), azure);
        }

        private static string? BuildBareModule(string root, string work, out string error)
        {
            var output = Path.Combine(work, "bare");
            var (exitCode, text) = Run("dotnet", "build", Path.Combine(root, "tests", "AksEgress.BareModule", "AksEgress.BareModule.csproj"),
                "-c", "Release", "-o", output, "--nologo", "-v", "q", "-nodeReuse:false",
                "-p:BaseIntermediateOutputPath=" + Path.Combine(work, "obj") + Path.DirectorySeparatorChar);
            error = exitCode == 0 ? "" : text;
            var dll = Path.Combine(output, "AksEgress.BareModule.dll");
            return exitCode == 0 && File.Exists(dll) ? dll : null;
        }

        private static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish in {Limit.TotalMinutes} minutes");
            }
            process.WaitForExit();
            return (process.ExitCode, output.Result + error.Result);
        }

        internal static double Median(IReadOnlyList<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        internal static string? FindOnPath(string name) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, name))
                .FirstOrDefault(File.Exists);

        internal static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AksEgressPs.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds AksEgressPs.sln.");
        }
    }
}
