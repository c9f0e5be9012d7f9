using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace AksEgress.Benchmarks
{
    /// <summary>
    /// The whole host path of piped clusters, in one pwsh process (HostPipeline.ps1): Get-AksEgressRule -Offline on
    /// the objects ConvertFrom-Json made of N 'az aks show' documents (ClusterDocuments), against that ConvertFrom-Json,
    /// each piped on to Out-Null (the script says why). Besides the derivation (DerivationVsParse) this times what the
    /// cmdlet adds: reading PSObjects, the pipeline-thread pump, writing each rule and the warnings. Reports the
    /// medians of each side over alternating rounds and the median of the per-round ratios module/baseline, in wall
    /// time (the target) and in the pwsh process's CPU time (less swayed by other work on a shared machine).
    /// </summary>
    internal static class HostPipeline
    {
        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

        public sealed record Result(int Clusters, int Rules, int Warnings, Sides Wall, Sides Cpu)
        {
            /// <summary>The CPU-time comparison and every round's wall time, under the reported line.</summary>
            public string Details =>
                $"  process CPU: {Cpu.Module:0} ms vs {Cpu.Baseline:0} ms, ratio {Cpu.Ratio:0.00}; wall ms per round: module " +
                $"{string.Join(" ", Wall.ModuleRounds.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))}; baseline " +
                $"{string.Join(" ", Wall.BaselineRounds.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))}";
        }

        /// <summary>Medians in milliseconds, the median per-round ratio, and every round.</summary>
        public sealed record Sides(double Module, double Baseline, double Ratio, IReadOnlyList<double> ModuleRounds, IReadOnlyList<double> BaselineRounds);

        /// <summary>The medians over the rounds, or null with the reason when this machine cannot measure it.</summary>
        public static Result? Measure(int clusters, int rounds, out string skipReason)
        {
            skipReason = "";
            var pwsh = ImportTime.FindOnPath(OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
            if (pwsh == null)
            {
                skipReason = "pwsh is not on PATH";
                return null;
            }
            var root = ImportTime.RepositoryRoot();
            var version = XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("Version").Single().Value.Trim();
            var manifest = Path.Combine(root, "out", "AksEgress", version, "AksEgress.psd1");
            if (!File.Exists(manifest))
            {
                skipReason = $"{manifest} is not built (pwsh ./build.ps1)";
                return null;
            }

            var documents = Path.Combine(Path.GetTempPath(), "aksegress-hostpipeline-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                using (var file = File.Create(documents))
                {
                    foreach (var document in ClusterDocuments.Build(clusters))
                    {
                        file.Write(document);
                        file.WriteByte(0x1e);
                    }
                }
                var script = Path.Combine(AppContext.BaseDirectory, "HostPipeline.ps1");
                var lines = Run(pwsh, "-NoProfile", "-NonInteractive", "-File", script, "-ManifestPath", manifest, "-DocumentsPath", documents,
                    "-Rounds", rounds.ToString(CultureInfo.InvariantCulture));
                return Parse(lines, clusters);
            }
            finally
            {
                File.Delete(documents);
            }
        }

        private static Result Parse(IReadOnlyList<string> lines, int clusters)
        {
            var rounds = new Dictionary<string, (List<double> Wall, List<double> Cpu)> { ["module"] = (new(), new()), ["baseline"] = (new(), new()) };
            int? read = null, rules = null, warnings = null;
            foreach (var line in lines)
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 3 && rounds.TryGetValue(parts[0], out var side))
                {
                    side.Wall.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
                    side.Cpu.Add(double.Parse(parts[2], CultureInfo.InvariantCulture));
                }
                if (parts.Length == 6 && parts[0] == "clusters")
                {
                    (read, rules, warnings) = (int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture),
                        int.Parse(parts[5], CultureInfo.InvariantCulture));
                }
            }
            var (module, baseline) = (rounds["module"], rounds["baseline"]);
            if (module.Wall.Count == 0 || module.Wall.Count != baseline.Wall.Count || read != clusters || rules == null || warnings == null)
            {
                throw new InvalidOperationException($"HostPipeline.ps1 did not report {clusters} clusters and paired rounds:\n{string.Join("\n", lines)}");
            }
            return new Result(read.Value, rules.Value, warnings.Value, Summarize(module.Wall, baseline.Wall), Summarize(module.Cpu, baseline.Cpu));
        }

        private static Sides Summarize(List<double> module, List<double> baseline) =>
            new Sides(ImportTime.Median(module), ImportTime.Median(baseline), ImportTime.Median(module.Zip(baseline, (m, b) => m / b).ToList()), module, baseline);

        /// <summary>Runs the script and returns its output lines; its error stream is thrown with a non-zero exit.</summary>
        private static IReadOnlyList<string> Run(string fileName, params string[] arguments)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            start.Environment["NO_COLOR"] = "1"; // plain error text
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
            var error = process.StandardError.ReadToEndAsync();
            var lines = new List<string>();
            var output = Task.Run(() =>
            {
                while (process.StandardOutput.ReadLine() is { } line) lines.Add(line.Trim());
            });
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish in {Limit.TotalMinutes} minutes");
            }
            process.WaitForExit();
            output.Wait();
            if (process.ExitCode != 0) throw new InvalidOperationException($"HostPipeline.ps1 failed ({process.ExitCode}): {string.Join("\n", lines)}\n{error.Result}");
            return lines;
        }
    }
}
