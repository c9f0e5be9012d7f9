using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>
    /// The real Bicep CLI: bicep build compiles a text and bicep lint lints it. The CLI is the NuGet package that
    /// build/tools/Tools.proj restores into &lt;repo&gt;/.tools/nuget; when it is not there, Tools.proj is restored
    /// once per test process, and when that fails the calling test fails and says what to run. No test passes
    /// without bicep having read the text. Every start of bicep costs a second or more, so results are kept by
    /// content for the process, and the texts of one call share one build and one lint run, side by side.
    /// </summary>
    public static class BicepCli
    {
        private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
        private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

        // Tracing, when a developer has it on, would print to stderr, which must hold diagnostics only. The CLI
        // sends no telemetry; the variables for dotnet keep the restore quiet.
        private static readonly IReadOnlyDictionary<string, string?> ToolEnvironment = new Dictionary<string, string?>
        {
            ["BICEP_TRACING_ENABLED"] = "false",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };

        private static readonly object Gate = new();
        private static readonly Dictionary<string, BicepResult> Results = new(StringComparer.Ordinal);
        private static string? _executable;
        private static string? _unavailable;
        private static string? _workRoot;
        private static int _batches;

        public static BicepResult Compile(string text) => Compile(new[] { text })[0];

        /// <summary>Builds and lints every text not compiled before in this process, all in one batch.</summary>
        public static IReadOnlyList<BicepResult> Compile(IEnumerable<string> texts)
        {
            var keyed = texts.Select(text => (Key: Key(text), Text: text)).ToList();
            lock (Gate)
            {
                var missing = keyed.Where(t => !Results.ContainsKey(t.Key)).DistinctBy(t => t.Key).ToList();
                if (missing.Count > 0) CompileBatch(missing);
                return keyed.Select(t => Results[t.Key]).ToList();
            }
        }

        /// <summary>
        /// Fails unless bicep builds and lints <paramref name="bicep"/> with exit code 0 and no diagnostic at all,
        /// and the JSON it builds has the value of <paramref name="arm"/>, apart from the compiler's own metadata.
        /// </summary>
        public static void AssertCompilesLikeArm(string bicep, string arm)
        {
            var result = Compile(bicep);
            result.AssertClean();
            var compiled = JsonNode.Parse(result.Json!)!;
            var metadata = compiled["metadata"]?.AsObject();
            metadata?.Remove("_generator");
            if (metadata?.Count == 0) compiled.AsObject().Remove("metadata");
            var differences = JsonDifferences.Between(JsonNode.Parse(arm), compiled);
            Assert.True(differences.Count == 0,
                "The JSON that bicep build makes of the Bicep file differs from the ARM template (ARM first, then Bicep):\n" + string.Join("\n", differences));
        }

        private static string Key(string text) => Convert.ToHexString(SHA256.HashData(Utf8.GetBytes(text)), 0, 16).ToLowerInvariant();

        private static void CompileBatch(IReadOnlyList<(string Key, string Text)> batch)
        {
            var bicep = Executable();
            var folder = Path.Combine(WorkRoot(), $"batch-{++_batches}");
            Directory.CreateDirectory(folder);
            try
            {
                foreach (var (key, text) in batch) File.WriteAllText(Path.Combine(folder, key + ".bicep"), text, Utf8);
                // An empty configuration file stops bicep from looking for a bicepconfig.json above the temp folder:
                // the linter runs with its built-in defaults, whatever the machine has lying about. --no-restore keeps
                // it from registries. Build and lint need no network: bicep 0.49.2 starts one look-up (aka.ms, for
                // the public module index) in the background and does not wait for it; with no network at all
                // (unshare -n) both take as long as here.
                var config = Path.Combine(WorkRoot(), "defaults.json");
                var build = Task.Run(() => Run(bicep, folder, "build", "--pattern", "*.bicep", "--outdir", "out", "--no-restore", "--config", config));
                var lint = Task.Run(() => Run(bicep, folder, "lint", "--pattern", "*.bicep", "--no-restore", "--config", config));
                var (buildExit, _, buildErrors) = build.GetAwaiter().GetResult();
                var (lintExit, _, lintErrors) = lint.GetAwaiter().GetResult();

                // A failing file fails the exit code of the whole batch; compiled alone, each gets its own.
                if ((buildExit != 0 || lintExit != 0) && batch.Count > 1)
                {
                    foreach (var item in batch) CompileBatch(new[] { item });
                    return;
                }
                var keys = batch.Select(item => item.Key).ToList();
                foreach (var (key, _) in batch)
                {
                    var output = Path.Combine(folder, "out", key + ".json");
                    Results[key] = new BicepResult(
                        File.Exists(output) ? File.ReadAllText(output, Utf8) : null,
                        buildExit, DiagnosticsOf(key, keys, buildErrors),
                        lintExit, DiagnosticsOf(key, keys, lintErrors));
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        /// <summary>The lines bicep wrote about one file (they start with its path), and every line that names no file of the batch.</summary>
        private static List<string> DiagnosticsOf(string key, IReadOnlyList<string> keys, string stderr) =>
            stderr.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0)
                .Where(line => line.Contains(key + ".bicep(", StringComparison.Ordinal) || !keys.Any(other => line.Contains(other + ".bicep(", StringComparison.Ordinal)))
                .ToList();

        private static (int ExitCode, string Stdout, string Stderr) Run(string bicep, string folder, params string[] arguments) =>
            ExternalTool.Run(bicep, arguments, RunTimeout, folder, ToolEnvironment);

        private static string WorkRoot()
        {
            if (_workRoot != null) return _workRoot;
            var root = Path.Combine(Path.GetTempPath(), $"aksegress-bicep-{Environment.ProcessId}");
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "defaults.json"), "{}\n", Utf8);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            };
            return _workRoot = root;
        }

        /// <summary>&lt;repo&gt;/.tools/nuget/azure.bicep.commandline.&lt;rid&gt;/&lt;version&gt;/tools/bicep, restored when missing.</summary>
        private static string Executable()
        {
            if (_executable != null) return _executable;
            if (_unavailable != null) Assert.Fail(_unavailable);
            var root = ExternalTool.RepositoryRoot();
            var toolsProject = Path.Combine(root, "build", "tools", "Tools.proj");
            // Tools.proj pins the version; the runtime identifier is chosen there the same way.
            var pinned = Regex.Match(File.ReadAllText(toolsProject), @"Include=""Azure\.Bicep\.CommandLine\.\$\(BicepRuntimeIdentifier\)"" Version=""\[([^\]]+)\]""");
            Assert.True(pinned.Success, $"{toolsProject} no longer pins Azure.Bicep.CommandLine.$(BicepRuntimeIdentifier) as Version=\"[x.y.z]\"; update BicepCli to match.");
            var version = pinned.Groups[1].Value;
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var rid = windows ? "win-x64" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx-x64" : "linux-x64";
            var path = Path.Combine(root, ".tools", "nuget", $"azure.bicep.commandline.{rid}", version, "tools", windows ? "bicep.exe" : "bicep");
            if (!File.Exists(path)) Restore(toolsProject, path, $"Azure.Bicep.CommandLine.{rid} {version}");
            if (!windows)
            {
                // NuGet does not always keep the execute bit of a package file.
                var mode = File.GetUnixFileMode(path);
                if ((mode & UnixFileMode.UserExecute) == 0) File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
            return _executable = path;
        }

        private static void Restore(string toolsProject, string path, string package)
        {
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : ExternalTool.FindOnPath("dotnet");
            var advice = $"The Bicep export tests compile and lint the generated files with the Bicep CLI ({package}), which is not at {path}. " +
                $"Run 'dotnet restore {toolsProject}' on a machine whose NuGet feeds serve that package, or copy <repo>/.tools/nuget from one.";
            if (dotnet == null)
            {
                _unavailable = advice + " ('dotnet' is not on PATH here.)";
                Assert.Fail(_unavailable);
            }
            var (exit, stdout, stderr) = ExternalTool.Run(dotnet, new[] { "restore", toolsProject }, RestoreTimeout, environment: ToolEnvironment);
            if (exit != 0 || !File.Exists(path))
            {
                _unavailable = $"{advice}\n'dotnet restore' ended with exit code {exit} without it:\n{stdout}\n{stderr}";
                Assert.Fail(_unavailable);
            }
        }
    }

    /// <summary>What bicep build and bicep lint said of one text.</summary>
    public sealed class BicepResult
    {
        private static readonly Regex Position = new(@"\.bicep\((\d+),\d+\) : (?:Error|Warning|Info) ([A-Za-z0-9-]+):", RegexOptions.CultureInvariant);

        public BicepResult(string? json, int buildExitCode, IReadOnlyList<string> buildDiagnostics, int lintExitCode, IReadOnlyList<string> lintDiagnostics)
        {
            Json = json;
            BuildExitCode = buildExitCode;
            BuildDiagnostics = buildDiagnostics;
            LintExitCode = lintExitCode;
            LintDiagnostics = lintDiagnostics;
        }

        /// <summary>The ARM JSON bicep build wrote; null when it wrote none.</summary>
        public string? Json { get; }
        public int BuildExitCode { get; }
        public IReadOnlyList<string> BuildDiagnostics { get; }
        public int LintExitCode { get; }
        public IReadOnlyList<string> LintDiagnostics { get; }

        /// <summary>The 1-based lines that bicep lint reported with <paramref name="code"/>.</summary>
        public IReadOnlySet<int> LintedLines(string code) =>
            LintDiagnostics.Select(line => Position.Match(line)).Where(m => m.Success && m.Groups[2].Value == code)
                .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        public void AssertClean()
        {
            var problems = new List<string>();
            if (BuildExitCode != 0) problems.Add($"bicep build ended with exit code {BuildExitCode}.");
            if (LintExitCode != 0) problems.Add($"bicep lint ended with exit code {LintExitCode}.");
            if (Json == null) problems.Add("bicep build wrote no JSON.");
            problems.AddRange(BuildDiagnostics.Select(line => "build: " + line));
            problems.AddRange(LintDiagnostics.Select(line => "lint: " + line));
            Assert.True(problems.Count == 0, "The Bicep CLI did not accept the file cleanly:\n" + string.Join("\n", problems));
        }
    }
}
