using System.Diagnostics;
using System.Text;
using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>
    /// Runs an az script for real with bash against a fake az that logs every call, and reads the calls back; the
    /// flag readers the script tests share.
    /// </summary>
    internal static class FakeAz
    {
        private const string Bash = "/bin/bash";

        /// <summary>The single value after the first of <paramref name="flags"/> present in the call.</summary>
        public static string Flag(string[] call, params string[] flags)
        {
            foreach (var flag in flags)
            {
                var values = Values(call, flag);
                if (values.Count > 0) return Assert.Single(values);
            }
            Assert.Fail($"az {string.Join(" ", call)} has none of {string.Join(", ", flags)}");
            return "";
        }

        /// <summary>The words after <paramref name="flag"/> up to the next flag. Values here never start with "--".</summary>
        public static IReadOnlyList<string> Values(string[] call, string flag)
        {
            var at = Array.IndexOf(call, flag);
            if (at < 0) return Array.Empty<string>();
            return call.Skip(at + 1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        }

        public static void AssertBashSyntax(string script)
        {
            RequireBash();
            var path = Path.Combine(Path.GetTempPath(), $"aksegress-{Guid.NewGuid():N}.sh");
            File.WriteAllText(path, script, new UTF8Encoding(false));
            try
            {
                var (exit, _, stderr) = ExternalTool.Run(Bash, new[] { "-n", path }, TimeSpan.FromMinutes(1));
                Assert.True(exit == 0, $"bash -n rejected the script:\n{stderr}");
            }
            finally
            {
                File.Delete(path);
            }
        }

        public static void RequireBash()
        {
            if (!File.Exists(Bash)) Assert.Fail($"{Bash} is missing: the az script tests run the generated script with bash (install bash).");
        }

        /// <summary><see cref="Calls"/> are the calls that change the policy; <see cref="ExtensionQueries"/> the "az extension show" calls.</summary>
        public sealed record ScriptRun(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string[]> Calls, IReadOnlyList<string> WorkingDirectoryEntries, bool Injected,
            IReadOnlyList<string[]> ExtensionQueries);

        /// <summary>The azure-firewall extension version the fake az reports unless a test says otherwise (the newest in its HISTORY.rst).</summary>
        public const string CurrentExtensionVersion = "1.5.0";

        /// <summary>
        /// Runs the script with bash in an empty working folder, with a folder first on PATH that holds a fake
        /// az (it logs each call: the argument count, then every argument, NUL-terminated; "az extension show"
        /// prints <paramref name="extensionVersion"/>, or fails as az does when the extension is not installed if
        /// that is null) and fake rm and id that only leave a mark. Only the given inputs are in the environment.
        /// </summary>
        public static ScriptRun RunScript(string script, IReadOnlyDictionary<string, string> inputs, string? extensionVersion = CurrentExtensionVersion)
        {
            RequireBash();
            var root = Path.Combine(Path.GetTempPath(), $"aksegress-az-{Guid.NewGuid():N}");
            var bin = Path.Combine(root, "bin");
            var work = Path.Combine(root, "work");
            Directory.CreateDirectory(bin);
            Directory.CreateDirectory(work);
            try
            {
                var log = Path.Combine(root, "az.log");
                var mark = Path.Combine(root, "injected");
                WriteExecutable(Path.Combine(bin, "az"), "#!/bin/bash\n{ printf '%s\\0' \"$#\"; for a in \"$@\"; do printf '%s\\0' \"$a\"; done; } >> " + ShellText.Quote(log) + "\n" +
                    "if [[ \"$1 $2\" == 'extension show' ]]; then\n" +
                    (extensionVersion == null
                        ? "  echo \"ERROR: The extension azure-firewall is not installed.\" >&2\n  exit 1\n"
                        : "  printf '%s\\n' " + ShellText.Quote(extensionVersion) + "\n") +
                    "fi\n");
                foreach (var tool in new[] { "rm", "id" })
                {
                    WriteExecutable(Path.Combine(bin, tool), "#!/bin/bash\necho " + tool + " >> " + ShellText.Quote(mark) + "\n");
                }
                var path = Path.Combine(root, "egress.sh");
                File.WriteAllText(path, script, new UTF8Encoding(false));

                var start = new ProcessStartInfo(Bash)
                {
                    WorkingDirectory = work,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    RedirectStandardInput = true,
                    UseShellExecute = false,
                };
                start.ArgumentList.Add(path);
                foreach (var name in AzCliWriter.DeclaredVariables)
                {
                    start.Environment.Remove(name);
                }
                foreach (var (name, value) in inputs) start.Environment[name] = value;
                start.Environment["PATH"] = bin + ":" + (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin");

                using var process = Process.Start(start)!;
                process.StandardInput.Close();
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(120_000))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail("The script did not finish within 120 s.");
                }
                process.WaitForExit();

                var calls = new List<string[]>();
                if (File.Exists(log))
                {
                    var words = Encoding.UTF8.GetString(File.ReadAllBytes(log)).Split('\0');
                    var at = 0;
                    while (at < words.Length - 1)
                    {
                        var count = int.Parse(words[at++], System.Globalization.CultureInfo.InvariantCulture);
                        calls.Add(words.Skip(at).Take(count).ToArray());
                        at += count;
                    }
                }
                var entries = Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName).Select(n => n!).ToList();
                bool IsQuery(string[] call) => call.Length >= 2 && call[0] == "extension" && call[1] == "show";
                return new ScriptRun(process.ExitCode, stdout.Result, stderr.Result, calls.Where(c => !IsQuery(c)).ToList(), entries, File.Exists(mark),
                    calls.Where(IsQuery).ToList());
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        public static void WriteExecutable(string path, string text)
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
