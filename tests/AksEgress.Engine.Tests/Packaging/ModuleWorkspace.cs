namespace AksEgress.Engine.Tests.Packaging
{
    /// <summary>
    /// Inputs and outputs of one module build, all in a folder of its own: copies of the publish outputs, of module/
    /// and of the manifest (so a test may break one of them), and the out/ folder the build writes.
    /// </summary>
    public sealed class ModuleWorkspace : IDisposable
    {
        // Written by hand beside this work; until they are in module/en-US, stand-ins keep the layout testable. They
        // live in the workspace only, never in module/.
        private static readonly string[] HelpFiles = { "en-US/AksEgress.dll-Help.xml", "en-US/about_AksEgress.help.txt" };

        private readonly ModuleBuild _build;

        internal ModuleWorkspace(ModuleBuild build, string root)
        {
            _build = build;
            Root = root;
            StagingDirectory = Path.Combine(root, "staging");
            SourceDirectory = Path.Combine(root, "module");
            ManifestPath = Path.Combine(root, "AksEgress.psd1");
            OutRoot = Path.Combine(root, "out");

            foreach (var publish in new[] { "core", "desktop", "engine" })
            {
                CopyDirectory(Path.Combine(build.StagingDirectory, publish), Path.Combine(StagingDirectory, publish));
            }
            CopyDirectory(RepositoryFiles.PathOf("module"), SourceDirectory);
            foreach (var help in HelpFiles)
            {
                var path = Path.Combine(SourceDirectory, help);
                if (File.Exists(path)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "stand-in for " + help);
            }
            File.Copy(RepositoryFiles.PathOf("AksEgress.psd1"), ManifestPath);
        }

        public string Root { get; }
        public string StagingDirectory { get; }
        public string SourceDirectory { get; }
        public string ManifestPath { get; }
        public string OutRoot { get; }

        public string ModuleDirectory => Path.Combine(OutRoot, "AksEgress", _build.Version);
        public string AutomationZip => Path.Combine(OutRoot, "automation", "AksEgress.zip");
        public string Nupkg => Path.Combine(OutRoot, "nuget", $"AksEgress.{_build.Version}.nupkg");

        /// <summary>A target of the module project on this workspace's inputs, without publishing again.</summary>
        public MSBuildRun Run(string target) => _build.Run(target, new Dictionary<string, string>
        {
            ["ModuleSkipPublish"] = "true",
            ["ModuleOutRoot"] = OutRoot,
            ["ModuleStagingDir"] = StagingDirectory,
            ["ModuleSourceDir"] = SourceDirectory,
            ["ModuleManifestPath"] = ManifestPath,
        });

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        private static void CopyDirectory(string from, string to)
        {
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
