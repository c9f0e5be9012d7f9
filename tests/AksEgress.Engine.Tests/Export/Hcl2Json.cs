using System.Text;
using System.Text.Json;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>
    /// Parses HCL with HashiCorp's own parser: the npm package @cdktf/hcl2json, which bundles the Go HCL
    /// library as WebAssembly, run by node. The package lives in &lt;repo&gt;/.tools (gitignored); when it is
    /// missing it is installed there once per test process. Without node or npm the calling test fails and
    /// says what to install: it never passes without having parsed.
    /// </summary>
    public static class Hcl2Json
    {
        public const string Package = "@cdktf/hcl2json";
        public const string Version = "0.21.0";

        private static readonly object Gate = new();
        private static string? _packageDirectory;
        private static string? _scriptPath;

        // Reads the .tf text from a file (argv[3]) and prints hcl2json's JSON; a parse error goes to stderr with exit code 1.
        private const string Script = """
            'use strict';
            const fs = require('fs');
            const { parse } = require(process.argv[2]);
            parse('main.tf', fs.readFileSync(process.argv[3], 'utf8')).then(
              (json) => { process.stdout.write(JSON.stringify(json)); },
              (error) => { process.stderr.write(String((error && error.message) || error) + '\n'); process.exitCode = 1; });
            """;

        /// <summary>The JSON form of <paramref name="hcl"/>; fails the test with the parser's diagnostics when it is not valid HCL.</summary>
        public static JsonDocument Parse(string hcl)
        {
            var package = PackageDirectory();
            var node = ExternalTool.FindOnPath("node") ?? throw Missing("node");
            var script = ScriptPath();
            var input = Path.Combine(Path.GetTempPath(), $"aksegress-{Guid.NewGuid():N}.tf");
            File.WriteAllText(input, hcl, new UTF8Encoding(false));
            try
            {
                var (exit, stdout, stderr) = ExternalTool.Run(node, new[] { script, package, input }, TimeSpan.FromMinutes(2));
                if (exit != 0) Assert.Fail($"The HCL parser ({Package} {Version}) rejected the Terraform text (exit code {exit}):\n{stderr}");
                return JsonDocument.Parse(stdout);
            }
            finally
            {
                File.Delete(input);
            }
        }

        /// <summary>&lt;repo&gt;/.tools/node_modules/@cdktf/hcl2json, installed with npm when it is not there yet.</summary>
        public static string PackageDirectory()
        {
            lock (Gate)
            {
                if (_packageDirectory != null) return _packageDirectory;
                var tools = Path.Combine(ExternalTool.RepositoryRoot(), ".tools");
                var directory = Path.Combine(tools, "node_modules", "@cdktf", "hcl2json");
                if (!File.Exists(Path.Combine(directory, "package.json")))
                {
                    if (ExternalTool.FindOnPath("node") == null) throw Missing("node");
                    var npm = ExternalTool.FindOnPath("npm") ?? throw Missing("npm");
                    Directory.CreateDirectory(tools);
                    var (exit, stdout, stderr) = ExternalTool.Run(npm, new[] { "install", "--no-audit", "--no-fund", "--prefix", tools, $"{Package}@{Version}" }, TimeSpan.FromMinutes(5));
                    if (exit != 0 || !File.Exists(Path.Combine(directory, "package.json")))
                    {
                        Assert.Fail($"npm install --prefix {tools} {Package}@{Version} failed (exit code {exit}); the Terraform tests need it to parse HCL.\n{stdout}\n{stderr}");
                    }
                }
                _packageDirectory = directory;
                return directory;
            }
        }

        private static string ScriptPath()
        {
            lock (Gate)
            {
                if (_scriptPath != null) return _scriptPath;
                var path = Path.Combine(Path.GetTempPath(), $"aksegress-hcl2json-{Environment.ProcessId}.js");
                File.WriteAllText(path, Script.Replace("\r\n", "\n") + "\n", new UTF8Encoding(false));
                AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
                _scriptPath = path;
                return path;
            }
        }

        private static Exception Missing(string tool) => new InvalidOperationException(
            $"'{tool}' is not on PATH. The Terraform export tests parse the generated HCL with {Package} {Version}, which runs on Node.js: " +
            $"install Node.js with npm (for example 'apt-get install nodejs npm'), or run 'npm install --prefix <repo>/.tools {Package}@{Version}' on a machine that has it.");
    }
}
