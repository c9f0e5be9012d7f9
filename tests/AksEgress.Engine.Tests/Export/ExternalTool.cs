using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>What the tests that run a real outside tool (a parser, a compiler, a shell) share: where the repository and the tool are, and a bounded run.</summary>
    public static class ExternalTool
    {
        /// <summary>The repository root: the nearest folder above the test binaries that holds AksEgressPs.sln.</summary>
        public static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "AksEgressPs.sln"))) return folder.FullName;
            }
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds AksEgressPs.sln.");
        }

        public static string? FindOnPath(string name)
        {
            var extensions = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new[] { ".exe", ".cmd", ".bat" } : new[] { "" };
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var extension in extensions)
                {
                    var candidate = Path.Combine(folder, name + extension);
                    if (File.Exists(candidate)) return candidate;
                }
            }
            return null;
        }

        /// <summary>
        /// Runs a program with no input and waits for it; past <paramref name="timeout"/> its whole process tree is
        /// killed and the calling test fails. <paramref name="environment"/> adds to (or, with a null value, removes
        /// from) the variables the program inherits.
        /// </summary>
        public static (int ExitCode, string Stdout, string Stderr) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
            string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            if (workingDirectory != null) start.WorkingDirectory = workingDirectory;
            foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            {
                if (value == null) start.Environment.Remove(name);
                else start.Environment[name] = value;
            }
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{fileName} {string.Join(" ", arguments)} did not finish within {timeout.TotalSeconds:0} s.");
            }
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
